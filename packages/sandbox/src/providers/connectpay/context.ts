import type { KnobBoard } from '../../shared/knobs/knob-board.js';
import type { Notifier } from '../../shared/notifications/notifier.js';
import type { SandboxPaymentBook } from './book.js';
import type { ClientDirectory } from './clients.js';
import type { WidgetVisits } from './widget-visits.js';

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
  /** Which payments' widget was ever served (inspection only). */
  readonly widgetVisits: WidgetVisits;
  /** Aborted on close: latency sleeps end at once. */
  readonly signal: AbortSignal;
}
