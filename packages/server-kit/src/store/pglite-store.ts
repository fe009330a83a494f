import { PGlite } from '@electric-sql/pglite';
import type { SqlClient } from './sql-client.js';
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
 */
export function pgliteStore(options: PgliteStoreOptions = {}): CheckoutStore {
  const dataDir = options.memory
    ? undefined
    : (options.dataDir ?? process.env.PAY_CHECKOUT_DATA ?? './.pay-checkout');
  return sqlStore(pgliteClient(openPglite(dataDir)));
}

function openPglite(dataDir: string | undefined): PGlite {
  // Durability (RELIABILITY.md 15): `relaxedDurability: false` (PGlite's default, stated here on
  // purpose) makes every query wait until PGlite has handed its writes to the file system before it
  // resolves. In Node the data directory is NODEFS, whose writes are synchronous `fs.writeSync` calls,
  // so an acknowledged commit's WAL is in the operating system before we answer; a SIGKILL of this
  // process cannot lose it (test/store-pglite.test.ts kills a child to prove it). `true` would answer
  // before that hand-over. PGlite runs PostgreSQL with fsync off, so a power cut of the whole machine
  // is not covered; deployments that need that use the PostgreSQL store.
  return new PGlite({ ...(dataDir === undefined ? {} : { dataDir }), relaxedDurability: false });
}

/**
 * PGlite is one connection. Its `query` and `transaction` already take one exclusive lock, so a
 * transaction never interleaves with another statement; that lock is our queue.
 */
export function pgliteClient(db: PGlite): SqlClient {
  return {
    async query(sql, params = []) {
      const result = await db.query(sql, [...params]);
      return result.rows as never[];
    },
    transaction(fn) {
      return db.transaction((tx) =>
        fn({
          async query(sql, params = []) {
            const result = await tx.query(sql, [...params]);
            return result.rows as never[];
          },
        }),
      );
    },
    async listen(channel, onPayload) {
      const stop = await db.listen(channel, onPayload);
      return async () => {
        if (!db.closed) await stop();
      };
    },
    async close() {
      if (!db.closed) await db.close();
    },
  };
}
