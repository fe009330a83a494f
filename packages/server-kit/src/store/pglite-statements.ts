import type { PGlite } from '@electric-sql/pglite';
import type { PgliteModule } from './pglite-open.js';

/** A prepared statement: its server-side name and the type OID of each parameter. */
interface Prepared {
  name: string;
  paramTypes: number[];
}

/**
 * Named statements on PGlite's one connection, run one at a time (pglite-worker.ts queues them). PGlite's
 * own `query()` parses, plans and describes every statement on every call, in six trips into the WASM
 * module; here each text is parsed and described once, and every later call sends Bind, Describe,
 * Execute and Sync in one buffer (bench/README.md, "Where the kit's time goes"). Every text is
 * kept prepared for the connection's life: the store's SQL is a fixed set of constants (it never
 * builds SQL from input), so the cache holds a few dozen statements at most.
 */
export class PreparedStatements {
  readonly #db: PGlite;
  /** PGlite's protocol helpers, from the module the caller loaded (it is an optional peer). */
  readonly #pglite: PgliteModule;
  readonly #byText = new Map<string, Prepared>();

  constructor(db: PGlite, pglite: PgliteModule) {
    this.#db = db;
    this.#pglite = pglite;
  }

  async run<Row extends object>(
    sql: string,
    params: readonly unknown[],
    options: { syncToFs: boolean },
  ): Promise<Row[]> {
    const messages = await this.#execute(sql, params, options);
    return (this.#pglite.parse.parseResults(messages, this.#db.parsers)[0]?.rows ?? []) as Row[];
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
    if (rolledBack) throw new this.#pglite.TransactionAbortedError();
  }

  async #execute(sql: string, params: readonly unknown[], options: { syncToFs: boolean }) {
    const prepared = this.#byText.get(sql) ?? (await this.#prepare(sql));
    const { protocol } = this.#pglite;
    const message = Buffer.concat([
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
    const { parse, protocol } = this.#pglite;
    const described = await this.#db.execProtocolStream(
      Buffer.concat([
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
