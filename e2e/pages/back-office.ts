import { type APIRequestContext, expect } from '@playwright/test';

/** `GET /checkout/sessions/:id`: server-kit's unified status (docs/architecture.md). */
export interface SessionView {
  sessionId: string;
  status: string;
  reason?: string;
  amount: { value: number; currency: string };
  method: string;
  provider: string;
}

export interface PaymentHistory {
  sessionId: string;
  orderId: string;
  status: string;
  events: { status: string; reason?: string; source: string; providerStatus?: string }[];
}

export interface SandboxPayment {
  paymentId: string;
  status: string;
  statusReason?: string;
}

export interface DeliveryAttempt {
  paymentId: string;
  status: string;
  statusCode?: number;
  delivered: boolean;
  copy: number;
}

/**
 * What the journeys check behind the browser: server-kit's session API, the shop's payment history
 * (the status events server-kit stored), and the sandbox's admin API (payments, notification log,
 * manual-review approval).
 */
export class BackOffice {
  constructor(
    private readonly request: APIRequestContext,
    readonly sandboxUrl: string,
  ) {}

  async session(sessionId: string): Promise<SessionView> {
    const response = await this.request.get(`/checkout/sessions/${sessionId}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as SessionView;
  }

  async history(sessionId: string): Promise<PaymentHistory> {
    const response = await this.request.get(`/api/payments/${sessionId}/history`);
    expect(response.status()).toBe(200);
    return (await response.json()) as PaymentHistory;
  }

  /** The sandbox payment opened through the widget with this key. */
  async sandboxPayment(widgetKey: string): Promise<SandboxPayment> {
    const response = await this.request.get(`${this.sandboxUrl}/connectpay/admin/payments?key=${widgetKey}`);
    expect(response.status()).toBe(200);
    const { payments } = (await response.json()) as { payments: SandboxPayment[] };
    expect(payments).toHaveLength(1);
    return payments[0];
  }

  async notifications(paymentId: string): Promise<DeliveryAttempt[]> {
    const response = await this.request.get(
      `${this.sandboxUrl}/connectpay/admin/notifications?paymentId=${paymentId}`,
    );
    expect(response.status()).toBe(200);
    return ((await response.json()) as { notifications: DeliveryAttempt[] }).notifications;
  }

  /** Per-payment sandbox knobs, e.g. `{duplicateNotifications: true}`. */
  async setKnobs(paymentId: string, knobs: Record<string, unknown>): Promise<void> {
    const response = await this.request.put(
      `${this.sandboxUrl}/connectpay/admin/payments/${paymentId}/knobs`,
      {
        data: knobs,
      },
    );
    expect(response.status()).toBe(200);
  }

  async approve(paymentId: string): Promise<void> {
    const response = await this.request.post(
      `${this.sandboxUrl}/connectpay/admin/payments/${paymentId}/approve`,
    );
    expect(response.status()).toBe(200);
  }

  /**
   * The provider's final notification reached the shop and was applied exactly once: the sandbox
   * delivered it (2xx), and server-kit's history holds the final status exactly once, however many
   * hints (notifications, return-page reconciles, polls) arrived. `GET sessions/:id` says the same.
   */
  async expectAppliedOnce(sessionId: string, widgetKey: string, finalStatus: string): Promise<void> {
    expect((await this.session(sessionId)).status).toBe(finalStatus);
    const payment = await this.sandboxPayment(widgetKey);
    await expect
      .poll(async () => {
        const attempts = await this.notifications(payment.paymentId);
        return attempts.some((attempt) => attempt.status === payment.status && attempt.delivered);
      })
      .toBe(true);
    const history = await this.history(sessionId);
    expect(history.status).toBe(finalStatus);
    expect(history.events.filter((event) => event.status === finalStatus)).toHaveLength(1);
  }
}
