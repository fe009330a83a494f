import type { ProviderAdapter, ProviderInitiation, ProviderSessionInput } from '../provider.js';

/**
 * Card data as the kit-hosted card page (`GET {base}/card/:sessionId`) collected it, checked there
 * (Luhn, a future expiry, a CVC). It lives only for the one request that forwards it: never stored,
 * never logged, never put in an error message.
 */
export interface CardDetails {
  /** Digits only. */
  number: string;
  /** `01`…`12`. */
  expiryMonth: string;
  /** Four digits. */
  expiryYear: string;
  cvc: string;
  holder: string;
}

/**
 * An adapter for a gateway without a hosted card page: its `initiate` sends the shopper to the kit's
 * own card page, and the card page hands the card to `payWithCard`, which opens the provider payment
 * server to server. The answer is a `ProviderInitiation` whose `next` is the 3-D Secure step
 * (`form_post` or `redirect`) or `none` when the payment is final already.
 */
export interface CardEntryAdapter extends ProviderAdapter {
  payWithCard(
    input: ProviderSessionInput,
    card: CardDetails,
    signal?: AbortSignal,
  ): Promise<ProviderInitiation>;
}

export function isCardEntryAdapter(adapter: ProviderAdapter): adapter is CardEntryAdapter {
  return typeof (adapter as Partial<CardEntryAdapter>).payWithCard === 'function';
}

/**
 * The kit's card page of a session: `{base}/card/{sessionId}`, where `{base}` is the kit's public URL,
 * read from the session's return URL (`{base}/return/{sessionId}` for `path`-style adapters).
 */
export function cardPageUrl(
  input: Pick<ProviderSessionInput, 'returnUrl' | 'sessionId'>,
): string | undefined {
  const suffix = `/return/${input.sessionId}`;
  if (!input.returnUrl.endsWith(suffix)) return undefined;
  return `${input.returnUrl.slice(0, -suffix.length)}/card/${input.sessionId}`;
}
