import type { RunningSandbox } from '@pay-checkout/sandbox';

/** A ConnectPay payment in the sandbox, as its admin API shows it. */
export interface SandboxPayment {
  paymentId: string;
  status: string;
  statusReason?: string;
}

/**
 * The ConnectPay payment opened by the widget with this key (`Shopper.payWith` returns it as
 * `providerReference`). The sandbox's admin API is a test-only API: the real provider has none.
 */
export async function connectPayPayment(sandbox: RunningSandbox, widgetKey: string): Promise<SandboxPayment> {
  const response = await fetch(
    `${sandbox.urlOf('connectpay')}/admin/payments?key=${encodeURIComponent(widgetKey)}`,
  );
  if (!response.ok) throw new Error(`sandbox admin answered ${response.status} for the payment lookup`);
  const { payments } = (await response.json()) as { payments: SandboxPayment[] };
  const payment = payments[0];
  if (!payment) throw new Error(`no ConnectPay payment was opened with widget key ${widgetKey}`);
  return payment;
}

async function decide(
  sandbox: RunningSandbox,
  widgetKey: string,
  action: 'approve' | 'reject',
): Promise<void> {
  const payment = await connectPayPayment(sandbox, widgetKey);
  const response = await fetch(
    `${sandbox.urlOf('connectpay')}/admin/payments/${encodeURIComponent(payment.paymentId)}/${action}`,
    { method: 'POST' },
  );
  if (!response.ok) {
    throw new Error(
      `the sandbox refused to ${action} payment ${payment.paymentId} (${response.status}): ${await response.text()}`,
    );
  }
}

/**
 * Plays the provider's risk team approving a payment stopped for manual review (ConnectPay, amount
 * `MANUAL_REVIEW_ORDER`): the sandbox notifies server-kit, and the session becomes `succeeded`.
 */
export function approveManualReview(sandbox: RunningSandbox, widgetKey: string): Promise<void> {
  return decide(sandbox, widgetKey, 'approve');
}

/** The same, rejecting it: the session becomes `failed`. */
export function rejectManualReview(sandbox: RunningSandbox, widgetKey: string): Promise<void> {
  return decide(sandbox, widgetKey, 'reject');
}
