import type { PGlite } from '@electric-sql/pglite';
import { PreparedStatements } from './pglite-statements.js';
import type { SqlClient } from './sql-client.js';

/**
 * The SqlClient over PGlite, speaking the extended query protocol itself with named prepared
 * statements. PGlite's own `query()` parses, plans and describes every statement on every call, in six
 * separate trips into the WASM module; our statements are a small fixed set of constant texts, so each
 * is parsed and described once, and every later call sends Bind, Describe, Execute and Sync in one
 * buffer. That cuts the store's CPU per opened session by more than half (bench/README.md,
 * "Where the kit's time goes"), with the same SQL, the same types and the same errors.
 *
 * PGlite is one connection: every call runs inside `db.runExclusive`, the lock PGlite's own queries
 * and transactions take, so a transaction never interleaves with another statement.
 */
export function pgliteClient(db: PGlite, afterClose?: () => void): SqlClient {
  const statements = new PreparedStatements(db);
  /** PGlite's exclusive lock, once PGlite is open (`runExclusive` alone does not wait for that). */
  async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (!db.ready) await db.waitReady;
    if (db.closed) throw new Error('PGlite is closed');
    return db.runExclusive(fn);
  }
  return {
    query(sql, params = []) {
      return exclusive(() => statements.run(sql, params, { syncToFs: true }));
    },
    transaction(fn) {
      return exclusive(async () => {
        await statements.run('BEGIN', [], { syncToFs: false });
        let result: Awaited<ReturnType<typeof fn>>;
        try {
          result = await fn({
            query: (sql, params = []) => statements.run(sql, params, { syncToFs: false }),
          });
        } catch (error) {
          // The error that ended the transaction is the one to report, not a failure to roll back.
          await statements.run('ROLLBACK', [], { syncToFs: true }).catch(() => undefined);
          throw error;
        }
        await statements.commit();
        return result;
      });
    },
    async listen(channel, onPayload) {
      const stop = await db.listen(channel, onPayload);
      return async () => {
        if (!db.closed) await stop();
      };
    },
    async close() {
      try {
        if (!db.closed) await db.close();
      } finally {
        afterClose?.();
      }
    },
  };
}
