import { ERROR_CODE_INFO, type ErrorCode, type OperationKind } from '@pay-checkout/contract';
import type { OperationRefusal } from './store/store.js';

/**
 * Every error server-kit raises on purpose. Each carries the `code` and HTTP `status` the route
 * boundary answers with (`{error: {code, message}}`); translation to HTTP happens once, there. `code`
 * is one of the contract's `ERROR_CODES` (docs/error-codes.md), so a code the element cannot translate
 * does not compile.
 */
export class CheckoutError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, status: number, message: string, options?: { cause?: unknown }) {
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
  constructor(code: ErrorCode, message: string) {
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
 * The provider answered with an error (5xx after retries, or a 4xx it explains). Answered with the
 * contract's status for `code` (502 for `provider_error`) unless `status` says otherwise: a definite
 * business refusal the shopper cannot fix by retrying (e.g. an inactive top-up account) is a 422, so
 * the element shows it as final rather than "try again".
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
      code?: ErrorCode;
      status?: number;
      requestId?: string;
    },
  ) {
    const code = options?.code ?? 'provider_error';
    super(code, options?.status ?? ERROR_CODE_INFO[code].status, message, options);
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
 * Every provider of the method's route is unavailable (its circuit is open, or each one failed over
 * without creating a payment); the shopper may try again after the cool-down.
 */
export class ProviderUnavailableError extends CheckoutError {
  constructor(method: string) {
    super(
      'provider_unavailable',
      503,
      `No provider for the payment method ${method.slice(0, 40)} is available right now; try again shortly.`,
    );
  }
}

/** The shopper's `provider` pin names a provider instance that is not in the method's route. */
export class ProviderNotAllowedError extends CheckoutError {
  constructor(provider: string) {
    super(
      'provider_not_allowed',
      400,
      `The provider ${provider.slice(0, 64)} is not offered for this payment method.`,
    );
  }
}

/** A capture, void or refund the session's provider lacks, whole or for a partial amount (`detail`). */
export class OperationUnsupportedError extends CheckoutError {
  readonly kind: OperationKind;
  constructor(kind: OperationKind, detail?: string) {
    super(
      'operation_unsupported',
      409,
      `The session's provider does not support ${kind}${detail ? ` (${detail})` : ''}.`,
    );
    this.kind = kind;
  }
}

/**
 * A merchant operation refused by the settlement rules before anything is sent to the provider (the
 * session is not final yet, failed, already voided, or the amount exceeds what is left). The status,
 * 409 or 422, is the contract's for that code.
 */
export class OperationRefusedError extends CheckoutError {
  constructor(code: OperationRefusal, message: string) {
    super(code, ERROR_CODE_INFO[code].status, message);
  }
}

/** An operation with the same `Idempotency-Key` is still running; the merchant may retry shortly. */
export class OperationInProgressError extends CheckoutError {
  constructor() {
    super(
      'operation_in_progress',
      409,
      'An operation with this Idempotency-Key is still in progress; retry shortly.',
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
