import type { SandboxPayment } from '../../../src/providers/connectpay/model.js';
import type { TestSandbox } from './sandbox.js';

/**
 * Moves payments through the book directly (no widget pages): for notifier, knob and admin tests that
 * care about what happens after a status change, not about the pages.
 */
export function bookOf(t: TestSandbox) {
  const book = t.sandbox.connectPay.book;
  const keyOf = (paymentId: string): string => {
    const payment = book.get(paymentId);
    if (!payment) throw new Error(`no payment ${paymentId}`);
    return payment.key;
  };
  return {
    book,
    get: (paymentId: string): SandboxPayment => book.get(paymentId)!,
    /** Fake Bank preselected: login → Pending. */
    login: (paymentId: string) => book.bankLogin(keyOf(paymentId), 'username', 'secret'),
    /** Confirmation code → Completed (or PendingProvider at 99.99 EUR). */
    code: (paymentId: string) => book.bankCode(keyOf(paymentId), '123456'),
    cancel: (paymentId: string) => book.cancel(keyOf(paymentId)),
  };
}
