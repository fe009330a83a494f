import type { ErrorBody } from '@pay-checkout/contract';
import { CheckoutError } from '../errors.js';
import { OrderAlreadyPaidError } from '../sessions/order-already-paid.js';
import { MethodNotAllowedError, RateLimitedError } from './http-errors.js';

/**
 * What `new Headers()` takes. Spelled through `Headers` rather than the DOM's `HeadersInit`, which a
 * merchant's Node-only TypeScript (no DOM lib) does not have; @types/node's fetch globals give this.
 */
type HeaderValues = ConstructorParameters<typeof Headers>[0];

/** A JSON response; API answers are never cached by intermediaries. */
export function jsonResponse(status: number, body: unknown, headers?: HeaderValues): Response {
  const out = new Headers(headers);
  out.set('content-type', 'application/json; charset=utf-8');
  if (!out.has('cache-control')) out.set('cache-control', 'no-store');
  const text = JSON.stringify(body);
  const response = new Response(text, { status, headers: out });
  jsonTexts.set(response, text);
  return response;
}

/**
 * The text each `jsonResponse` was made from, so `toNodeHandler` can write it as is instead of reading
 * it back through the response's stream (undici's consumeBody: a reader, promises and a copy per answer).
 */
const jsonTexts = new WeakMap<Response, string>();

/** The JSON text of a `jsonResponse` whose body nobody has read (else undefined: read the stream). */
export function unreadJsonText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : jsonTexts.get(response);
}

/** Codes whose request may succeed if sent again in a moment: the answer says when. */
const RETRY_SOON = new Set<string>([
  'provider_timeout',
  'idempotency_in_progress',
  'operation_in_progress',
  'provider_unavailable',
  'too_many_streams',
]);

/**
 * The one place where errors become HTTP (translated once, at the boundary). Errors the kit
 * raises on purpose carry their own code and status; anything else is a bug and answers a generic 500
 * without leaking its message.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof CheckoutError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    // The way back to the shop for an order paid already (the element shows it as a link).
    if (error instanceof OrderAlreadyPaidError && error.returnUrl) {
      Object.assign(body.error, { returnUrl: error.returnUrl });
    }
    const headers = new Headers();
    if (error instanceof MethodNotAllowedError) headers.set('allow', error.allow.join(', '));
    if (RETRY_SOON.has(error.code)) headers.set('retry-after', '1');
    if (error instanceof RateLimitedError) headers.set('retry-after', String(error.retryAfterSeconds));
    // RFC 6750 §3: a refused bearer token names its scheme.
    if (error.code === 'unauthorized')
      headers.set('www-authenticate', 'Bearer realm="pay-checkout merchant API"');
    return jsonResponse(error.status, body, headers);
  }
  const body: ErrorBody = { error: { code: 'internal_error', message: 'Something went wrong on our side.' } };
  return jsonResponse(500, body);
}
