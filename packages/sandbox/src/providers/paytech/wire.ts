/**
 * A payment as pay.tech shows it: the `result` of Find payment, of the create answer, of capture and
 * void, an item of Get payments, and the body of a webhook (packages/sandbox/README.md, "pay.tech": the webhook body is the
 * same `PaymentResult` object). Amounts in major units, times as `YYYY-MM-DDTHH:MM:SS`.
 */
import { envelopeTime, toMajor, wireTime } from './amounts.js';
import { PAYTECH_ERROR_CODES, type PaytechPayment } from './model.js';

/** The hosted payment page of a deposit: `{base}/payment/{id}` (pay.tech: `https://<gateway-domain>/payment/<id>`). */
export function paymentPageUrl(origin: string, prefix: string, id: string): string {
  return `${origin}${prefix}/payment/${id}`;
}

/** The payment's wire view; its `redirectUrl` is on the origin it was created through. */
export function toWire(payment: PaytechPayment, prefix: string) {
  const origin = payment.origin;
  return {
    id: payment.id,
    ...(payment.referenceId === undefined ? {} : { referenceId: payment.referenceId }),
    created: wireTime(payment.created),
    updated: wireTime(payment.updated),
    paymentType: payment.paymentType,
    state: payment.state,
    ...(payment.description === undefined ? {} : { description: payment.description }),
    ...(payment.parentPaymentId ? { parentPaymentId: payment.parentPaymentId } : {}),
    paymentMethod: payment.paymentMethod,
    ...(payment.card
      ? {
          paymentMethodDetails: {
            cardBrand: payment.card.brand,
            customerAccountNumber: `************${payment.card.last4}`,
          },
        }
      : {}),
    amount: toMajor(payment.amount, payment.currency),
    currency: payment.currency,
    ...(payment.paymentType === 'DEPOSIT' ? { redirectUrl: paymentPageUrl(origin, prefix, payment.id) } : {}),
    ...(payment.errorCode
      ? { errorCode: payment.errorCode, errorMessage: PAYTECH_ERROR_CODES[payment.errorCode] }
      : {}),
    preAuth: payment.preAuth,
    startRecurring: false,
    terminalName: 'pay-sandbox',
  };
}

export function toWireOperations(payment: PaytechPayment) {
  return [...payment.operations].reverse().map((operation) => ({
    id: operation.id,
    operation: operation.operation,
    state: operation.state,
    amount: toMajor(operation.amount, operation.currency),
    currency: operation.currency,
    created: wireTime(operation.created),
    ...(operation.errorCode
      ? { errorCode: operation.errorCode, errorMessage: PAYTECH_ERROR_CODES[operation.errorCode] }
      : {}),
  }));
}

/** Every answer: `{timestamp, status, result}` (the list adds `hasMore`). */
export function envelope(result: unknown, extra: Record<string, unknown> = {}, now = Date.now()): Response {
  return new Response(JSON.stringify({ timestamp: envelopeTime(now), status: 200, ...extra, result }), {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
