import { CheckoutError } from '../errors.js';

/** Past a cap of `StreamLimits`: 429 with `Retry-After`; the return page keeps going by polling. */
export class TooManyStreamsError extends CheckoutError {
  constructor(message: string) {
    super('too_many_streams', 429, message);
  }
}

/**
 * Caps on open SSE status streams: each holds a socket and a bus listener for as long as the shopper
 * waits, so without a cap a script opening thousands of them (or one page reopening its stream in a
 * loop) exhausts the process. One cap per session, one for the whole process.
 */
export class StreamLimits {
  private readonly perSession = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerSession: number,
  ) {}

  /** Takes a slot for a stream of `sessionId`, or throws `TooManyStreamsError`; returns its release. */
  take(sessionId: string): () => void {
    if (this.total >= this.maxTotal) {
      throw new TooManyStreamsError(`This checkout already serves ${this.maxTotal} live status streams.`);
    }
    const open = this.perSession.get(sessionId) ?? 0;
    if (open >= this.maxPerSession) {
      throw new TooManyStreamsError(
        `This session already has ${this.maxPerSession} live status streams open.`,
      );
    }
    this.total += 1;
    this.perSession.set(sessionId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.perSession.get(sessionId) ?? 1) - 1;
      if (left > 0) this.perSession.set(sessionId, left);
      else this.perSession.delete(sessionId);
    };
  }
}
