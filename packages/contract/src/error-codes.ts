import { z } from 'zod';

/**
 * Every `code` server-kit answers with in `{error: {code, message}}`: one list for the kit (its
 * `CheckoutError.code` is typed by it), the element (a translated message per code) and
 * docs/error-codes.md (checked against `ERROR_CODE_INFO` by this package's tests). Codes are stable:
 * merchants match on them, so a code is added here, never renamed.
 */
export const ERROR_CODES = [
  // The request itself
  'invalid_request',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'method_not_allowed',
  'not_found',
  'origin_not_allowed',
  'body_already_read',
  'invalid_idempotency_key',
  'idempotency_key_reused',
  'idempotency_in_progress',
  'too_many_streams',
  'rate_limited',
  'request_timeout',
  // Orders, methods, sessions
  'order_not_found',
  'invalid_order',
  'method_not_available',
  'provider_not_allowed',
  'session_not_found',
  'continue_not_available',
  'return_not_resolved',
  'order_already_paid',
  'bank_not_offered',
  // Providers
  'provider_timeout',
  'provider_error',
  'provider_unreachable',
  'provider_bad_response',
  'provider_response_too_large',
  'provider_unavailable',
  'provider_refused',
  'unsupported_status',
  'unsafe_redirect',
  'consumer_not_found',
  'creditor_account_not_found',
  'creditor_account_inactive',
  'creditor_account_not_owned',
  // Notifications from providers
  'provider_not_found',
  'invalid_signature',
  // The merchant API: capture, void, refund
  'merchant_api_disabled',
  'unauthorized',
  'operation_unsupported',
  'operation_in_progress',
  'payment_not_final',
  'payment_failed',
  'already_captured',
  'already_voided',
  'operation_not_found',
  'not_capturable',
  'nothing_to_refund',
  'amount_exceeds_authorized',
  'amount_exceeds_refundable',
  // The kit's own state
  'invalid_config',
  'not_ready',
  'closed',
  'store_conflict',
  'store_locked',
  'element_not_built',
  'internal_error',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Who can act on a code. `shopper`: the checkout (element, hosted pay page, return page) meets it in
 * normal operation and tells the shopper what to do. `merchant`: a set-up or integration problem, or a
 * code only the merchant API and provider notifications answer; a shopper who meets one anyway sees a
 * generic "contact the shop" message.
 */
export type ErrorAudience = 'shopper' | 'merchant';

export interface ErrorCodeInfo {
  /** The HTTP status the kit answers with. */
  status: number;
  /** True when the same request may succeed if sent again a little later (the element offers Retry). */
  retryable: boolean;
  audience: ErrorAudience;
  /** When the kit answers with it, in one sentence (docs/error-codes.md shows it). */
  when: string;
}

const shopper = (status: number, retryable: boolean, when: string): ErrorCodeInfo => ({
  status,
  retryable,
  audience: 'shopper',
  when,
});
const merchant = (status: number, retryable: boolean, when: string): ErrorCodeInfo => ({
  status,
  retryable,
  audience: 'merchant',
  when,
});

/** Status, retryability, audience and meaning of every code. */
export const ERROR_CODE_INFO: Readonly<Record<ErrorCode, ErrorCodeInfo>> = {
  invalid_request: shopper(400, false, 'The body, query, path or headers failed validation.'),
  invalid_json: merchant(400, false, 'The body is sent as JSON but does not parse.'),
  payload_too_large: merchant(413, false, 'The body is larger than the route accepts.'),
  unsupported_media_type: merchant(415, false, 'A JSON route got a body that is not `application/json`.'),
  method_not_allowed: merchant(405, false, 'The path exists, but not for this HTTP method (see `Allow`).'),
  not_found: merchant(404, false, 'No route (or element file) under the base path has this name.'),
  origin_not_allowed: merchant(403, false, 'A browser request came from an origin outside `allowedOrigins`.'),
  body_already_read: merchant(
    500,
    false,
    'A body parser mounted before the kit had already read the request body.',
  ),
  invalid_idempotency_key: merchant(400, false, '`Idempotency-Key` is missing or not 1–255 characters.'),
  idempotency_key_reused: shopper(
    422,
    false,
    'The `Idempotency-Key` was already used with a different request body.',
  ),
  idempotency_in_progress: shopper(409, true, 'A request with the same `Idempotency-Key` is still running.'),
  too_many_streams: shopper(
    429,
    true,
    'Too many live status streams are open (for this session, or in all); the return page polls instead.',
  ),
  rate_limited: shopper(
    429,
    true,
    'This client sent more `POST sessions` or notifications than config `rateLimit` allows; see `Retry-After`.',
  ),
  request_timeout: shopper(408, true, 'The request headers or body did not arrive within the read timeout.'),
  order_not_found: shopper(404, false, "The merchant's `resolveOrder` knows no such order."),
  invalid_order: merchant(500, false, "The merchant's `resolveOrder` returned an unusable order."),
  method_not_available: shopper(400, false, 'No route or provider offers the requested payment method.'),
  provider_not_allowed: shopper(
    400,
    false,
    "The `provider` pin names an instance that is not in the method's route.",
  ),
  session_not_found: shopper(404, false, 'No session has this id.'),
  continue_not_available: shopper(
    404,
    false,
    '`GET continue/:sessionId` for a session without a pending form post.',
  ),
  return_not_resolved: shopper(404, false, '`GET return/:providerId?state=…` names no session.'),
  order_already_paid: shopper(
    409,
    false,
    '`POST sessions` for an order already paid (a processing, authorized or succeeded session).',
  ),
  bank_not_offered: shopper(
    422,
    false,
    '`POST sessions` names a `bank` the options do not offer for that country and provider (or without a country, or for a method other than pis).',
  ),
  provider_timeout: shopper(504, true, 'The provider did not answer within the configured timeout.'),
  provider_error: shopper(502, true, 'The provider answered with an error (a 5xx after retries).'),
  provider_unreachable: shopper(
    502,
    true,
    'The provider could not be reached (connection refused, DNS, reset).',
  ),
  provider_bad_response: shopper(
    502,
    true,
    'The provider answered with a body that is not JSON or not the expected shape.',
  ),
  provider_response_too_large: shopper(
    502,
    true,
    "The provider's answer exceeded the transport's size limit.",
  ),
  provider_unavailable: shopper(
    503,
    true,
    "Every provider of the method's route has its circuit open, or failed over without success.",
  ),
  provider_refused: shopper(
    422,
    false,
    'The provider refused the payment for a reason retrying cannot change.',
  ),
  unsupported_status: merchant(
    502,
    false,
    'The provider reported a payment status the adapter does not know.',
  ),
  unsafe_redirect: merchant(502, false, "The provider's redirect URL is not on the adapter's allow-list."),
  consumer_not_found: shopper(422, false, 'ConnectPay top-up: the consumer is not onboarded.'),
  creditor_account_not_found: shopper(422, false, 'ConnectPay top-up: the creditor account does not exist.'),
  creditor_account_inactive: shopper(422, false, 'ConnectPay top-up: the creditor account is not active.'),
  creditor_account_not_owned: shopper(
    422,
    false,
    'ConnectPay top-up: the creditor account belongs to another consumer.',
  ),
  provider_not_found: merchant(404, false, '`POST notifications/:id` names no configured provider instance.'),
  invalid_signature: merchant(
    401,
    false,
    "A notification's signature, or the timestamp it signs, did not verify.",
  ),
  merchant_api_disabled: merchant(
    404,
    false,
    'A merchant route was called but no `merchantKey` is configured.',
  ),
  unauthorized: merchant(401, false, 'A merchant route was called without the right `Bearer` merchant key.'),
  operation_unsupported: merchant(
    409,
    false,
    "The session's provider lacks this operation (capture, void, refund) or partial amounts.",
  ),
  operation_in_progress: merchant(
    409,
    true,
    'An operation with the same `Idempotency-Key` is still running.',
  ),
  payment_not_final: merchant(
    409,
    false,
    'An operation on a session that is not authorized or succeeded yet.',
  ),
  payment_failed: merchant(409, false, 'An operation on a failed, cancelled or expired session.'),
  already_captured: merchant(409, false, 'A void after a capture.'),
  already_voided: merchant(409, false, 'Any operation after a void.'),
  operation_not_found: merchant(404, false, 'An operation id that no operation of this session has.'),
  not_capturable: merchant(409, false, 'A capture on a sale that was never only authorized.'),
  nothing_to_refund: merchant(409, false, 'A refund before any capture.'),
  amount_exceeds_authorized: merchant(422, false, 'A capture above the authorized amount not yet captured.'),
  amount_exceeds_refundable: merchant(422, false, 'A refund above the captured amount not yet refunded.'),
  invalid_config: merchant(500, false, 'The configuration of the kit or of a provider is unusable.'),
  not_ready: merchant(503, false, 'The checkout could not start (store or migrations failed); see the logs.'),
  closed: shopper(503, true, 'The checkout is shutting down (a new instance will answer).'),
  store_conflict: shopper(409, true, 'A store write collided with a unique key.'),
  store_locked: merchant(500, false, 'The PGlite data directory is already open in another process.'),
  element_not_built: merchant(
    404,
    false,
    'The element script is requested but `@pay-checkout/element` is not built.',
  ),
  internal_error: shopper(500, true, 'An unexpected failure (a bug); the message never leaks details.'),
};
