// The PGlite worker: PostgreSQL (WASM) on its own thread, so that executing SQL never blocks the
// event loop that serves HTTP (pglite-thread.ts is the other side, pglite-connection.ts does the work).
// Built to `dist/store/pglite-worker.js` and exported as `@pay-checkout/server-kit/pglite-worker`, so a
// merchant's bundle that inlines server-kit still finds it through the resolver (pglite-worker-file.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { PgliteConnection } from './pglite-connection.js';
import type { WorkerRequest, WorkerStart } from './pglite-worker-messages.js';

if (!parentPort) throw new Error('pglite-worker runs as a worker thread (see pglite-thread.ts)');
const port = parentPort;

const connection = new PgliteConnection((workerData as WorkerStart).dataDir, (reply) =>
  port.postMessage(reply),
);
// Closed: the answer is posted, and with the port closed the thread ends.
port.on('message', (request: WorkerRequest) => connection.receive(request, () => port.close()));
