import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import {
  deserializeError,
  type WorkerReply,
  type WorkerRequest,
  type WorkerStart,
} from './pglite-worker-messages.js';
import type { SqlClient, SqlQueryable } from './sql-client.js';

type Pending = { resolve: (rows: object[]) => void; reject: (error: Error) => void };
/** Omit over each member of a union (a plain Omit would keep only the keys common to all). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A request before `#send` numbers it. */
type Op = WithoutId<WorkerRequest>;

/**
 * The SqlClient over PGlite running in a worker thread (pglite-worker.ts). PGlite executes SQL
 * synchronously inside its WASM module: in-process, every statement stalls the event loop that
 * serves HTTP. On its own thread, the database works on one core while requests are parsed, providers
 * called and answers written on the other; requests are pipelined (the worker takes the next statement
 * while this side handles the last answer).
 *
 * One connection, shared: a transaction holds a gate, so statements issued meanwhile wait until it
 * ends and are never interleaved with it. The worker keeps this process alive only while a request is
 * outstanding, so a forgotten `close()` never hangs the process, and a pending query never lets it exit.
 */
export function pgliteThreadClient(dataDir: string | undefined, afterClose?: () => void): SqlClient {
  return new PgliteThread(dataDir, afterClose);
}

class PgliteThread implements SqlClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, Set<(payload: string) => void>>();
  readonly #afterClose?: () => void;
  #nextId = 1;
  /** Set while a transaction runs; resolved when it ends. Statements from outside wait for it. */
  #transaction: Promise<void> | undefined;
  /** Why nothing more can be sent (closed, or the worker died). */
  #stopped: Error | undefined;
  #closing: Promise<void> | undefined;

  constructor(dataDir: string | undefined, afterClose?: () => void) {
    this.#afterClose = afterClose;
    const start: WorkerStart = dataDir === undefined ? {} : { dataDir };
    this.#worker = startWorker(start);
    this.#worker.unref();
    this.#worker.on('message', (reply: WorkerReply) => this.#receive(reply));
    this.#worker.on('error', (error) => this.#stop(error));
    this.#worker.on('exit', (code) => this.#stop(new Error(`The PGlite worker exited (code ${code}).`)));
  }

  async query<Row extends object>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    while (this.#transaction) await this.#transaction;
    return (await this.#send({ op: 'query', sql, params })) as Row[];
  }

  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    while (this.#transaction) await this.#transaction;
    let end = () => {};
    this.#transaction = new Promise<void>((resolve) => {
      end = resolve;
    });
    try {
      await this.#send({ op: 'begin' });
      let result: T;
      try {
        result = await fn({
          query: async <Row extends object>(sql: string, params: readonly unknown[] = []) =>
            (await this.#send({ op: 'query', sql, params })) as Row[],
        });
      } catch (error) {
        // The error that ended the transaction is the one to report, not a failure to roll back.
        await this.#send({ op: 'rollback' }).catch(() => undefined);
        throw error;
      }
      await this.#send({ op: 'commit' });
      return result;
    } finally {
      this.#transaction = undefined;
      end();
    }
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    while (this.#transaction) await this.#transaction;
    let listeners = this.#listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(channel, listeners);
      await this.#send({ op: 'listen', channel });
    }
    listeners.add(onPayload);
    return async () => {
      listeners.delete(onPayload);
      if (listeners.size > 0 || this.#listeners.get(channel) !== listeners) return;
      this.#listeners.delete(channel);
      if (!this.#stopped) await this.#send({ op: 'unlisten', channel });
    };
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        while (this.#transaction) await this.#transaction;
        if (!this.#stopped) await this.#send({ op: 'close' });
      } finally {
        this.#stop(new Error('PGlite is closed'));
        await this.#worker.terminate();
        this.#afterClose?.();
      }
    })();
    return this.#closing;
  }

  #send(op: Op): Promise<object[]> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) this.#worker.ref();
      this.#worker.postMessage({ id, ...op } as WorkerRequest);
    });
  }

  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
    return pending;
  }

  #receive(reply: WorkerReply): void {
    switch (reply.type) {
      case 'result':
        this.#settle(reply.id)?.resolve(reply.rows);
        return;
      case 'error':
        this.#settle(reply.id)?.reject(deserializeError(reply.error));
        return;
      case 'notification':
        for (const listener of this.#listeners.get(reply.channel) ?? []) listener(reply.payload);
        return;
    }
  }

  /** Fails everything outstanding and everything after. */
  #stop(reason: Error): void {
    this.#stopped ??= reason;
    for (const [id, pending] of this.#pending) {
      this.#pending.delete(id);
      pending.reject(this.#stopped);
    }
    this.#worker.unref();
  }
}

/**
 * The worker runs `dist/store/pglite-worker.js` next to the package's bundle (`dist/index.js`,
 * `dist/conformance.js`). From TypeScript source (tests and the benchmark run with
 * `--conditions=source` under tsx) it runs `pglite-worker.ts`; on Node 20 a worker thread does not
 * inherit the main thread's loader hooks, so it registers tsx itself before importing the file.
 */
function startWorker(workerData: WorkerStart): Worker {
  const source = new URL('./pglite-worker.ts', import.meta.url);
  if (!import.meta.url.endsWith('.ts') || !existsSync(source)) {
    return new Worker(new URL('./store/pglite-worker.js', import.meta.url), { workerData });
  }
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const boot = `import(${tsx}).then((api) => { api.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
