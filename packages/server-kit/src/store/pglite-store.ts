import { lockDataDir } from './data-dir-lock.js';
import { pgliteThreadClient } from './pglite-thread.js';
import { sqlStore } from './sql-store.js';
import type { CheckoutStore } from './store.js';

export interface PgliteStoreOptions {
  /** Where the database lives. Default: `PAY_CHECKOUT_DATA`, else `./.pay-checkout`. */
  dataDir?: string;
  /** Keep everything in memory (tests that need no disk). Wins over `dataDir`. */
  memory?: boolean;
}

/**
 * The embedded default store: PostgreSQL compiled to WASM, on a worker thread of this process (so SQL
 * never blocks the HTTP event loop), with a data directory and nothing to install. Opening is
 * asynchronous, so the store opens lazily; the first call waits.
 * A data directory is used by one store at a time: a second opener (this process or another live
 * one) gets `StoreLockedError` right here.
 */
export function pgliteStore(options: PgliteStoreOptions = {}): CheckoutStore {
  const dataDir = options.memory
    ? undefined
    : (options.dataDir ?? process.env.PAY_CHECKOUT_DATA ?? './.pay-checkout');
  // Taken before opening, so a second opener fails here, synchronously, before touching any file.
  const release = dataDir === undefined ? undefined : lockDataDir(dataDir);
  return sqlStore(pgliteThreadClient(dataDir, release));
}
