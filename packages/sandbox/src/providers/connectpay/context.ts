import type { SandboxPaymentBook } from './book.js';
import type { ClientDirectory } from './clients.js';
import type { KnobBoard } from './knobs.js';
import type { Notifier } from './notifier.js';

/** Everything the ConnectPay stage's handlers share. One per running sandbox. */
export interface ConnectPayContext {
  /** Path prefix, e.g. `/connectpay`. */
  readonly prefix: string;
  readonly book: SandboxPaymentBook;
  readonly clients: ClientDirectory;
  readonly knobs: KnobBoard;
  readonly notifier: Notifier;
  /** Top-ups: paymentId → onboarded consumer id (the book's consumer type has no such field). */
  readonly topUpConsumers: Map<string, string>;
  /** Aborted on close: latency sleeps end at once. */
  readonly signal: AbortSignal;
}
