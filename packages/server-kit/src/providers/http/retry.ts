/**
 * Retries for idempotent reads only (GET): capped exponential backoff with full jitter, as in the AWS
 * Architecture Blog's "Exponential Backoff And Jitter": delay = random(0, min(maxMs, baseMs * 2^n)).
 * Writes are never passed through here: retrying a payment initiation could create a second payment.
 */
export interface BackoffPolicy {
  /** Delay cap before jitter for the first retry. */
  baseMs: number;
  /** Upper bound of any single delay. */
  maxMs: number;
}

export interface RetryOptions extends BackoffPolicy {
  /** Retries after the first attempt (0 = try once). */
  retries: number;
  /** Whether an error is worth another attempt (5xx, network, timeout: yes; 4xx: no). */
  isRetryable: (error: unknown) => boolean;
  signal?: AbortSignal;
  /** Source of jitter in [0, 1); injectable so tests can pin delays. */
  random?: () => number;
  /** Called before each wait, e.g. to log or count. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Full-jitter delay before retry number `attempt` (0-based). */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export async function retry<T>(run: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(attempt);
    } catch (error) {
      if (attempt >= options.retries || !options.isRetryable(error) || options.signal?.aborted) throw error;
      const delayMs = backoffDelay(attempt, options, options.random);
      options.onRetry?.(error, attempt + 1, delayMs);
      await sleep(delayMs, options.signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
