import type { PGlite } from '@electric-sql/pglite';
import { loadPglite, openPglite, type PgliteModule } from './pglite-open.js';
import { PreparedStatements } from './pglite-statements.js';
import { serializeError, type WorkerReply, type WorkerRequest } from './pglite-worker-messages.js';

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
  #queue: Promise<void> = Promise.resolve();

  constructor(dataDir: string | undefined, post: (reply: WorkerReply) => void) {
    this.#post = post;
    this.#opened = (async () => {
      const pglite = await loadPglite();
      this.#pglite = pglite;
      const db = openPglite(pglite, dataDir);
      await db.waitReady;
      return { db, statements: new PreparedStatements(db, pglite) };
    })();
    // A failed open (PGlite not installed, an unwritable data directory) is the error of every
    // request, so no caller waits forever (and none is left unhandled when nobody asks).
    this.#opened.catch(() => undefined);
  }

  /** Queues one request; its reply is posted when it is its turn. `onClosed` runs after a `close`. */
  receive(request: WorkerRequest, onClosed?: () => void): void {
    this.#queue = this.#queue.then(async () => {
      try {
        const { db, statements } = await this.#opened;
        if (db.closed && request.op !== 'close') throw new Error('PGlite is closed');
        this.#post({ type: 'result', id: request.id, rows: await this.#handle(db, statements, request) });
      } catch (error) {
        this.#post({
          type: 'error',
          id: request.id,
          error: serializeError(error, this.#pglite?.TransactionAbortedError),
        });
      }
      if (request.op === 'close') onClosed?.();
    });
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
