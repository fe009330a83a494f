/**
 * The request bodies of pay.tech's Gateway API as the stage reads them (reference: pay.tech API 1.0.61,
 * "Create payment", "Capture payment"). Fields the stage does not act on (customer, billingAddress,
 * subscription, additionalParameters) are accepted and ignored, as the real API accepts them.
 */
import { z } from 'zod';
import { PAYTECH_PAYMENT_TYPES } from './model.js';

const httpUrl = z
  .string()
  .max(512)
  .refine(
    (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
    'must be an http(s) URL',
  );

/** "number multiple of 1e-18 [ 0.00001 .. 1000000000 ]". */
const amount = z.number().min(0.00001).max(1_000_000_000);

export const createPaymentSchema = z.looseObject({
  referenceId: z.string().max(256).optional(),
  paymentType: z.enum(PAYTECH_PAYMENT_TYPES),
  // The sandbox plays the hosted card page only (our choice: any other method is refused by validation).
  paymentMethod: z.literal('BASIC_CARD').optional(),
  amount: amount.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  parentPaymentId: z.string().max(32).optional(),
  description: z.string().max(512).optional(),
  returnUrl: httpUrl.optional(),
  webhookUrl: httpUrl.optional(),
  startRecurring: z.boolean().optional(),
  preAuth: z.boolean().optional(),
  recurringToken: z.string().optional(),
  // "If you are not certified, do not add this field": the sandbox collects cards on its own page only.
  card: z.undefined({ message: 'card data is collected on the payment page; do not send it' }).optional(),
});
export type CreatePaymentBody = z.infer<typeof createPaymentSchema>;

export const captureSchema = z.strictObject({ amount: amount.optional() });

/** `YYYY-MM-DDTHH:MM:SS` (UTC), the list filters' format. */
export const WIRE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** A payment id as the paths take it: `[a-zA-Z0-9]{32}`. */
export const PAYMENT_ID = /^[a-zA-Z0-9]{32}$/;

export const adminShopSchema = z.strictObject({
  shopId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  webhookUrl: httpUrl.optional(),
});

export const shopWebhookSchema = z.strictObject({ webhookUrl: httpUrl.nullable() });
