import { Counter, Histogram } from './prometheus.js';

/** The routes with a rate limit, by the key their budget has in the `rateLimit` config. */
export type RateLimitedRoute = 'sessions' | 'notifications';

/** Seconds; provider round trips run from a few ms (the sandbox) to the 10 s attempt timeout. */
const PROVIDER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds from a notification's arrival to its change being committed. */
const LAG_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The process-wide instruments other modules record into; `GET metrics` (routes/metrics-route.ts)
 * renders them with the per-checkout gauges (sessions by status, open SSE streams). Process-wide
 * because the shared provider HTTP client and the rate limiter have no checkout at hand; a process
 * normally runs one checkout. Names follow Prometheus conventions (`_total`, `_seconds`).
 */
export const metrics = {
  /**
   * Each provider HTTP attempt: provider (its kind, `connectpay`), operation
   * (`GET merchant/payments/:id`), outcome. The HTTP client serves every instance of a provider alike.
   */
  providerCalls: new Histogram(
    'pay_checkout_provider_call_seconds',
    'Latency of provider HTTP calls by provider, operation and outcome.',
    PROVIDER_BUCKETS,
  ),
  /**
   * A notification received → the status change it caused committed, by provider kind and instance id
   * (`connectpay`, `connectpay-eu`): the kind to compare providers, the instance to tell accounts apart.
   */
  notificationLag: new Histogram(
    'pay_checkout_notification_lag_seconds',
    'Time from receiving a provider notification to applying the change it carries.',
    LAG_BUCKETS,
  ),
  /** `POST sessions` answered from the stored response of an earlier request with the same key. */
  idempotencyReplays: new Counter(
    'pay_checkout_idempotency_replays_total',
    'POST sessions answered by replaying the stored response of the same Idempotency-Key.',
  ),
  /**
   * Requests refused by a rate limit, by the route's key (`sessions`, `notifications`). The rate limiter
   * (http/rate-limit.ts) calls `metrics.rateLimitRefusals.inc('sessions')` once per refusal.
   */
  rateLimitRefusals: {
    counter: new Counter(
      'pay_checkout_rate_limit_refusals_total',
      'Requests refused by a rate limit, by route.',
    ),
    inc(route: RateLimitedRoute): void {
      this.counter.inc({ route });
    },
  },
};
