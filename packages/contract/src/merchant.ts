import { z } from 'zod';
import { Money, SessionView } from './wire.js';

/** What a merchant can do to a payment after the shopper paid (docs/architecture.md, merchant side). */
export const OPERATION_KINDS = ['capture', 'void', 'refund'] as const;
export const OperationKind = z.enum(OPERATION_KINDS);
export type OperationKind = z.infer<typeof OperationKind>;

/** `pending`: the provider accepted it and reports the result later. */
export const OPERATION_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export const OperationStatus = z.enum(OPERATION_STATUSES);
export type OperationStatus = z.infer<typeof OperationStatus>;

/**
 * `POST merchant/sessions/:id/capture|void|refund` body. `amount` in minor units of the session's
 * currency; absent: the whole remainder (capture: authorized minus captured; refund: captured minus
 * refunded). A void takes no amount. `Idempotency-Key` header required.
 */
export const OperationRequest = z
  .object({ amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() })
  .strict();
export type OperationRequest = z.infer<typeof OperationRequest>;

/** One capture, void or refund as recorded in the operations ledger. */
export const OperationView = z.object({
  operationId: z.string(),
  kind: OperationKind,
  status: OperationStatus,
  amount: Money,
  providerRef: z.string().optional(),
  /** The provider's words for a failure. */
  reason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OperationView = z.infer<typeof OperationView>;

/** How one provider try of `POST sessions` ended (routing with failover). */
export const ATTEMPT_OUTCOMES = ['pending', 'created', 'refused', 'unknown', 'unavailable'] as const;
export const AttemptOutcome = z.enum(ATTEMPT_OUTCOMES);
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

export const AttemptView = z.object({
  /** 1 for the first provider tried, 2 for the first fallback, … */
  attempt: z.number().int().positive(),
  provider: z.string(),
  outcome: AttemptOutcome,
  /** The kit's error code when the try failed (`provider_error`, `provider_timeout`, …). */
  errorCode: z.string().optional(),
  at: z.string(),
});
export type AttemptView = z.infer<typeof AttemptView>;

/** Settlement in minor units of the session's currency; the shopper-facing status stays monotonic. */
export const SettlementAmounts = z.object({
  authorized: z.number().int().nonnegative(),
  captured: z.number().int().nonnegative(),
  refunded: z.number().int().nonnegative(),
});
export type SettlementAmounts = z.infer<typeof SettlementAmounts>;

/** `GET merchant/sessions/:id` and the body of every operation answer: the shopper view and settlement. */
export const MerchantSessionView = SessionView.extend({
  orderId: z.string(),
  amounts: SettlementAmounts,
  operations: z.array(OperationView),
  attempts: z.array(AttemptView),
});
export type MerchantSessionView = z.infer<typeof MerchantSessionView>;

/** `POST merchant/sessions/:id/capture|void|refund` → 201 (200 on an idempotent replay). */
export const OperationResponse = z.object({
  operation: OperationView,
  session: MerchantSessionView,
});
export type OperationResponse = z.infer<typeof OperationResponse>;
