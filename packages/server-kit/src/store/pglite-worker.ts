// The PGlite worker: PostgreSQL (WASM) on its own thread, so that executing SQL never blocks the
// event loop that serves HTTP (pglite-thread.ts is the other side). It runs requests strictly in the
// order they arrive, one at a time, as the single connection it is; the store's thread keeps a
// transaction's statements together.
import { parentPort, workerData } from 'node:worker_threads';
import { openPglite } from './pglite-open.js';
import { PreparedStatements } from './pglite-statements.js';
import {
  serializeError,
  type WorkerReply,
  type WorkerRequest,
  type WorkerStart,
} from './pglite-worker-messages.js';

if (!parentPort) throw new Error('pglite-worker.ts runs as a worker thread (see pglite-thread.ts)');
const port = parentPort;

const post = (reply: WorkerReply) => port.postMessage(reply);
const db = openPglite((workerData as WorkerStart).dataDir);
const statements = new PreparedStatements(db);
const listening = new Map<string, () => Promise<void>>();
let inTransaction = false;

async function handle(request: WorkerRequest): Promise<object[]> {
  switch (request.op) {
    case 'query':
      // Outside a transaction each statement is its own; PGlite then syncs its file system.
      return statements.run(request.sql, request.params, { syncToFs: !inTransaction });
    case 'begin':
      await statements.run('BEGIN', [], { syncToFs: false });
      inTransaction = true;
      return [];
    case 'commit':
      inTransaction = false;
      await statements.commit();
      return [];
    case 'rollback':
      inTransaction = false;
      await statements.run('ROLLBACK', [], { syncToFs: true });
      return [];
    case 'listen': {
      // pglite-thread.ts asks once per channel and fans payloads out to its own listeners.
      const channel = request.channel;
      listening.set(
        channel,
        await db.listen(channel, (payload) => post({ type: 'notification', channel, payload })),
      );
      return [];
    }
    case 'unlisten':
      await listening.get(request.channel)?.();
      listening.delete(request.channel);
      return [];
    case 'close':
      if (!db.closed) await db.close();
      return [];
  }
}

// A failed open (an unwritable data directory, say) is the error of every request, so no caller waits
// forever (and none is left unhandled when nobody asks).
const opened = db.waitReady;
opened.catch(() => undefined);
let queue: Promise<void> = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      await opened;
      if (db.closed && request.op !== 'close') throw new Error('PGlite is closed');
      post({ type: 'result', id: request.id, rows: await handle(request) });
    } catch (error) {
      post({ type: 'error', id: request.id, error: serializeError(error) });
    }
    // Closed: the answer is posted, and with the port closed the thread ends.
    if (request.op === 'close') port.close();
  });
});
