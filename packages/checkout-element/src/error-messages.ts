import type { ErrorCode } from '@pay-checkout/contract';
import type { MessageId } from './messages.js';

/** Codes the element raises itself, for failures that never got an answer from server-kit. */
type ElementErrorCode = 'network_error' | 'timeout' | 'no_methods';

/** Names only codes of the contract's list, so a renamed or removed code does not compile here. */
type Listed<Code extends ErrorCode> = Code;

/**
 * The listed codes (contract ERROR_CODES, docs/error-codes.md) shown with the message of their HTTP
 * status: 5xx and 429 `errorServer` (with Retry), any other `errorRequest` ("contact the shop"). They are named
 * here, as a type, rather than in MESSAGES: 28 more code strings would cost about 250 bytes gzip of the
 * script-tag bundle's 15 KB budget.
 */
type ShownByStatus = Listed<
  | 'invalid_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'method_not_allowed'
  | 'too_many_streams'
  | 'not_found'
  | 'origin_not_allowed'
  | 'invalid_idempotency_key'
  | 'provider_error'
  | 'provider_unreachable'
  | 'provider_bad_response'
  | 'provider_response_too_large'
  | 'provider_not_found'
  | 'invalid_signature'
  | 'merchant_api_disabled'
  | 'unauthorized'
  | 'operation_unsupported'
  | 'payment_not_final'
  | 'payment_failed'
  | 'already_captured'
  | 'already_voided'
  | 'not_capturable'
  | 'nothing_to_refund'
  | 'amount_exceeds_authorized'
  | 'amount_exceeds_refundable'
  | 'operation_not_found'
  | 'closed'
  | 'element_not_built'
  | 'internal_error'
>;

/**
 * A top-up account the provider refuses (`consumer_…`, `creditor_…`): one message, matched by prefix in
 * `errorMessageId` (the type takes exactly the contract's codes the prefix test matches), which keeps
 * four more code strings out of the bundle.
 */
type AccountCode = Extract<ErrorCode, `consumer_${string}` | `creditor_${string}`>;
// (the shortest prefixes no other code has; test/error-messages.test.ts checks every code's message)
const ACCOUNT_CODE = /^c(onsu|redi)/;

// Every other code has its own entry: a code added to the contract is a compile error until it is
// here, in ShownByStatus or an AccountCode (and one in two is an excess property).
const MESSAGES: Record<Exclude<ErrorCode, ShownByStatus | AccountCode> | ElementErrorCode, MessageId> = {
  network_error: 'errorNetwork',
  timeout: 'errorTimeout',
  no_methods: 'errorNoMethods',
  invalid_request: 'errorInvalid',
  body_already_read: 'errorRequest',
  idempotency_key_reused: 'errorMismatch',
  idempotency_in_progress: 'errorInProgress',
  operation_in_progress: 'errorInProgress',
  order_not_found: 'errorOrderNotFound',
  invalid_order: 'errorRequest',
  method_not_available: 'errorMethod',
  provider_not_allowed: 'errorMethod',
  provider_refused: 'errorMethod',
  session_not_found: 'errorSession',
  continue_not_available: 'errorSession',
  return_not_resolved: 'errorSession',
  provider_timeout: 'errorTimeout',
  provider_unavailable: 'errorUnavailable',
  unsupported_status: 'errorRequest',
  unsafe_redirect: 'errorRedirect',
  invalid_config: 'errorRequest',
  not_ready: 'errorRequest',
  store_conflict: 'errorServer',
  store_locked: 'errorRequest',
  order_already_paid: 'errorPaid',
  bank_not_offered: 'errorInvalid',
  rate_limited: 'errorUnavailable',
  request_timeout: 'errorNetwork',
};

/** The messages that ask the shopper to try again; the Retry button shows exactly with these. */
const RETRY_MESSAGES: MessageId[] = [
  'errorNetwork',
  'errorTimeout',
  'errorServer',
  'errorInProgress',
  'errorUnavailable',
];

/** The message for an error code and the HTTP status it came with (none for the element's own). */
export function errorMessageId(code: string, status = 0): MessageId {
  // hasOwn: a code such as `constructor` must not reach Object.prototype
  if (Object.hasOwn(MESSAGES, code)) return MESSAGES[code as keyof typeof MESSAGES];
  if (ACCOUNT_CODE.test(code)) return 'errorAccount';
  return status > 499 || status === 429 ? 'errorServer' : 'errorRequest';
}

/**
 * Whether re-sending the same attempt can help after this answer: exactly when its message asks the
 * shopper to try again, which for every listed code is the contract's `retryable`.
 */
export function isRetryableAnswer(status: number, code: string): boolean {
  return RETRY_MESSAGES.includes(errorMessageId(code, status));
}
