/**
 * The gateway's request fields as the stage validates them (zod). Messages name the field, never its
 * value: card numbers and CVVs must not come back in an error answer.
 */
import { z } from 'zod';

const amount = z.string().regex(/^\d{1,9}\.\d{2}$/, 'must have exactly two decimals, e.g. 19.99');
const url = z
  .string()
  .max(2048)
  .refine(
    (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
    'must be an http(s) URL',
  );

export const paymentRequestSchema = z.object({
  'authentication.memberId': z.string().min(1),
  'authentication.checksum': z.string().min(1),
  'authentication.terminalId': z.string().min(1),
  merchantTransactionId: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1 to 64 letters, digits, _ . or -'),
  amount,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  paymentMode: z.literal('CC', 'must be CC (cards; the stage plays no other mode)'),
  paymentType: z.enum(['DB', 'PA'], 'must be DB or PA'),
  paymentBrand: z.string().max(20).optional(),
  'card.number': z.string().regex(/^\d{12,19}$/, 'must be 12 to 19 digits'),
  'card.expiryMonth': z.string().regex(/^(0[1-9]|1[0-2])$/, 'must be two digits, 01 to 12'),
  'card.expiryYear': z.string().regex(/^\d{4}$/, 'must be four digits'),
  'card.cvv': z.string().regex(/^\d{3,4}$/, 'must be 3 or 4 digits'),
  'card.holder': z.string().trim().min(1).max(100).optional(),
  orderDescriptor: z.string().max(255).optional(),
  merchantRedirectUrl: url.optional(),
  notificationUrl: url.optional(),
});
export type PaymentRequest = z.infer<typeof paymentRequestSchema>;

export const backOfficeRequestSchema = z.object({
  'authentication.memberId': z.string().min(1),
  'authentication.checksum': z.string().min(1),
  paymentType: z.enum(['CP', 'RV', 'RF', 'IN'], 'must be CP, RV, RF or IN'),
  amount: amount.optional(),
  idType: z.string().optional(),
});
export type BackOfficeRequest = z.infer<typeof backOfficeRequestSchema>;

export const inquiryRequestSchema = z.object({
  'authentication.memberId': z.string().min(1),
  'authentication.checksum': z.string().min(1),
  idType: z.literal('MID', 'must be MID'),
  merchantTransactionId: z.string().min(1).max(64),
});
