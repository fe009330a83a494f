/**
 * Runs `run` with a deadline. The signal handed to `run` aborts when the deadline passes or when the
 * caller's own `signal` aborts; a passed deadline rejects with `onTimeout()` (e.g. a
 * `ProviderTimeoutError`), a caller abort with the caller's reason. The deadline covers everything
 * `run` awaits, including reading a response body, and holds even if `run` ignores the signal.
 */
export async function withTimeout<T>(
  run: (signal: AbortSignal) => Promise<T>,
  options: { timeoutMs: number; signal?: AbortSignal; onTimeout: (cause: unknown) => Error },
): Promise<T> {
  const { timeoutMs, signal: outer, onTimeout } = options;
  outer?.throwIfAborted();
  const deadline = new AbortController();
  const signal = outer ? AbortSignal.any([outer, deadline.signal]) : deadline.signal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = onTimeout(new Error(`deadline of ${timeoutMs} ms passed`));
      deadline.abort(error);
      reject(error);
    }, timeoutMs);
  });
  let onAbort: (() => void) | undefined;
  const aborted = outer
    ? new Promise<never>((_, reject) => {
        onAbort = () => reject(outer.reason);
        outer.addEventListener('abort', onAbort, { once: true });
      })
    : undefined;
  try {
    return await Promise.race([run(signal), expired, ...(aborted ? [aborted] : [])]);
  } catch (error) {
    // `run` may reject with its own AbortError after the deadline fired: report the deadline instead.
    if (deadline.signal.aborted && !outer?.aborted) throw deadline.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    if (onAbort) outer?.removeEventListener('abort', onAbort);
    // The losing racers must not surface as unhandled rejections.
    expired.catch(() => {});
    aborted?.catch(() => {});
  }
}
