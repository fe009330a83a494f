import { CheckoutError } from '../errors.js';

/**
 * HTTP-level failures the route layer raises. They extend the kit's one error base class
 * (`CheckoutError`), so the single translation to `{error: {code, message}}` at the boundary handles them.
 */

/** No route matches the path under the base path. */
export class RouteNotFoundError extends CheckoutError {
  constructor(path: string) {
    super('not_found', 404, `No route for ${path.slice(0, 120)}.`);
  }
}

/** The path exists but not for this HTTP method. */
export class MethodNotAllowedError extends CheckoutError {
  readonly allow: readonly string[];
  constructor(method: string, allow: readonly string[]) {
    super('method_not_allowed', 405, `${method} is not allowed here; use ${allow.join(', ')}.`);
    this.allow = allow;
  }
}

/** The request body is larger than the route accepts; raised before any parsing. */
export class PayloadTooLargeError extends CheckoutError {
  constructor(limit: number) {
    super('payload_too_large', 413, `The request body exceeds ${limit} bytes.`);
  }
}

/** The body is not of the media type the route reads (JSON routes want `application/json`). */
export class UnsupportedMediaTypeError extends CheckoutError {
  constructor(expected: string) {
    super('unsupported_media_type', 415, `The request body must be ${expected}.`);
  }
}

/** The body claims to be JSON but does not parse. */
export class InvalidJsonError extends CheckoutError {
  constructor(options?: { cause?: unknown }) {
    super('invalid_json', 400, 'The request body is not valid JSON.', options);
  }
}

/**
 * A body parser mounted before the kit (`express.json()`, say) already read the request body: raised by
 * `toNodeHandler` instead of waiting forever for bytes that are gone.
 */
export class BodyAlreadyReadError extends CheckoutError {
  constructor() {
    super(
      'body_already_read',
      500,
      'The request body was read before it reached server-kit. Mount the checkout before any body parser.',
    );
  }
}

/** A browser request came from an origin outside `allowedOrigins`. */
export class OriginNotAllowedError extends CheckoutError {
  constructor(origin: string) {
    super('origin_not_allowed', 403, `Origin ${origin.slice(0, 120)} is not allowed.`);
  }
}

/** `Idempotency-Key` is missing or not 1–255 characters. */
export class IdempotencyKeyError extends CheckoutError {
  constructor(message: string) {
    super('invalid_idempotency_key', 400, message);
  }
}

/** The same `Idempotency-Key` was sent with a different body (docs/reliability.md 2). */
export class IdempotencyMismatchError extends CheckoutError {
  constructor() {
    super(
      'idempotency_key_reused',
      422,
      'This Idempotency-Key was already used with a different request body.',
    );
  }
}

/** A request with the same `Idempotency-Key` is still running (docs/reliability.md 3). */
export class IdempotencyInProgressError extends CheckoutError {
  constructor() {
    super(
      'idempotency_in_progress',
      409,
      'A request with this Idempotency-Key is still in progress; retry shortly.',
    );
  }
}

/** The merchant's `resolveOrder` knows no such order. */
export class OrderNotFoundError extends CheckoutError {
  constructor() {
    super('order_not_found', 404, 'No such order.');
  }
}

/** No configured provider offers the requested payment method. */
export class MethodUnavailableError extends CheckoutError {
  constructor(method: string) {
    super('method_not_available', 400, `No provider offers the payment method ${method}.`);
  }
}

/** The merchant's `resolveOrder` returned something unusable (a bug on the merchant's side). */
export class InvalidOrderError extends CheckoutError {
  constructor(message: string) {
    super('invalid_order', 500, `resolveOrder returned an invalid order: ${message}`);
  }
}

/** A merchant route was called without `Authorization: Bearer <merchantKey>`, or with a wrong key. */
export class UnauthorizedError extends CheckoutError {
  constructor() {
    super(
      'unauthorized',
      401,
      'The merchant key is missing or wrong; send Authorization: Bearer <merchantKey>.',
    );
  }
}

/** A merchant route was called but no `merchantKey` is configured, so the merchant API is off. */
export class MerchantApiDisabledError extends CheckoutError {
  constructor() {
    super('merchant_api_disabled', 404, 'The merchant API is disabled; configure merchantKey to enable it.');
  }
}

/** `GET continue/:sessionId` for a session that has no pending form post to submit. */
export class ContinueNotAvailableError extends CheckoutError {
  constructor() {
    super('continue_not_available', 404, 'This session has no payment form to continue with.');
  }
}

/** `GET return/:providerId?state=…` whose state names no session of that provider. */
export class ReturnNotResolvedError extends CheckoutError {
  constructor() {
    super('return_not_resolved', 404, 'This return does not name a payment session.');
  }
}

/** `POST sessions` names a bank the options do not offer for its country and provider: nothing is forwarded. */
export class BankNotOfferedError extends CheckoutError {
  constructor(message: string) {
    super('bank_not_offered', 422, message);
  }
}

/** A client went over its `rateLimit` budget; `retryAfterSeconds` is when its next request is welcome. */
export class RateLimitedError extends CheckoutError {
  readonly retryAfterSeconds: number;
  constructor(what: string, retryAfterSeconds: number) {
    super('rate_limited', 429, `Too many ${what} from this client; retry in ${retryAfterSeconds} s.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The request's headers or body did not arrive within the read timeout (a slow or stalled client). */
export class RequestTimeoutError extends CheckoutError {
  constructor(ms: number) {
    super('request_timeout', 408, `The request body did not arrive within ${ms} ms.`);
  }
}
