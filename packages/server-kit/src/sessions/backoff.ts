/**
 * Capped exponential backoff with "equal jitter" (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): half the delay is fixed, so a stuck session is still looked at regularly, and half is
 * random, so sessions created together do not poll the provider in lockstep.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random = Math.random): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** The poller's cap: never wait longer than five minutes between two looks at a session. */
export const POLL_BACKOFF_CAP_MS = 5 * 60 * 1000;

/**
 * Past a session's `expiresAt` the provider still has its payment open (reconcile.ts): looks keep
 * coming, at most an hour apart, until the provider settles it or `LATE_POLL_HORIZON_MS` has passed.
 */
export const LATE_POLL_BACKOFF_CAP_MS = 60 * 60 * 1000;

/**
 * How long after `expiresAt` the poller keeps asking about a payment the provider leaves open. After
 * that it stops asking (and logs it); a notification or a return-page visit still reconciles it.
 */
export const LATE_POLL_HORIZON_MS = 30 * 24 * 60 * 60 * 1000;
