import type { PGlite } from '@electric-sql/pglite';
import { loadPglite, openPglite, type PgliteModule } from './pglite-open.js';
import { type BatchOutcome, PreparedStatements } from './pglite-statements.js';
import { openDataDirPglite, openMemoryPglite } from './pglite-template.js';
import { serializeError, type WorkerReply, type WorkerRequest } from './pglite-worker-messages.js';

type QueryRequest = Extract<WorkerRequest, { op: 'query' }>;

/** Statements run as one batch at most: a bound on what one failure sends back to run one by one. */
const MAX_BATCH = 64;

/**
 * PGlite as the one connection the store's thread client talks to (pglite-thread.ts): requests run
 * strictly in the order they arrive, one at a time; the thread client keeps a transaction's statements
 * together. It runs on a worker thread (pglite-worker.ts) or, when no worker file can be found (a
 * merchant's bundle shipped without node_modules), on the main thread.
 */
export class PgliteConnection {
  readonly #post: (reply: WorkerReply) => void;
  readonly #opened: Promise<{ db: PGlite; statements: PreparedStatements }>;
  #pglite: PgliteModule | undefined;
  readonly #listening = new Map<string, () => Promise<void>>();
  #inTransaction = false;
  /** Requests received and not yet run, in arrival order; `#draining` while a turn runs them. */
  readonly #inbox: { request: WorkerRequest; onClosed?: () => void }[] = [];
  #draining = false;

  /**
   * `fromTemplate`: a memory database, or a new data directory, starts from the cached initdb copy
   * (pglite-template.ts). The main-thread fallback passes false: a bundled server on that path did not
   * exit after closing a store opened from the copy (tests/consumer), and that path is the rare one.
   */
  constructor(dataDir: string | undefined, post: (reply: WorkerReply) => void, fromTemplate = true) {
    this.#post = post;
    this.#opened = (async () => {
      const pglite = await loadPglite();
      this.#pglite = pglite;
      const db = !fromTemplate
        ? openPglite(pglite, dataDir)
        : dataDir === undefined
          ? await openMemoryPglite(pglite)
          : await openDataDirPglite(pglite, dataDir);
      await db.waitReady;
      return { db, statements: new PreparedStatements(db, pglite) };
    })();
    // A failed open (PGlite not installed, an unwritable data directory) is the error of every
    // request, so no caller waits forever (and none is left unhandled when nobody asks).
    this.#opened.catch(() => undefined);
  }

  /**
   * Queues one request; its reply is posted when it is its turn. `onClosed` runs after a `close`.
   * The queue is worked through from `setImmediate`, after every message that reached this thread in
   * the same turn of its event loop is queued: statements that arrived together outside a transaction
   * then run as one batch (`runBatch`, one commit for all), which is what keeps PGlite's one
   * connection from being the ceiling of POST sessions under load (bench/README.md).
   */
  receive(request: WorkerRequest, onClosed?: () => void): void {
    this.#inbox.push({ request, onClosed });
    if (this.#draining) return;
    this.#draining = true;
    setImmediate(() => void this.#drain());
  }

  async #drain(): Promise<void> {
    while (this.#inbox.length > 0) {
      const batch = this.#takeBatch();
      if (batch.length > 1) await this.#runBatch(batch.map(({ request }) => request) as QueryRequest[]);
      else await this.#runOne(batch[0].request, batch[0].onClosed);
    }
    this.#draining = false;
  }

  /** The next request alone, or, outside a transaction, every query queued next to it (at most 64). */
  #takeBatch(): { request: WorkerRequest; onClosed?: () => void }[] {
    let count = 1;
    if (!this.#inTransaction && this.#inbox[0].request.op === 'query') {
      while (count < MAX_BATCH && this.#inbox[count]?.request.op === 'query') count++;
    }
    return this.#inbox.splice(0, count);
  }

  async #runOne(request: WorkerRequest, onClosed?: () => void): Promise<void> {
    try {
      const { db, statements } = await this.#opened;
      if (db.closed && request.op !== 'close') throw new Error('PGlite is closed');
      this.#post({ type: 'result', id: request.id, rows: await this.#handle(db, statements, request) });
    } catch (error) {
      this.#postError(request.id, error);
    }
    if (request.op === 'close') onClosed?.();
  }

  async #runBatch(requests: QueryRequest[]): Promise<void> {
    let outcomes: BatchOutcome[];
    try {
      const { db, statements } = await this.#opened;
      if (db.closed) throw new Error('PGlite is closed');
      outcomes = await statements.runBatch(requests);
    } catch (error) {
      for (const request of requests) this.#postError(request.id, error);
      return;
    }
    requests.forEach((request, i) => {
      const outcome = outcomes[i];
      if ('rows' in outcome) this.#post({ type: 'result', id: request.id, rows: outcome.rows });
      else this.#postError(request.id, outcome.error);
    });
  }

  #postError(id: number, error: unknown): void {
    this.#post({ type: 'error', id, error: serializeError(error, this.#pglite?.TransactionAbortedError) });
  }

  async #handle(db: PGlite, statements: PreparedStatements, request: WorkerRequest): Promise<object[]> {
    switch (request.op) {
      case 'query':
        // Outside a transaction each statement is its own; PGlite then syncs its file system.
        return statements.run(request.sql, request.params, { syncToFs: !this.#inTransaction });
      case 'begin':
        await statements.run('BEGIN', [], { syncToFs: false });
        this.#inTransaction = true;
        return [];
      case 'commit':
        this.#inTransaction = false;
        await statements.commit();
        return [];
      case 'rollback':
        this.#inTransaction = false;
        await statements.run('ROLLBACK', [], { syncToFs: true });
        return [];
      case 'listen': {
        // pglite-thread.ts asks once per channel and fans payloads out to its own listeners.
        const channel = request.channel;
        this.#listening.set(
          channel,
          await db.listen(channel, (payload) => this.#post({ type: 'notification', channel, payload })),
        );
        return [];
      }
      case 'unlisten':
        await this.#listening.get(request.channel)?.();
        this.#listening.delete(request.channel);
        return [];
      case 'close':
        if (!db.closed) await db.close();
        return [];
      default: {
        const unknown: never = request;
        throw new Error(`Unknown PGlite request ${JSON.stringify(unknown)}`);
      }
    }
  }
}
