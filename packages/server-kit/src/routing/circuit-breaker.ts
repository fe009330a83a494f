import { z } from 'zod';

/** Config `circuitBreaker`: when a provider instance counts as down, and how long it rests. */
export const CircuitBreakerConfig = z
  .object({
    /** Consecutive failures that open the circuit (default 5). */
    failureThreshold: z.number().int().min(1).max(1000).optional(),
    /** How long an open circuit refuses calls before it lets one probe through (default 30 s). */
    cooldownMs: z.number().int().positive().max(2_147_483_647).optional(),
  })
  .strict();
export type CircuitBreakerConfig = z.infer<typeof CircuitBreakerConfig>;

export const DEFAULT_FAILURE_THRESHOLD = 5;
export const DEFAULT_COOLDOWN_MS = 30_000;

export interface CircuitBreakerOptions {
  failureThreshold?: number;
  cooldownMs?: number;
  /** Milliseconds since the epoch; tests inject a clock they move by hand. */
  now?: () => number;
}

/**
 * `closed`: calls go through. `open`: calls are refused until `retryAt`. `half_open`: the cool-down is
 * over; the next call is the one probe (or the probe is under way and everyone else is refused).
 */
export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitSnapshot {
  state: CircuitState;
  consecutiveFailures: number;
  /** When the circuit last opened (ISO 8601); absent while closed. */
  openedAt?: string;
  /** When the next probe may go through (ISO 8601); absent while closed. */
  retryAt?: string;
}

/**
 * The right to make one provider call, handed out by `acquire()`. Report the call's outcome once:
 * `success()` when the provider answered (a refusal is an answer too), `failure()` on a transient error
 * (timeout, unreachable, 5xx), `release()` when the call proves nothing either way (e.g. it was never
 * sent). Later reports on the same permit are ignored.
 */
export interface CircuitPermit {
  success(): void;
  failure(): void;
  release(): void;
}

export interface CircuitBreaker {
  /** A permit for one call, or `undefined` when the circuit refuses it (open, or a probe is running). */
  acquire(): CircuitPermit | undefined;
  /** True when `acquire()` would refuse because the circuit is open (a running probe does not count). */
  isOpen(): boolean;
  state(): CircuitSnapshot;
}

/**
 * One provider instance's circuit breaker. After `failureThreshold` consecutive failures it opens and
 * refuses calls, so shoppers fall over to the next provider at once instead of waiting for timeouts;
 * after `cooldownMs` it lets exactly one probe through: the probe's success closes it, its failure
 * opens it for another cool-down.
 *
 * Every permit remembers the generation (the state it was issued in) and only counts while that
 * generation lasts: a slow call started before the circuit opened cannot close it, and once a probe is
 * out, only the probe decides. A probe whose outcome is never reported would hold the circuit half-open
 * for ever; after another `cooldownMs` (far beyond any provider timeout) it is presumed lost and the
 * next call becomes the probe.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const failureThreshold = options.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD;
  const cooldownMs = options.cooldownMs ?? DEFAULT_COOLDOWN_MS;
  const now = options.now ?? Date.now;

  let consecutiveFailures = 0;
  /** Set while the circuit is open or half-open. */
  let opened: { at: number; retryAt: number } | undefined;
  /** When the running probe was let through; undefined when no probe is out. */
  let probeStartedAt: number | undefined;
  let generation = 0;

  function open(at: number): void {
    generation++;
    opened = { at, retryAt: at + cooldownMs };
    probeStartedAt = undefined;
  }

  function close(): void {
    generation++;
    consecutiveFailures = 0;
    opened = undefined;
    probeStartedAt = undefined;
  }

  function permit(issuedIn: number, probe: boolean): CircuitPermit {
    let reported = false;
    const report = (outcome: 'success' | 'failure' | 'release'): void => {
      if (reported) return;
      reported = true;
      if (issuedIn !== generation) return;
      if (outcome === 'release') {
        // Nothing was learnt: hand the probe slot to the next caller.
        if (probe) probeStartedAt = undefined;
        return;
      }
      if (outcome === 'success') {
        if (probe) close();
        else consecutiveFailures = 0;
        return;
      }
      consecutiveFailures++;
      if (probe || consecutiveFailures >= failureThreshold) open(now());
    };
    return {
      success: () => report('success'),
      failure: () => report('failure'),
      release: () => report('release'),
    };
  }

  return {
    acquire() {
      if (opened === undefined) return permit(generation, false);
      const at = now();
      if (at < opened.retryAt) return undefined;
      if (probeStartedAt !== undefined && at - probeStartedAt < cooldownMs) return undefined;
      // A new probe: a lost earlier one (see above) no longer counts.
      generation++;
      probeStartedAt = at;
      return permit(generation, true);
    },
    isOpen() {
      return opened !== undefined && now() < opened.retryAt;
    },
    state() {
      if (opened === undefined) return { state: 'closed', consecutiveFailures };
      return {
        state: now() < opened.retryAt ? 'open' : 'half_open',
        consecutiveFailures,
        openedAt: new Date(opened.at).toISOString(),
        retryAt: new Date(opened.retryAt).toISOString(),
      };
    },
  };
}
