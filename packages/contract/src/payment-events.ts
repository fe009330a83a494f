import { z } from 'zod';
import { MerchantSessionView } from './merchant.js';
import { SessionStatus, StatusReason } from './status.js';
import { Money, PaymentMethod } from './wire.js';

/**
 * What server-kit tells the merchant about an order's payments, in process (`onPaymentEvent`) and as
 * signed merchant webhooks (docs/server-kit.md, "Fulfil orders"). `payment.duplicate` replaces
 * `payment.authorized` / `payment.succeeded` for a second payment of an order that was already paid:
 * it is never a reason to fulfil, and the kit voids or refunds it where the provider can.
 */
export const PAYMENT_EVENT_TYPES = [
  'payment.processing',
  'payment.authorized',
  'payment.succeeded',
  'payment.failed',
  'payment.cancelled',
  'payment.expired',
  'payment.refunded',
  'payment.duplicate',
] as const;
export const PaymentEventType = z.enum(PAYMENT_EVENT_TYPES);
export type PaymentEventType = z.infer<typeof PaymentEventType>;

/** The payment an event is about, as it was when the event was written. */
export const PaymentEventData = z.object({
  orderId: z.string(),
  sessionId: z.string(),
  provider: z.string(),
  method: PaymentMethod,
  amount: Money,
  status: SessionStatus,
  reason: StatusReason.optional(),
  /** `payment.duplicate`: the session that paid the order first. */
  duplicateOf: z.string().optional(),
  /** `payment.refunded`: the refund's amount (minor units) and its operation id. */
  refund: z.object({ operationId: z.string(), amount: Money }).optional(),
});
export type PaymentEventData = z.infer<typeof PaymentEventData>;

/**
 * One event: the JSON body of a merchant webhook and the argument of `onPaymentEvent`. `id` is stable
 * (the `webhook-id` header too): a redelivery carries the same id, so fulfil once per id.
 */
export const PaymentEvent = z.object({
  id: z.string(),
  type: PaymentEventType,
  /** ISO 8601, when the change was committed. */
  timestamp: z.string(),
  data: PaymentEventData,
});
export type PaymentEvent = z.infer<typeof PaymentEvent>;

/** `GET merchant/orders/:orderId`: every payment attempt of one order and the one that paid it. */
export const MerchantOrderView = z.object({
  orderId: z.string(),
  /** `paid`: a session authorized or succeeded; `processing`: one is still being settled; else `unpaid`. */
  status: z.enum(['paid', 'processing', 'unpaid']),
  /** The session that paid the order (never a duplicate); absent while unpaid. */
  paidSessionId: z.string().optional(),
  /** Newest first; duplicates carry `duplicateOf`. */
  sessions: z.array(MerchantSessionView.extend({ duplicateOf: z.string().optional() })),
});
export type MerchantOrderView = z.infer<typeof MerchantOrderView>;
