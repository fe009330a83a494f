/**
 * Callbacks to the merchant's `notificationUrl`: a JSON POST of the payment answer plus `checksum =
 * md5(paymentId|merchantTransactionId|amount|transactionStatus|secureKey)`, through the shared notifier
 * (retries, delay, duplicates, reordering). Sent when a payment's authorization ends (`Y`, `N`, `C`):
 * after a synchronous answer and after the ACS. Back-office calls answer synchronously and send none.
 */
import type { KnobBoard } from '../../shared/knobs/knob-board.js';
import { createNotifier, type Notifier } from '../../shared/notifications/notifier.js';
import { paymentAnswer } from './answers.js';
import { callbackChecksum } from './checksum.js';
import { merchantById } from './merchants.js';
import { type CardGatewayPayment, decimalAmount } from './model.js';

export function createCardGatewayNotifier(options: {
  retryBaseMs?: number;
  random?: () => number;
}): Notifier {
  return createNotifier({
    headersFor: () => ({ 'content-type': 'application/json' }),
    retryBaseMs: options.retryBaseMs,
    random: options.random,
  });
}

/** Schedules the callback of a payment whose authorization just ended; nothing without a URL. */
export function sendCallback(notifier: Notifier, knobs: KnobBoard, payment: CardGatewayPayment): void {
  const merchant = merchantById(payment.memberId);
  if (!payment.notificationUrl || !merchant) return;
  const body = {
    ...paymentAnswer(payment),
    checksum: callbackChecksum(
      payment.paymentId,
      payment.merchantTransactionId,
      decimalAmount(payment.amount),
      payment.transactionStatus,
      merchant.secureKey,
    ),
  };
  notifier.notify({
    paymentId: payment.paymentId,
    url: payment.notificationUrl,
    status: payment.status,
    final: true,
    rawBody: JSON.stringify(body),
    knobs: knobs.forNewPayment({}),
  });
}
