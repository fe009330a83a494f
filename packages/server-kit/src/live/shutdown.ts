/**
 * What `checkout.close()` needs to shut down in order (docs/several-instances.md "Stopping an
 * instance"): the requests still being answered, and the reconnection hint given to open streams.
 */

/**
 * How long `close()` waits for requests in flight before it closes the store under them: a host that
 * exits after `close()` stays within the 10 s a process manager (Kubernetes, systemd) usually grants
 * between SIGTERM and SIGKILL.
 */
export const SHUTDOWN_GRACE_MS = 8000;

/** The requests being answered now, so shutdown can wait for them. */
export class InFlightRequests {
  #count = 0;
  #idle: Array<() => void> = [];

  get count(): number {
    return this.#count;
  }

  /** Counts `work` until it settles; answers it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#count++;
    return work.finally(() => {
      this.#count--;
      if (this.#count === 0) for (const resolve of this.#idle.splice(0)) resolve();
    });
  }

  /** Resolves once nothing is in flight, or after `timeoutMs`; answers whether everything finished. */
  async drained(timeoutMs: number): Promise<boolean> {
    if (this.#count === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.#idle.push(() => resolve(true)));
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([idle, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The `retry:` given to streams ended by a shutdown: 0.5–2.5 s, spread so that thousands of browsers
 * do not reconnect to the remaining instances in the same millisecond.
 */
export function shutdownRetryMs(): number {
  return 500 + Math.floor(Math.random() * 2000);
}
