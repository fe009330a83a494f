import type { CreateSessionRequest } from '@pay-checkout/contract';

/** One press of Pay: the body sent and the Idempotency-Key that names it at server-kit. */
export interface PaymentAttempt {
  readonly key: string;
  readonly body: CreateSessionRequest;
}

function newKey(): string {
  // randomUUID needs a secure context; getRandomValues does not (an http://localhost shop, say).
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

function sameBody(a: CreateSessionRequest, b: CreateSessionRequest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The attempt to send for `body`. Retrying the previous attempt (same body, and it failed in a way
 * worth retrying) reuses its key, so server-kit answers with the session it may already have opened
 * instead of opening a second one. Anything else is a new attempt with a new key: reusing a key with
 * a different body would be refused (422 idempotency_key_reused).
 */
export function nextAttempt(
  previous: PaymentAttempt | undefined,
  previousRetryable: boolean,
  body: CreateSessionRequest,
): PaymentAttempt {
  if (previous && previousRetryable && sameBody(previous.body, body)) return previous;
  return { key: newKey(), body };
}
