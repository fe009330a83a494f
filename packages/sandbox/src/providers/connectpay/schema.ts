import { z } from 'zod';
import { CONNECTPAY_LANGUAGES, CONNECTPAY_METHODS } from './model.js';

/**
 * zod schemas of the ConnectPay v2 request bodies the sandbox accepts (packages/sandbox/README.md, ConnectPay's wire, our wire
 * contract). Unknown keys are tolerated, as a real API does, but every known field is checked.
 */

const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

const shortText = (max: number) => z.string().min(1).max(max);

/** Major units as a string with at most 2 decimals: `"19.99"`, `"5"`, `"0.50"`. */
const amountText = z
  .string()
  .regex(
    /^\d{1,9}(\.\d{1,2})?$/,
    'must be a decimal string in major units with at most 2 decimals, e.g. "19.99"',
  )
  .refine((value) => amountToMinor(value) > 0, 'must be greater than 0');

const merchantSchema = z.object({
  brandId: shortText(64),
  redirectUrl: httpUrl,
  notificationUrl: httpUrl.optional(),
  language: z.enum(CONNECTPAY_LANGUAGES).optional(),
  generic1: z.string().max(255).optional(),
  generic2: z.string().max(255).optional(),
  generic3: z.string().max(255).optional(),
});

const paymentSchema = z.object({
  paymentMethod: z.array(z.enum(CONNECTPAY_METHODS)).min(1).max(4).optional(),
  providerCountryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case, e.g. DE')
    .optional(),
  providerId: shortText(64).optional(),
  debtorName: z.string().max(140).optional(),
  instructedAmount: z.object({
    amount: amountText,
    // The stage settles in euro only (reference doc: `instructedAmount.currency` `EUR`).
    currency: z.literal('EUR', { error: 'must be EUR: the ConnectPay stage supports euro only' }),
  }),
  remittanceInformationUnstructured: z.string().max(140).optional(),
});

const identifiersSchema = z.object({
  merchantReference: shortText(64).optional(),
  endToEndId: shortText(35).optional(),
});

const consumerSchema = z.object({
  firstName: z.string().max(70).optional(),
  lastName: z.string().max(70).optional(),
  ipAddress: z.union([z.ipv4(), z.ipv6()]).optional(),
});

export const initiatePaymentSchema = z.object({
  merchant: merchantSchema,
  payment: paymentSchema,
  identifiers: identifiersSchema.optional(),
  consumer: consumerSchema.optional(),
});
export type InitiatePaymentBody = z.infer<typeof initiatePaymentSchema>;

/** BaaS top-up ("Initiate top-up by PIS"): the creditor account and the onboarded consumer are required. */
export const topUpSchema = z.object({
  merchant: merchantSchema,
  payment: paymentSchema.extend({
    paymentMethod: z
      .array(z.enum(['PIS', 'CARD']), { error: 'a top-up is paid by PIS or CARD' })
      .length(1, 'a top-up is paid by exactly one method: ["PIS"] or ["CARD"]')
      .optional(),
    creditorAccount: z.object({
      iban: z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9 ]{10,34}$/i, 'must be an IBAN'),
    }),
  }),
  identifiers: identifiersSchema.optional(),
  consumer: consumerSchema.extend({ consumerId: shortText(64) }),
});
export type TopUpBody = z.infer<typeof topUpSchema>;

export const registerClientSchema = z.object({
  clientId: shortText(64),
  clientSecret: shortText(256),
  brandId: shortText(64),
  publicKeyPem: z.string().min(100).max(8192).includes('PUBLIC KEY', { error: 'must be a PEM public key' }),
  notificationSecret: shortText(256).optional(),
});

/** `"19.9"` → 1990. The one conversion from ConnectPay's decimal strings to minor units (EUR: 2 decimals). */
export function amountToMinor(amount: string): number {
  const [whole, fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 1990 → `"19.90"`: how the sandbox stores and echoes amounts (so `"99.99"` compares exactly). */
export function minorToAmount(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}
