/**
 * ConnectPay's `notificationUrl` callbacks: on every status change, `POST` the Get payment details body
 * (packages/sandbox/README.md, ConnectPay's wire) through the shared notifier (`shared/notifications/notifier.ts`: retries,
 * delivery log, delay / duplicate / reorder knobs). ConnectPay "retries up to 5 times on error"; each
 * attempt is also a line in the payment's history. Real ConnectPay does not sign its callbacks; the
 * sandbox adds `X-Sandbox-Signature` for clients with a notification secret.
 */
import {
  createNotifier,
  type Notifier,
  type DeliveryAttempt as SharedDeliveryAttempt,
} from '../../shared/notifications/notifier.js';
import type { SandboxPaymentBook } from './book.js';
import type { ConnectPayStatus, SandboxPayment } from './model.js';
import { FINAL_CONNECTPAY_STATUSES } from './model.js';
import { NOTIFICATION_SIGNATURE_HEADER, signNotification } from './notification-signature.js';

export type DeliveryAttempt = SharedDeliveryAttempt<ConnectPayStatus>;

export interface ConnectPayNotifierOptions {
  book: SandboxPaymentBook;
  /** The notification body for a payment snapshot (the details body). */
  bodyOf(payment: SandboxPayment): unknown;
  /** The client's notification secret for the sandbox-only signature; undefined → unsigned. */
  secretOf(payment: SandboxPayment): string | undefined;
  retryBaseMs?: number;
  random?: () => number;
}

export function createConnectPayNotifier(options: ConnectPayNotifierOptions): Notifier {
  const notifier = createNotifier({
    retryBaseMs: options.retryBaseMs,
    random: options.random,
    headersFor: (notification, attempt, at) => {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'pay-sandbox-connectpay-notifier',
        'x-connectpay-timestamp': at.toISOString(),
        'x-sandbox-attempt': String(attempt),
      };
      const secret = notification.signingKey;
      if (secret) {
        headers[NOTIFICATION_SIGNATURE_HEADER] = signNotification({ rawBody: notification.rawBody, secret });
      }
      return headers;
    },
    onAttempt: (entry) => {
      const outcome =
        entry.statusCode !== undefined ? `HTTP ${entry.statusCode}` : (entry.error ?? 'no answer');
      const copyNote = entry.copy > 1 ? ` (duplicate copy ${entry.copy})` : '';
      try {
        options.book.addNote(
          entry.paymentId,
          `notification ${entry.status} attempt ${entry.attempt}${copyNote}: ${outcome}${entry.delivered ? '' : ', not delivered'}`,
        );
      } catch {
        // The payment was reset away while the delivery ran; the attempt log still has it.
      }
    },
  });

  const unsubscribe = options.book.onStatusChange((payment) => {
    if (!payment.notificationUrl) return;
    notifier.notify({
      paymentId: payment.paymentId,
      url: payment.notificationUrl,
      status: payment.status,
      final: FINAL_CONNECTPAY_STATUSES.includes(payment.status),
      rawBody: JSON.stringify(options.bodyOf(payment)),
      knobs: payment.knobs,
      signingKey: options.secretOf(payment),
    });
  });

  return {
    ...notifier,
    close: async () => {
      unsubscribe();
      await notifier.close();
    },
  };
}
