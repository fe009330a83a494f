import { metrics, type RateLimitedRoute } from '../metrics/metrics.js';
import { RateLimitedError } from './http-errors.js';

/** Past this many tracked clients, buckets that have refilled are forgotten (and then the oldest). */
const MAX_TRACKED = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client key (docs/reliability.md 22): `limit` requests, refilled evenly over
 * `windowMs`, so a burst up to `limit` passes and a steady flood gets `limit` per window. In memory, per
 * process: several instances each allow the budget (a limit per process, not per fleet).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly limit: number,
    windowMs: number,
    private readonly what: string,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit / windowMs;
  }

  /** Takes one token for `key`, or throws 429 `rate_limited` with the seconds until the next one. */
  take(key: string): void {
    const at = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(this.limit, bucket.tokens + (at - bucket.at) * this.perMs) : this.limit;
    if (tokens < 1) {
      throw new RateLimitedError(this.what, Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)));
    }
    // Re-inserted, so the map's order is least recently seen first (what `prune` drops first).
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens - 1, at });
    if (this.buckets.size > MAX_TRACKED) this.prune(at);
  }

  private prune(at: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (at - bucket.at) * this.perMs >= this.limit) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_TRACKED) break;
      this.buckets.delete(key);
    }
  }
}

/** What a refusal's message calls the requests of each route ("Too many session requests …"). */
const ROUTE_REQUESTS: Record<RateLimitedRoute, string> = {
  sessions: 'session requests',
  notifications: 'notifications',
};

/** A limiter for a route's configured budget, or undefined when the budget is off. */
export function rateLimiterFor(
  budget: { limit: number; windowMs: number } | false | undefined,
  route: RateLimitedRoute,
  exemptLoopback = true,
): { take(address: string): void } | undefined {
  if (!budget) return undefined;
  const limiter = new RateLimiter(budget.limit, budget.windowMs, ROUTE_REQUESTS[route]);
  return {
    take(address) {
      if (exemptLoopback && isLoopback(address)) return;
      try {
        limiter.take(address);
      } catch (error) {
        // GET metrics counts the refusals by route key
        if (error instanceof RateLimitedError) metrics.rateLimitRefusals.inc(route);
        throw error;
      }
    },
  };
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}
