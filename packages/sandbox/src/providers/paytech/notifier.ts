/**
 * pay.tech's webhooks: on every webhook state (AUTHORIZED, COMPLETED, DECLINED, CANCELLED) `POST` the
 * payment's `PaymentResult` to its `webhookUrl` (or the shop's), signed with `Signature`, through the
 * shared notifier (`shared/notifications/notifier.ts`: retries with backoff, delivery log, and the delay,
 * duplicate and reorder knobs). pay.tech documents no retry policy; the shared one applies (README).
 */
import { createNotifier, type Notifier } from '../../shared/notifications/notifier.js';
import type { PaytechBook } from './book.js';
import { FINAL_PAYTECH_STATES, type PaytechPayment, WEBHOOK_STATES } from './model.js';
import type { ShopDirectory } from './shops.js';
import { PAYTECH_SIGNATURE_HEADER, signPaytechWebhook } from './webhook-signature.js';

export interface PaytechNotifierOptions {
  book: PaytechBook;
  shops: ShopDirectory;
  bodyOf(payment: PaytechPayment): unknown;
  retryBaseMs?: number;
  random?: () => number;
}

export function createPaytechNotifier(options: PaytechNotifierOptions): Notifier {
  const notifier = createNotifier({
    retryBaseMs: options.retryBaseMs,
    random: options.random,
    headersFor: (notification, attempt) => ({
      'content-type': 'application/json',
      'user-agent': 'pay-sandbox-paytech-webhooks',
      'x-sandbox-attempt': String(attempt),
      ...(notification.signingKey
        ? { [PAYTECH_SIGNATURE_HEADER]: signPaytechWebhook(notification.rawBody, notification.signingKey) }
        : {}),
    }),
  });

  const unsubscribe = options.book.onChange((payment) => {
    if (!WEBHOOK_STATES.includes(payment.state)) return;
    const url = payment.webhookUrl;
    if (!url) return;
    notifier.notify({
      paymentId: payment.id,
      url,
      status: payment.state,
      final: FINAL_PAYTECH_STATES.includes(payment.state),
      rawBody: JSON.stringify(options.bodyOf(payment)),
      knobs: payment.knobs,
      signingKey: options.shops.get(payment.shopId)?.signingKey,
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
