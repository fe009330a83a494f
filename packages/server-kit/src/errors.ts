/**
 * Every error server-kit raises on purpose. Each carries the `code` and HTTP `status` the route
 * boundary answers with (`{error: {code, message}}`); translation to HTTP happens once, there.
 */
export class CheckoutError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
  }
}

/** The request body, query or headers failed validation. */
export class ValidationError extends CheckoutError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_request', 400, message, options);
  }
}

/** A session, order or route that does not exist. */
export class NotFoundError extends CheckoutError {
  constructor(code: string, message: string) {
    super(code, 404, message);
  }
}

/** The configuration given to `createCheckout` or a provider factory is unusable. */
export class ConfigError extends CheckoutError {
  constructor(message: string) {
    super('invalid_config', 500, message);
  }
}

/** A notification's signature, or the timestamp it signs, did not verify. */
export class SignatureError extends CheckoutError {
  constructor(message: string) {
    super('invalid_signature', 401, message);
  }
}

/** The provider did not answer within the configured timeout; the shopper may retry. */
export class ProviderTimeoutError extends CheckoutError {
  /** The `X-Request-ID` we sent, so the provider's support can find the call. */
  readonly requestId?: string;
  constructor(provider: string, timeoutMs: number, options?: { cause?: unknown; requestId?: string }) {
    super('provider_timeout', 504, `${provider} did not answer within ${timeoutMs} ms.`, options);
    this.requestId = options?.requestId;
  }
}

/**
 * The provider answered with an error (5xx after retries, or a 4xx it explains). Answered 502 unless
 * `status` says otherwise: a definite business refusal the shopper cannot fix by retrying (e.g. an
 * inactive top-up account) is a 422, so the element shows it as final rather than "try again".
 */
export class ProviderError extends CheckoutError {
  readonly providerStatus?: number;
  /** The provider's id for the call (its answer's header, else the `X-Request-ID` we sent). */
  readonly requestId?: string;
  constructor(
    message: string,
    options?: {
      cause?: unknown;
      providerStatus?: number;
      code?: string;
      status?: number;
      requestId?: string;
    },
  ) {
    super(options?.code ?? 'provider_error', options?.status ?? 502, message, options);
    this.providerStatus = options?.providerStatus;
    this.requestId = options?.requestId;
  }
}

/** The provider answered with a redirect URL outside the adapter's allow-list. */
export class UnsafeRedirectError extends CheckoutError {
  constructor(url: string) {
    super(
      'unsafe_redirect',
      502,
      `The provider's redirect URL is not on the allow-list: ${url.slice(0, 80)}`,
    );
  }
}

/**
 * A provider call that timed out, never reached the provider, or got a 5xx: the provider may or may not
 * have acted, and asking again may succeed. Reads are retried on these; after an initiation they mean
 * "look the payment up by our reference". A 4xx (or anything else) will not change by asking again.
 */
export function isTransientProviderError(error: unknown): boolean {
  if (error instanceof ProviderTimeoutError) return true;
  if (!(error instanceof ProviderError)) return false;
  if (error.code === 'provider_unreachable') return true;
  return error.providerStatus !== undefined && error.providerStatus >= 500;
}
