import type { KnobBoard } from '../../shared/knobs/knob-board.js';
import type { Notifier } from '../../shared/notifications/notifier.js';
import type { FintectureBook } from './book.js';
import type { TokenStore } from './tokens.js';

/** Everything the Fintecture stage's handlers share. One per running sandbox. */
export interface FintectureContext {
  /** Path prefix, e.g. `/fintecture`. */
  readonly prefix: string;
  readonly book: FintectureBook;
  readonly tokens: TokenStore;
  readonly knobs: KnobBoard;
  readonly notifier: Notifier;
  /** The application's webhook URL (set in Fintecture's console; here with the admin API), per app id. */
  readonly webhookUrls: Map<string, string>;
  /** Remembers request ids per application (replayed requests are refused). */
  readonly replay: { firstUse(appId: string, requestId: string): boolean; reset(): void };
  /** Aborted on close: latency sleeps end at once. */
  readonly signal: AbortSignal;
}
