import type { SqlClient, SqlQueryable } from './sql-client.js';

/**
 * A SqlClient that opens its database on first use, not when it is made: constructing a store (and so
 * `createCheckout`) touches no file, loads no driver and opens no connection. A failed open is the
 * error of that call and of every later one; closing a client that never opened opens nothing.
 */
export function lazySqlClient(open: () => Promise<SqlClient>): SqlClient {
  let opened: Promise<SqlClient> | undefined;
  let closed = false;
  const client = (): Promise<SqlClient> => {
    if (closed) return Promise.reject(new Error('The store is closed'));
    opened ??= open();
    return opened;
  };
  return {
    async query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
      return (await client()).query<Row>(sql, params);
    },
    async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      return (await client()).transaction(fn);
    },
    async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
      return (await client()).listen(channel, onPayload);
    },
    async close(): Promise<void> {
      closed = true;
      const current = await opened?.catch(() => undefined);
      await current?.close();
    },
  };
}
