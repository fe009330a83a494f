import { type APIRequestContext, expect } from '@playwright/test';

/** The pay.tech sandbox's own record of a payment (its admin API: the wire view plus what only it knows). */
export interface PaytechRecord {
  id: string;
  referenceId?: string;
  paymentType: string;
  state: string;
  amount: number;
  currency: string;
  errorCode?: string;
  parentPaymentId?: string;
  refunded: number;
  webhookUrl?: string;
  operations: { operation: string; state: string; amount: number }[];
}

/** server-kit's merchant view (`GET /checkout/merchant/sessions/:id`, Bearer merchant key). */
export interface MerchantView {
  sessionId: string;
  status: string;
  reason?: string;
  provider: string;
  amounts: { authorized: number; captured: number; refunded: number };
  operations: {
    kind: string;
    status: string;
    amount: { value: number };
    providerRef?: string;
    reason?: string;
  }[];
  attempts: { provider: string; outcome: string }[];
}

/**
 * What the pay.tech journeys check behind the browser: the sandbox's record of the payment and its
 * webhook deliveries, and server-kit's merchant view.
 */
export class PaytechRecords {
  constructor(
    private readonly request: APIRequestContext,
    private readonly sandboxUrl: string,
    private readonly merchantKey: string,
  ) {}

  async payment(id: string): Promise<PaytechRecord> {
    const response = await this.request.get(`${this.sandboxUrl}/paytech/admin/payments/${id}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as PaytechRecord;
  }

  /** Payments of the sandbox whose amount is this (major units), e.g. to prove none was created. */
  async paymentsOf(amount: number): Promise<PaytechRecord[]> {
    const response = await this.request.get(`${this.sandboxUrl}/paytech/admin/payments`);
    const { payments } = (await response.json()) as { payments: PaytechRecord[] };
    return payments.filter((payment) => payment.amount === amount);
  }

  async refundsOf(parentId: string): Promise<PaytechRecord[]> {
    const response = await this.request.get(
      `${this.sandboxUrl}/paytech/admin/payments?parentPaymentId=${parentId}`,
    );
    return ((await response.json()) as { payments: PaytechRecord[] }).payments;
  }

  /** The stage delivered a webhook for this payment in `state`, and the shop answered 2xx. */
  async expectWebhookDelivered(id: string, state: string): Promise<void> {
    await expect
      .poll(async () => {
        const response = await this.request.get(
          `${this.sandboxUrl}/paytech/admin/notifications?paymentId=${id}`,
        );
        const { notifications } = (await response.json()) as {
          notifications: { status: string; delivered: boolean }[];
        };
        return notifications.some((attempt) => attempt.status === state && attempt.delivered);
      })
      .toBe(true);
  }

  async merchantView(sessionId: string): Promise<MerchantView> {
    const response = await this.request.get(`/checkout/merchant/sessions/${sessionId}`, {
      headers: { authorization: `Bearer ${this.merchantKey}` },
    });
    expect(response.status()).toBe(200);
    return (await response.json()) as MerchantView;
  }
}
