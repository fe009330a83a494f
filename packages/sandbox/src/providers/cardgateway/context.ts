import type { KnobBoard } from '../../shared/knobs/knob-board.js';
import type { Notifier } from '../../shared/notifications/notifier.js';
import type { TokenIssuer } from './auth-token.js';
import type { CardGatewayBook } from './book.js';

/** Everything the card gateway stage's handlers share. One per running sandbox. */
export interface CardGatewayContext {
  /** Path prefix, e.g. `/cardgateway`. */
  readonly prefix: string;
  readonly book: CardGatewayBook;
  readonly tokens: TokenIssuer;
  readonly knobs: KnobBoard;
  readonly notifier: Notifier;
  /** Aborted on close: latency sleeps end at once. */
  readonly signal: AbortSignal;
}
