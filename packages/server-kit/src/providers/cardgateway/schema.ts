/**
 * What the card gateway sends us (packages/sandbox/README.md, "Card gateway stage", the Paymentz platform),
 * as zod schemas. Unknown fields pass: the gateway adds fields freely (`remark`, `descriptor`, …).
 */
import { z } from 'zod';
import { CARDGATEWAY_LONG_STATUSES, CARDGATEWAY_SHORT_STATUSES } from './statuses.js';

/** `POST …/authToken`: the JWT in `AuthToken`, valid an hour. */
export const TokenAnswer = z.object({
  AuthToken: z.string().min(1),
  result: z.object({ code: z.string(), description: z.string().optional() }).optional(),
});

export const GatewayResult = z.object({ code: z.string(), description: z.string().default('') });

/** The 3-D Secure (or asynchronous) step: where the shopper goes, how, with which fields. */
export const GatewayRedirect = z.object({
  url: z.string().min(1),
  method: z.string().default('POST'),
  parameters: z.array(z.object({ name: z.string().min(1), value: z.string() })).default([]),
});

/** The answer of a payment, an inquiry or a back-office call; also the body of a callback. */
export const PaymentAnswer = z.object({
  paymentId: z.string().min(1),
  merchantTransactionId: z.string().optional(),
  status: z.enum(CARDGATEWAY_LONG_STATUSES),
  transactionStatus: z.enum(CARDGATEWAY_SHORT_STATUSES),
  result: GatewayResult,
  amount: z.string().optional(),
  currency: z.string().optional(),
  card: z.object({ bin: z.string().optional(), last4Digits: z.string().optional() }).optional(),
  redirect: GatewayRedirect.optional(),
  remark: z.string().optional(),
});
export type PaymentAnswer = z.infer<typeof PaymentAnswer>;

/** A callback: the payment answer's fields plus the checksum, everything as text. */
export const CallbackFields = z.object({
  paymentId: z.string().min(1),
  merchantTransactionId: z.string().min(1),
  amount: z.string().min(1),
  status: z.string().min(1),
  transactionStatus: z.string().min(1),
  checksum: z.string().min(1),
  result: GatewayResult.optional(),
  remark: z.string().optional(),
});

/** `result.code` of a read (inquiry, `GET payments/{id}`): the result then describes the read. */
export const RECORD_FOUND_CODE = '00026';

/**
 * Why the payment ended as it did. A payment call's or callback's `result` describes the payment; a
 * read's `result` only says the record was found (`00026`), and the payment's own outcome is in
 * `remark`. Reading the decline reason from a read's result made a failed 3-D Secure challenge look
 * like a plain decline whenever the kit's read came before the callback.
 */
export function outcomeDescription(answer: {
  result?: { code: string; description: string };
  remark?: string;
}): string {
  if (answer.remark) return answer.remark;
  if (!answer.result || answer.result.code === RECORD_FOUND_CODE) return '';
  return answer.result.description;
}

/** The gateway's error body: `{result: {code, description}}`. */
export const ErrorAnswer = z.object({ result: GatewayResult });
