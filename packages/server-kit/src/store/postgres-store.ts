import pg from 'pg';
import type { SqlClient, SqlQueryable } from './sql-client.js';
import { sqlStore } from './sql-store.js';
import type { CheckoutStore } from './store.js';

/**
 * The store for several server-kit instances behind a load balancer: the same SQL as the PGlite
 * store, over a node-postgres pool. LISTEN/NOTIFY carries every committed status change to every
 * instance (RELIABILITY.md 17). `config` is a connection string or a node-postgres pool config.
 */
export function postgresStore(config: string | pg.PoolConfig): CheckoutStore {
  const pool = new pg.Pool(typeof config === 'string' ? { connectionString: config } : config);
  return sqlStore(postgresClient(pool));
}

function queryable(db: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query(sql, params = []) {
      const result = await db.query(sql, [...params]);
      return result.rows;
    },
  };
}

/** A SqlClient over a pool: one pooled connection per transaction, one dedicated one for LISTEN. */
export function postgresClient(pool: pg.Pool): SqlClient {
  // An idle pooled connection that dies (server restart) emits 'error'; without a handler that would
  // crash the process. The pool replaces the connection on the next checkout.
  pool.on('error', () => undefined);
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenConnection: Promise<pg.PoolClient> | undefined;
  let closed = false;

  function connectListener(): Promise<pg.PoolClient> {
    listenConnection ??= pool.connect().then((client) => {
      client.on('notification', (message) => {
        for (const onPayload of listeners.get(message.channel) ?? []) onPayload(message.payload ?? '');
      });
      return client;
    });
    return listenConnection;
  }

  return {
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError; // the connection is unusable; do not return it to the pool
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async listen(channel, onPayload) {
      const client = await connectListener();
      let set = listeners.get(channel);
      if (set === undefined) {
        set = new Set();
        listeners.set(channel, set);
        // Identifiers cannot be parameters; escapeIdentifier quotes the (constant) channel name.
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
        if (closed || set.size > 0 || listeners.get(channel) !== set) return;
        listeners.delete(channel);
        await client.query(`UNLISTEN ${client.escapeIdentifier(channel)}`);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      const client = await listenConnection?.catch(() => undefined);
      listenConnection = undefined;
      listeners.clear();
      client?.release();
      await pool.end();
    },
  };
}
