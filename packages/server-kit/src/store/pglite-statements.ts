import type { PGlite } from '@electric-sql/pglite';
import type { PgliteModule } from './pglite-open.js';

/** A column of a statement's rows: its name and type OID (which of PGlite's parsers reads it). */
interface Field {
  name: string;
  dataTypeID: number;
}

/** A prepared statement: its server-side name, the type OID of each parameter and its columns. */
interface Prepared {
  name: string;
  paramTypes: number[];
  fields: Field[];
}

/** One statement of a batch. */
export interface BatchItem {
  sql: string;
  params: readonly unknown[];
}

/** What one statement of a batch gave: its rows, or the error it failed with (nothing it did stays). */
export type BatchOutcome = { rows: object[] } | { error: unknown };

/** The parts of PGlite's backend messages read here (pg-protocol's message classes). */
interface BackendMessage {
  name: string;
  text?: string;
  fields?: (string | null)[] | { name: string; dataTypeID: number }[];
}

/**
 * Named statements on PGlite's one connection, run one at a time (pglite-connection.ts queues them).
 * PGlite's own `query()` parses, plans and describes every statement on every call, in six trips into
 * the WASM module; here each text is parsed and described once (its parameter types and its columns
 * kept), and every later call sends Bind, Execute and Sync in one buffer. No Describe per call: the
 * row description PostgreSQL would send again, and PGlite's parser would decode again name by name,
 * is the one kept from preparing (bench/README.md, "Where the kit's time goes"). Every text is kept
 * prepared for the connection's life: the store's SQL is a fixed set of constants (it never builds
 * SQL from input), so the cache holds a few dozen statements at most.
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
    const { prepared, messages } = await this.#execute(sql, params, options);
    return this.#rows(prepared, messages) as Row[];
  }

  /**
   * Several statements that arrived together, run as one implicit transaction (one Sync, so one
   * commit and one file-system sync for all: a group commit). Each is answered only after that commit,
   * so an acknowledged write is as durable as one run alone. When any of them fails, PostgreSQL rolls
   * the whole group back; each is then run again on its own, so every statement gets exactly the
   * outcome it would have had alone, in the same order. Only for statements outside a transaction.
   */
  async runBatch(items: readonly BatchItem[]): Promise<BatchOutcome[]> {
    if (items.length === 1) return [await this.#alone(items[0])];
    const prepared: Prepared[] = [];
    try {
      for (const item of items) prepared.push(await this.#preparedFor(item.sql));
    } catch {
      // A statement that does not even prepare: each one alone says which.
      return this.#oneByOne(items);
    }
    const { serialize } = this.#pglite.protocol;
    const parts = items.map((item, i) => this.#bindAndExecute(prepared[i], item.params));
    parts.push(serialize.sync());
    const messages = (await this.#db.execProtocolStream(Buffer.concat(parts), {
      syncToFs: true,
      throwOnError: false,
    })) as BackendMessage[];
    const rows = this.#splitByStatement(prepared, messages);
    return rows ?? this.#oneByOne(items);
  }

  /**
   * COMMIT, refusing the silent kind: a transaction that already failed answers COMMIT with the tag
   * ROLLBACK, which must not pass for success (PGlite's own `transaction` throws the same way).
   */
  async commit(): Promise<void> {
    const { messages } = await this.#execute('COMMIT', [], { syncToFs: true });
    const rolledBack = messages.some(
      (message) => message.name === 'commandComplete' && message.text === 'ROLLBACK',
    );
    if (rolledBack) throw new this.#pglite.TransactionAbortedError();
  }

  /** One statement, Bind, Execute and Sync in one buffer: its prepared form and PGlite's answer. */
  async #execute(
    sql: string,
    params: readonly unknown[],
    options: { syncToFs: boolean },
  ): Promise<{ prepared: Prepared; messages: BackendMessage[] }> {
    const prepared = await this.#preparedFor(sql);
    // An error is thrown as PGlite's DatabaseError (the same `code` as node-postgres's); the Sync in
    // the same buffer has already brought the connection back to ready.
    const messages = (await this.#db.execProtocolStream(
      Buffer.concat([this.#bindAndExecute(prepared, params), this.#pglite.protocol.serialize.sync()]),
      options,
    )) as BackendMessage[];
    return { prepared, messages };
  }

  async #alone(item: BatchItem): Promise<BatchOutcome> {
    try {
      return { rows: await this.run(item.sql, item.params, { syncToFs: true }) };
    } catch (error) {
      return { error };
    }
  }

  async #oneByOne(items: readonly BatchItem[]): Promise<BatchOutcome[]> {
    const outcomes: BatchOutcome[] = [];
    for (const item of items) outcomes.push(await this.#alone(item));
    return outcomes;
  }

  /**
   * The rows of each statement of a batch that went through: each statement's answer starts with
   * BindComplete and ends with CommandComplete. `undefined` when anything else happened (an error,
   * or answers that do not add up), so the caller runs the statements one by one instead.
   */
  #splitByStatement(prepared: Prepared[], messages: BackendMessage[]): BatchOutcome[] | undefined {
    const outcomes: BatchOutcome[] = [];
    let current: BackendMessage[] | undefined;
    for (const message of messages) {
      switch (message.name) {
        case 'bindComplete':
          if (current !== undefined) return undefined;
          current = [];
          break;
        case 'dataRow':
          if (current === undefined) return undefined;
          current.push(message);
          break;
        case 'commandComplete':
        case 'emptyQuery': {
          if (current === undefined) return undefined;
          const statement = prepared[outcomes.length];
          if (statement === undefined) return undefined;
          outcomes.push({ rows: this.#rows(statement, current) });
          current = undefined;
          break;
        }
        case 'error':
          return undefined;
        default:
          // readyForQuery, notices and notifications (PGlite hands those to its listeners itself).
          break;
      }
    }
    return outcomes.length === prepared.length && current === undefined ? outcomes : undefined;
  }

  #bindAndExecute(prepared: Prepared, params: readonly unknown[]): Uint8Array {
    const { serialize } = this.#pglite.protocol;
    return Buffer.concat([
      serialize.bind({ statement: prepared.name, values: this.#serialize(params, prepared) }),
      serialize.execute({}),
    ]);
  }

  /** Rows as objects by column name, each value read by PGlite's parser for its type (as `query()`). */
  #rows(prepared: Prepared, messages: BackendMessage[]): object[] {
    const { fields } = prepared;
    const parsers = this.#db.parsers as Record<
      number,
      ((value: string, type: number) => unknown) | undefined
    >;
    const rows: object[] = [];
    for (const message of messages) {
      if (message.name !== 'dataRow') continue;
      const values = message.fields as (string | null)[];
      const row: Record<string, unknown> = {};
      for (let i = 0; i < fields.length; i++) {
        const value = values[i];
        const { name, dataTypeID } = fields[i];
        const parser = parsers[dataTypeID];
        row[name] = value === null || value === undefined ? null : parser ? parser(value, dataTypeID) : value;
      }
      rows.push(row);
    }
    return rows;
  }

  async #preparedFor(sql: string): Promise<Prepared> {
    return this.#byText.get(sql) ?? (await this.#prepare(sql));
  }

  async #prepare(sql: string): Promise<Prepared> {
    const name = `pay_checkout_${this.#byText.size + 1}`;
    const { parse, protocol } = this.#pglite;
    const described = (await this.#db.execProtocolStream(
      Buffer.concat([
        protocol.serialize.parse({ name, text: sql, types: [] }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ]),
      { syncToFs: false },
    )) as BackendMessage[];
    const columns = described.find((message) => message.name === 'rowDescription')?.fields as
      | Field[]
      | undefined;
    const prepared: Prepared = {
      name,
      paramTypes: parse.parseDescribeStatementResults(described as never),
      fields: (columns ?? []).map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
    };
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
