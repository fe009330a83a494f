/**
 * A call that is prepared now and sent later. `POST sessions` builds and signs the provider's
 * initiation while the session is being written (an RSA-2048 signature is about 0.3 ms of CPU, on
 * libuv's pool, plus two thread hand-offs: all of it in the request's latency when done in sequence),
 * and lets it go only once the write has committed (docs/reliability.md: the session is recorded as
 * opening before any request leaves, so a crash leaves a row the poller adopts by reference).
 *
 * The gate rides on the call's `AbortSignal`, the one parameter every adapter method already takes
 * and hands to the provider client (provider-client.ts awaits it after signing, before the transport).
 * An adapter that did not hand it on would send at once, so the kit starts a call early only for
 * adapters marked with `markSendsAfterGate` by their factory (ConnectPay's), and in sequence otherwise.
 */
const gates = new WeakMap<AbortSignal, Promise<void>>();

/** Set on an adapter whose `initiate` hands its signal to the provider client. */
const SENDS_AFTER_GATE = Symbol('pay-checkout.sendsAfterGate');

/** Marks an adapter as honouring a gated signal (see above); returns it. */
export function markSendsAfterGate<T extends object>(adapter: T): T {
  Object.defineProperty(adapter, SENDS_AFTER_GATE, { value: true });
  return adapter;
}

/**
 * Whether the adapter honours a gated signal: its own mark, so a Proxy around it (timing, metrics)
 * still says so, while an object made from it (`Object.create`, a spread) with another `initiate`
 * does not inherit a promise it may not keep.
 */
export function sendsAfterGate(adapter: object): boolean {
  return Object.getOwnPropertyDescriptor(adapter, SENDS_AFTER_GATE)?.value === true;
}

/** The gate of a call, when its signal carries one. */
export function gateOf(signal: AbortSignal | undefined): Promise<void> | undefined {
  return signal === undefined ? undefined : gates.get(signal);
}

/** Why a prepared call was never sent (its gate was closed). */
export class CallNotSentError extends Error {
  constructor(why: string) {
    super(`The prepared provider call was not sent: ${why}.`);
    this.name = 'CallNotSentError';
  }
}

/** A gate to hand to a call as its signal: `open()` lets the call go, `close()` drops it unsent. */
export interface SendGate {
  readonly signal: AbortSignal;
  open(): void;
  close(why: string): void;
}

export function createSendGate(): SendGate {
  let open = () => {};
  let close: (error: Error) => void = () => {};
  const gate = new Promise<void>((resolve, reject) => {
    open = resolve;
    close = reject;
  });
  // A call that never reached its gate (it failed while preparing) leaves nobody to observe a close.
  gate.catch(() => undefined);
  const signal = new AbortController().signal;
  gates.set(signal, gate);
  // The first of open and close decides. `POST sessions` closes every gate when it is done, sent or
  // not: an error (and its stack trace) is made only for a call that really stays unsent.
  let decided = false;
  return {
    signal,
    open: () => {
      decided = true;
      open();
    },
    close: (why) => {
      if (decided) return;
      decided = true;
      close(new CallNotSentError(why));
    },
  };
}
