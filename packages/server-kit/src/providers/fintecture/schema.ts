import { z } from 'zod';

/**
 * Fintecture payloads (packages/sandbox/README.md, "Fintecture"). Answers are parsed loosely (unknown
 * fields pass) but what we act on must be there.
 */

/** Body of `POST pis/v2/connect`, as the SDK's `Connect._buildPaymentPayload` builds it. */
export interface ConnectRequest {
  data: {
    type: 'SEPA';
    attributes: { amount: string; currency: string; communication: string; end_to_end_id: string };
  };
  meta: Record<string, never>;
}

export const ConnectResponse = z.looseObject({
  meta: z.looseObject({ session_id: z.string().min(1), url: z.string().min(1) }),
});

const PaymentAttributes = z.looseObject({
  status: z.string().min(1),
  status_reason: z.string().optional(),
  end_to_end_id: z.string().optional(),
  created_at: z.string().optional(),
});

export const PaymentResponse = z.looseObject({
  meta: z.looseObject({
    session_id: z.string().min(1),
    status: z.string().min(1),
    status_reason: z.string().optional(),
  }),
});

export const PaymentList = z.looseObject({
  data: z.array(z.looseObject({ id: z.string().min(1), attributes: PaymentAttributes })),
});

export const ProviderList = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.string().min(1),
      attributes: z.looseObject({
        name: z.string().min(1),
        country: z.string().length(2),
        bic: z.string().optional(),
        logo_url: z.string().nullish(),
      }),
    }),
  ),
});

export const RefundResponse = z.looseObject({
  meta: z.looseObject({ session_id: z.string().min(1), status: z.string().min(1) }),
});

/** A webhook's form fields; only a payment-session status event is ours to apply. */
export const WebhookFields = z.looseObject({
  session_id: z.string().min(1),
  status: z.string().min(1),
  status_reason: z.string().optional(),
  event: z.string().optional(),
});

/** Fintecture's error body on our sandbox: `{error: {code, message}}`; the real API: `{errors: [{code, title}]}`. */
export const ErrorBody = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string().optional() }),
});
export const ErrorListBody = z.looseObject({
  errors: z
    .array(z.looseObject({ code: z.string(), title: z.string().optional(), message: z.string().optional() }))
    .min(1),
});
