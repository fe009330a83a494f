/** What the pay.tech stage's handlers share. */
import type { KnobBoard } from '../../shared/knobs/knob-board.js';
import type { Notifier } from '../../shared/notifications/notifier.js';
import type { PaytechBook } from './book.js';
import type { ShopDirectory } from './shops.js';

export interface PaytechContext {
  /** Where the stage is mounted, e.g. `/paytech`. */
  prefix: string;
  book: PaytechBook;
  shops: ShopDirectory;
  knobs: KnobBoard;
  notifier: Notifier;
  /** Aborts latency sleeps when the stage closes. */
  signal: AbortSignal;
}
