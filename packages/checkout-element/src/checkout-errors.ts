import { isRetryableAnswer } from './error-messages.js';

/**
 * Errors the element shows and reports in `pay-checkout:error`. One base class; each subclass names
 * one way a request fails, carries a stable `code`, the HTTP `status` when there was a response, and
 * whether retrying the same attempt can help.
 */
export class CheckoutError extends Error {
  // One name for all: subclasses differ by `code`, and their own names would cost bundle bytes.
  override name = 'CheckoutError';
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Raised when the request never got an HTTP response (offline, DNS, CORS, connection reset). */
export class NetworkError extends CheckoutError {
  constructor(cause: unknown) {
    super('network_error', 'network error', true, undefined, { cause });
  }
}

/** Raised when the element gave up waiting for a response. */
export class TimeoutError extends CheckoutError {
  constructor(ms: number) {
    super('timeout', `${ms} ms`, true);
  }
}

/**
 * Raised for an error answer from server-kit. Retrying with the same Idempotency-Key is offered for the
 * codes the contract marks retryable (502 provider_error, 504 provider_timeout, 409
 * idempotency_in_progress, …; docs/error-codes.md); an unknown code is judged by status (5xx, 409, 429).
 */
export class ResponseError extends CheckoutError {
  constructor(
    status: number,
    code: string,
    message: string,
    /** `order_already_paid`: the merchant's return link (http(s) only), shown with the message. */
    readonly returnUrl?: string,
  ) {
    super(code, message, isRetryableAnswer(status, code), status);
  }
}

/** Raised when server-kit answers with a redirectUrl the element refuses to follow. */
export class UnsafeRedirectError extends CheckoutError {
  constructor(url: string) {
    super('unsafe_redirect', `refused ${url.slice(0, 60)}`, false);
  }
}

/** Raised when the order offers no method the element may show. */
export class NoMethodsError extends CheckoutError {
  constructor() {
    super('no_methods', 'no methods', false);
  }
}
