import type pg from 'pg';
import type { SqlClient, SqlQueryable } from './sql-client.js';

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
  let connection: Promise<pg.PoolClient> | undefined;
  let closed = false;

  const listenSql = (client: pg.PoolClient, verb: 'LISTEN' | 'UNLISTEN', channel: string) =>
    // Identifiers cannot be parameters; escapeIdentifier quotes the (constant) channel name.
    client.query(`${verb} ${client.escapeIdentifier(channel)}`);

  function listenConnection(): Promise<pg.PoolClient> {
    connection ??= openListenConnection().catch((error: unknown) => {
      connection = undefined;
      throw error;
    });
    return connection;
  }

  async function openListenConnection(): Promise<pg.PoolClient> {
    const client = await pool.connect();
    client.on('notification', (message) => {
      for (const onPayload of listeners.get(message.channel) ?? []) onPayload(message.payload ?? '');
    });
    client.on('error', (error) => {
      // The server dropped us (restart, failover). Listen again on a new connection while anyone
      // listens; changes committed in the gap are not announced, and SSE clients catch up from the
      // store when they reconnect (docs/reliability.md 16).
      connection = undefined;
      client.release(error);
      scheduleRelisten();
    });
    for (const channel of listeners.keys()) await listenSql(client, 'LISTEN', channel);
    return client;
  }

  function scheduleRelisten(): void {
    if (closed || listeners.size === 0) return;
    setTimeout(() => {
      if (closed || listeners.size === 0 || connection !== undefined) return;
      listenConnection().catch(scheduleRelisten);
    }, 1000).unref();
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
      const client = await listenConnection();
      let set = listeners.get(channel);
      if (set === undefined) {
        set = new Set();
        listeners.set(channel, set);
        await listenSql(client, 'LISTEN', channel);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
        if (closed || set.size > 0 || listeners.get(channel) !== set) return;
        listeners.delete(channel);
        const current = await connection?.catch(() => undefined);
        if (current) await listenSql(current, 'UNLISTEN', channel).catch(() => undefined);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      const client = await connection?.catch(() => undefined);
      connection = undefined;
      listeners.clear();
      client?.release();
      await pool.end();
    },
  };
}
