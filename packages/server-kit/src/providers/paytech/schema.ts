import { z } from 'zod';

/**
 * pay.tech Gateway API payloads (reference: pay.tech API 1.0.61; packages/sandbox/README.md, "pay.tech"). Requests are typed
 * so the adapter cannot send a misspelt field; answers are parsed loosely (pay.tech adds fields over
 * time) but the fields we act on must be there.
 */

/** Body of `POST /api/v1/payments`. Amounts are JSON numbers in major units. */
export interface CreatePaymentRequest {
  paymentType: 'DEPOSIT' | 'REFUND';
  paymentMethod?: 'BASIC_CARD';
  amount?: number;
  currency: string;
  referenceId?: string;
  description?: string;
  parentPaymentId?: string;
  returnUrl?: string;
  webhookUrl?: string;
  preAuth?: boolean;
}

/** The `PaymentResult`: the `result` of find / create / capture / void, and the body of a webhook. */
export const PaymentResult = z.looseObject({
  id: z.string().min(1).max(64),
  referenceId: z.string().nullish(),
  paymentType: z.string().nullish(),
  state: z.string().min(1),
  parentPaymentId: z.string().nullish(),
  amount: z.number().nullish(),
  currency: z.string().nullish(),
  redirectUrl: z.string().nullish(),
  errorCode: z.string().nullish(),
  errorMessage: z.string().nullish(),
  created: z.string().nullish(),
});
export type PaymentResult = z.infer<typeof PaymentResult>;

/** Every answer's envelope: `{timestamp, status, result}`. */
export const PaymentAnswer = z.looseObject({ result: PaymentResult });
export const PaymentListAnswer = z.looseObject({
  result: z.array(PaymentResult),
  hasMore: z.boolean().nullish(),
});

/** An error answer, as far as we read it: pay.tech's `errorCode` and the words for it. */
export const ErrorAnswer = z.looseObject({
  errorCode: z.string().nullish(),
  errorMessage: z.string().nullish(),
  message: z.string().nullish(),
});
