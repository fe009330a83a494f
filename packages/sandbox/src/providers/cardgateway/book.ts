/**
 * The card gateway stage's payments, in memory: one per merchant transaction id per merchant (the
 * gateway refuses a second payment for the same merchant transaction id, which is what keeps a
 * double-submitted card form from paying twice).
 */
import { randomInt } from 'node:crypto';
import type { CardGatewayPayment } from './model.js';

export interface CardGatewayBook {
  add(payment: CardGatewayPayment): void;
  get(paymentId: string): CardGatewayPayment | undefined;
  byMerchantTransactionId(memberId: string, merchantTransactionId: string): CardGatewayPayment | undefined;
  /** The ACS's one-time token → its payment. */
  byAcsToken(token: string): CardGatewayPayment | undefined;
  list(filter?: (payment: CardGatewayPayment) => boolean): CardGatewayPayment[];
  newPaymentId(): string;
  reset(): void;
}

export function createCardGatewayBook(): CardGatewayBook {
  const payments = new Map<string, CardGatewayPayment>();
  return {
    add: (payment) => {
      payments.set(payment.paymentId, payment);
    },
    get: (paymentId) => payments.get(paymentId),
    byMerchantTransactionId: (memberId, merchantTransactionId) =>
      [...payments.values()].find(
        (payment) => payment.memberId === memberId && payment.merchantTransactionId === merchantTransactionId,
      ),
    byAcsToken: (token) => [...payments.values()].find((payment) => payment.acsToken === token),
    list: (filter) => [...payments.values()].filter((payment) => filter?.(payment) ?? true),
    // Paymentz tracking ids are plain numbers ("77251" in Xoala's worked example).
    newPaymentId: () => {
      for (;;) {
        const id = String(randomInt(100_000, 99_999_999));
        if (!payments.has(id)) return id;
      }
    },
    reset: () => payments.clear(),
  };
}
