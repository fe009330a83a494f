import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import { pgliteClient } from './pglite-client.js';
import { sqlStore } from './sql-store.js';
import type { CheckoutStore } from './store.js';

export interface PgliteStoreOptions {
  /** Where the database lives. Default: `PAY_CHECKOUT_DATA`, else `./.pay-checkout`. */
  dataDir?: string;
  /** Keep everything in memory (tests that need no disk). Wins over `dataDir`. */
  memory?: boolean;
}

/**
 * The embedded default store: PostgreSQL compiled to WASM, in-process, with a data directory and
 * nothing to install. Opening is asynchronous, so the store opens lazily; the first call waits.
 * A data directory is used by one store at a time: a second opener (this process or another live
 * one) gets `StoreLockedError` right here.
 */
export function pgliteStore(options: PgliteStoreOptions = {}): CheckoutStore {
  const dataDir = options.memory
    ? undefined
    : (options.dataDir ?? process.env.PAY_CHECKOUT_DATA ?? './.pay-checkout');
  // Taken before opening, so a second opener fails here, synchronously, before touching any file.
  const release = dataDir === undefined ? undefined : lockDataDir(dataDir);
  return sqlStore(pgliteClient(openPglite(dataDir), release));
}

function openPglite(dataDir: string | undefined): PGlite {
  // Durability (RELIABILITY.md 15). In Node the data directory is Emscripten's NODEFS, whose every
  // write is a synchronous `fs.writeSync`: when PostgreSQL reports COMMIT, the WAL record is in the
  // operating system, and a SIGKILL of this process cannot lose it (test/store-pglite.test.ts kills a
  // child right after it acknowledged a write to prove it). `relaxedDurability: false` (PGlite's
  // default, stated on purpose) also makes each query wait for PGlite's own file-system sync, which
  // is what protects the buffered file systems (IndexedDB, OPFS); `true` would answer before it.
  // Not covered: a power cut of the whole machine. PGlite runs PostgreSQL with fsync off and NODEFS
  // has no fsync, so the last commits may sit in the page cache; deployments that need that
  // guarantee use the PostgreSQL store.
  const db = new PGlite({ ...(dataDir === undefined ? {} : { dataDir }), relaxedDurability: false });
  // Opening runs in the background; a failure (say, an unwritable data directory) is reported by the
  // first store call, which awaits the same promise, instead of as an unhandled rejection.
  db.waitReady.catch(() => undefined);
  return db;
}
