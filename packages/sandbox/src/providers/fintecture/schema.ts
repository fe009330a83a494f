/**
 * The Fintecture API payloads the stage reads, as the SDK sends them (`Connect.js`
 * `_buildPaymentPayload`, `Pis.js` `initiateRefund`). Amounts are decimal strings in major units (the
 * SDK also lets a number through; both are accepted); currency is EUR or GBP (SDK README).
 */
import { z } from 'zod';
import { PSU_TYPES } from './model.js';

const Amount = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === 'number' ? value.toFixed(2) : value.trim()))
  .refine((value) => /^\d+(\.\d{1,2})?$/.test(value), 'must be a decimal amount with at most 2 decimals')
  .refine((value) => Number(value) >= 0.01, 'must be at least 0.01');

export const connectBodySchema = z.object({
  data: z.object({
    type: z.literal('SEPA'),
    attributes: z.object({
      amount: Amount,
      currency: z.enum(['EUR', 'GBP']),
      communication: z.string().max(140).optional(),
      end_to_end_id: z.string().max(35).optional(),
      execution_date: z.string().optional(),
      scheme: z.string().optional(),
      beneficiary: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
  meta: z
    .object({
      psu_name: z.string().max(140).optional(),
      psu_email: z.string().max(254).optional(),
      psu_ip: z.string().max(64).optional(),
      psu_phone: z.string().max(32).optional(),
      psu_form: z.string().optional(),
      psu_incorporation: z.string().optional(),
      psu_address: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});
export type ConnectBody = z.infer<typeof connectBodySchema>;

/** The query of `POST /pis/v2/connect`: `state` required, ≤ 512 characters, returned unchanged. */
export const connectQuerySchema = z.object({
  state: z
    .string({ message: 'is required' })
    .min(1, 'is required')
    .max(512, 'must be at most 512 characters'),
  redirect_uri: z
    .string({ message: 'is required in redirect mode' })
    .refine(
      (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
      'must be an http(s) URL',
    ),
  origin_uri: z
    .string()
    .refine(
      (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
      'must be an http(s) URL',
    )
    .optional(),
});

/** The optional Connect headers: PSU type, 2-letter country and language, pre-selected bank. */
export const connectHeadersSchema = z.object({
  'x-psu-type': z.enum(PSU_TYPES).optional(),
  'x-country': z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a 2-letter country code')
    .transform((value) => value.toUpperCase())
    .optional(),
  'x-language': z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a 2-letter language code')
    .transform((value) => value.toLowerCase())
    .optional(),
  'x-provider': z.string().min(1).max(64).optional(),
});

export const refundBodySchema = z.object({
  meta: z.object({ session_id: z.string().min(1) }),
  data: z.object({ attributes: z.object({ amount: Amount }) }).optional(),
});

export const tokenFormSchema = z.object({
  grant_type: z.literal('client_credentials', { message: 'must be client_credentials' }),
  scope: z
    .string({ message: 'is required' })
    .refine((value) => value.split(/[\s,]+/).includes('PIS'), 'must include PIS'),
  app_id: z.string().optional(),
});
