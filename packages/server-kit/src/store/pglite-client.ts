import { type PGlite, parse, protocol, TransactionAbortedError } from '@electric-sql/pglite';
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

/** A prepared statement: its server-side name and the type OID of each parameter. */
interface Prepared {
  name: string;
  paramTypes: number[];
}

/**
 * Named statements on PGlite's one connection; callers hold PGlite's exclusive lock. Every text is
 * kept prepared for the connection's life: the store's SQL is a fixed set of constants (it never
 * builds SQL from input), so the cache holds a few dozen statements at most.
 */
class PreparedStatements {
  readonly #db: PGlite;
  readonly #byText = new Map<string, Prepared>();

  constructor(db: PGlite) {
    this.#db = db;
  }

  async run<Row extends object>(
    sql: string,
    params: readonly unknown[],
    options: { syncToFs: boolean },
  ): Promise<Row[]> {
    const messages = await this.#execute(sql, params, options);
    return (parse.parseResults(messages, this.#db.parsers)[0]?.rows ?? []) as Row[];
  }

  /**
   * COMMIT, refusing the silent kind: a transaction that already failed answers COMMIT with the tag
   * ROLLBACK, which must not pass for success (PGlite's own `transaction` throws the same way).
   */
  async commit(): Promise<void> {
    const messages = await this.#execute('COMMIT', [], { syncToFs: true });
    const rolledBack = messages.some(
      (message) => message.name === 'commandComplete' && (message as { text?: string }).text === 'ROLLBACK',
    );
    if (rolledBack) throw new TransactionAbortedError();
  }

  async #execute(sql: string, params: readonly unknown[], options: { syncToFs: boolean }) {
    const prepared = this.#byText.get(sql) ?? (await this.#prepare(sql));
    const message = concat([
      protocol.serialize.bind({ statement: prepared.name, values: this.#serialize(params, prepared) }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
    // An error is thrown as PGlite's DatabaseError (the same `code` as node-postgres's); the Sync in
    // the same buffer has already brought the connection back to ready.
    return this.#db.execProtocolStream(message, options);
  }

  async #prepare(sql: string): Promise<Prepared> {
    const name = `pay_checkout_${this.#byText.size + 1}`;
    const described = await this.#db.execProtocolStream(
      concat([
        protocol.serialize.parse({ name, text: sql, types: [] }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const prepared = { name, paramTypes: parse.parseDescribeStatementResults(described) };
    this.#byText.set(sql, prepared);
    return prepared;
  }

  /** Values in PostgreSQL's text format, by the parameter types PostgreSQL inferred (as PGlite does). */
  #serialize(params: readonly unknown[], prepared: Prepared): (string | null)[] {
    return params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serializer = this.#db.serializers[prepared.paramTypes[i] ?? 0];
      return serializer ? serializer(param) : String(param);
    });
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
