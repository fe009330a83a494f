/**
 * The few things the SQL store needs from a database driver. PGlite and node-postgres each get a
 * thin adapter to this, so both run exactly the same queries and migrations (docs/architecture.md).
 */
export interface SqlQueryable {
  /** Runs one parameterised statement and returns its rows (an empty array for none). */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
}

export interface SqlClient extends SqlQueryable {
  /**
   * Runs `fn` inside BEGIN … COMMIT on one connection; a throw (or a failed COMMIT, e.g. a deferred
   * constraint) rolls everything back, including any `pg_notify` issued inside.
   */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** LISTENs on `channel`; resolves once listening. The returned function stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
