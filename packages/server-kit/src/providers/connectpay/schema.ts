import { z } from 'zod';

/**
 * ConnectPay API v2 payloads (packages/sandbox/README.md, ConnectPay's wire, connectpay-sandbox-wire.md "Endpoints"). Requests are
 * typed so the adapter cannot send a misspelt field; responses are parsed loosely (unknown fields pass,
 * ConnectPay adds fields over time) but the fields we act on must be there.
 */

export const ConnectPayMethod = z.enum(['PIS', 'CARD', 'GooglePay', 'ApplePay']);
export type ConnectPayMethod = z.infer<typeof ConnectPayMethod>;

export const ConnectPayLanguage = z.enum(['EN', 'DE', 'NL', 'FI', 'SV', 'LT']);
export type ConnectPayLanguage = z.infer<typeof ConnectPayLanguage>;

const Amount = z.object({
  /** Major units as a decimal string: `"19.99"`. */
  amount: z.string(),
  currency: z.string(),
});

/** Body of `POST merchant/payments`; a top-up adds the creditor account and the consumer. */
export const InitiatePaymentRequest = z.object({
  merchant: z.object({
    brandId: z.string(),
    redirectUrl: z.string(),
    notificationUrl: z.string().optional(),
    language: ConnectPayLanguage.optional(),
  }),
  payment: z.object({
    paymentMethod: z.array(ConnectPayMethod),
    providerCountryCode: z.string().optional(),
    providerId: z.string().optional(),
    instructedAmount: Amount,
    remittanceInformationUnstructured: z.string().optional(),
    creditorAccount: z.object({ iban: z.string() }).optional(),
  }),
  identifiers: z.object({ merchantReference: z.string() }),
  consumer: z.object({ consumerId: z.string() }).optional(),
});
export type InitiatePaymentRequest = z.infer<typeof InitiatePaymentRequest>;

/** 201 answer of Initiate Payment and of the BaaS top-up. */
export const InitiatePaymentResponse = z.looseObject({
  payment: z.looseObject({ paymentId: z.string().min(1), redirectUrl: z.string().min(1) }),
});
export type InitiatePaymentResponse = z.infer<typeof InitiatePaymentResponse>;

/** Get payment details; also the body of a `notificationUrl` callback. */
export const PaymentDetails = z.looseObject({
  payment: z.looseObject({
    paymentId: z.string().min(1),
    status: z.string().min(1),
    statusReason: z.string().nullish(),
    /** Not documented by ConnectPay; read when present so a reconciled payment can be resumed. */
    redirectUrl: z.string().nullish(),
    createdAt: z.string().nullish(),
    creditorAccount: z.looseObject({ iban: z.string().nullish() }).nullish(),
  }),
  identifiers: z.looseObject({ merchantReference: z.string().nullish() }).nullish(),
  consumer: z.looseObject({ consumerId: z.string().nullish() }).nullish(),
});
export type PaymentDetails = z.infer<typeof PaymentDetails>;

/**
 * `GET merchant/payments?merchantReference=` and `GET baas/merchant/payments?merchantReference=`: a sandbox
 * addition (ConnectPay documents no search), used to reconcile after an initiation timed out.
 */
export const PaymentList = z.looseObject({ payments: z.array(PaymentDetails) });

/** `GET merchant/providers?countryCode=`: the banks for PIS. */
export const ProviderList = z.looseObject({
  providers: z.array(
    z.looseObject({
      providerId: z.string().min(1),
      name: z.string(),
      countryCode: z.string(),
      logoUrl: z.string().nullish(),
      /** Not in ConnectPay's published list fields; the sandbox sends it, and a stage that does not is fine. */
      bic: z.string().nullish(),
    }),
  ),
});

/** Every error answer: `{error: {code, message}}`; parsed tolerantly, it may be HTML from a proxy. */
export const ErrorBody = z.looseObject({
  error: z.looseObject({ code: z.string().optional(), message: z.string().optional() }),
});

/** A `notificationUrl` callback as far as we trust it: only which payment it is about. */
export const NotificationHint = z.looseObject({
  payment: z.looseObject({ paymentId: z.string().min(1).max(200) }),
  consumer: z.looseObject({ consumerId: z.string().nullish() }).nullish(),
});
