import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { createLogger } from '../log.js';
import { PgliteConnection } from './pglite-connection.js';
import { loadPglite } from './pglite-open.js';
import { locatePgliteWorker, WORKER_EXPORT } from './pglite-worker-file.js';
import {
  deserializeError,
  type WorkerReply,
  type WorkerRequest,
  type WorkerStart,
} from './pglite-worker-messages.js';
import type { SqlClient, SqlQueryable } from './sql-client.js';

type Pending = { resolve: (rows: object[]) => void; reject: (error: Error) => void; channel: Channel };
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
export function pgliteThreadClient(
  dataDir: string | undefined,
  afterClose?: () => void,
  log?: Logger,
): SqlClient {
  return new PgliteThread(dataDir, afterClose, log);
}

/** Where requests go: the worker thread, or PGlite on this thread when no worker file was found. */
interface Channel {
  post(request: WorkerRequest): void;
  /** Keep the process alive while a request is outstanding (a worker only). */
  hold(held: boolean): void;
  terminate(): Promise<void>;
}

class PgliteThread implements SqlClient {
  /** Resolves once PGlite's module is loaded and the channel is up; rejects when PGlite is missing. */
  readonly #channel: Promise<Channel>;
  #abortedClass: (new () => Error) | undefined;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, Set<(payload: string) => void>>();
  readonly #afterClose?: () => void;
  #nextId = 1;
  /** Set while a transaction runs; resolved when it ends. Statements from outside wait for it. */
  #transaction: Promise<void> | undefined;
  /** Why nothing more can be sent (closed, or the worker died). */
  #stopped: Error | undefined;
  #closing: Promise<void> | undefined;

  constructor(dataDir: string | undefined, afterClose?: () => void, log?: Logger) {
    this.#afterClose = afterClose;
    this.#channel = this.#open(dataDir === undefined ? {} : { dataDir }, log);
    // A failed open is every request's error; keep it from being an unhandled rejection meanwhile.
    this.#channel.catch(() => undefined);
  }

  async #open(start: WorkerStart, log: Logger | undefined): Promise<Channel> {
    // Loaded here too, not only in the worker: a missing PGlite fails with a message that names the
    // package, and PGlite's TransactionAbortedError is rebuilt as its own class on this side. Started
    // first and awaited last, so the worker boots while this thread parses PGlite's module.
    const loading = loadPglite();
    loading.catch(() => undefined);
    const channel = this.#startChannel(start, log);
    try {
      this.#abortedClass = (await loading).TransactionAbortedError;
    } catch (error) {
      await channel.terminate();
      throw error;
    }
    return channel;
  }

  #startChannel(start: WorkerStart, log: Logger | undefined): Channel {
    const file = locatePgliteWorker();
    if (file) return this.#startWorker(file, start);
    (log ?? createLogger({})).warn(
      { worker: WORKER_EXPORT },
      'PGlite worker file not found (a bundle deployed without node_modules?): running PGlite on the main thread, where SQL blocks the event loop',
    );
    const connection = new PgliteConnection(
      start.dataDir,
      // Asynchronously, as a worker's message would arrive.
      (reply) => queueMicrotask(() => this.#receive(reply)),
      false,
    );
    return { post: (request) => connection.receive(request), hold: () => {}, terminate: async () => {} };
  }

  #startWorker(file: URL, workerData: WorkerStart): Channel {
    const worker = startWorker(file, workerData);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => this.#receive(reply));
    worker.on('error', (error) => this.#stop(error));
    worker.on('exit', (code) => this.#stop(new Error(`The PGlite worker exited (code ${code}).`)));
    return {
      post: (request) => worker.postMessage(request),
      hold: (held) => (held ? worker.ref() : worker.unref()),
      terminate: async () => {
        await worker.terminate();
      },
    };
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
      const channel = await this.#channel.catch(() => undefined);
      try {
        while (this.#transaction) await this.#transaction;
        if (channel && !this.#stopped) await this.#send({ op: 'close' });
      } finally {
        this.#stop(new Error('PGlite is closed'));
        await channel?.terminate();
        this.#afterClose?.();
      }
    })();
    return this.#closing;
  }

  async #send(op: Op): Promise<object[]> {
    // Every send waits on the same promise, so requests still leave in the order they were made.
    const channel = await this.#channel;
    if (this.#stopped) throw this.#stopped;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, channel });
      if (this.#pending.size === 1) channel.hold(true);
      channel.post({ id, ...op } as WorkerRequest);
    });
  }

  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    if (this.#pending.size === 0) pending?.channel.hold(false);
    return pending;
  }

  #receive(reply: WorkerReply): void {
    switch (reply.type) {
      case 'result':
        this.#settle(reply.id)?.resolve(reply.rows);
        return;
      case 'error':
        this.#settle(reply.id)?.reject(deserializeError(reply.error, () => this.#aborted()));
        return;
      case 'notification':
        for (const listener of this.#listeners.get(reply.channel) ?? []) listener(reply.payload);
        return;
    }
  }

  #aborted(): Error {
    return this.#abortedClass ? new this.#abortedClass() : new Error('Transaction was rolled back');
  }

  /** Fails everything outstanding and everything after. */
  #stop(reason: Error): void {
    this.#stopped ??= reason;
    for (const [id, pending] of this.#pending) {
      this.#pending.delete(id);
      pending.channel.hold(false);
      pending.reject(this.#stopped);
    }
  }
}

/**
 * Starts the worker from its file (pglite-worker-file.ts). From TypeScript source (tests and the
 * benchmark run with `--conditions=source` under tsx) the file is `.ts`: on Node 20 a worker thread
 * does not inherit the main thread's loader hooks, so it registers tsx itself before importing it.
 */
function startWorker(file: URL, workerData: WorkerStart): Worker {
  if (file.pathname.endsWith('.ts')) {
    const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const boot = `import(${tsx}).then((api) => { api.register(); return import(${JSON.stringify(file.href)}); });`;
    return new Worker(boot, { eval: true, workerData });
  }
  const options = { workerData, resourceLimits: WORKER_LIMITS };
  const execArgv = workerExecArgv();
  if (!execArgv) return new Worker(file, options);
  try {
    return new Worker(file, { ...options, execArgv });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    // A V8 or per-process flag beside `--input-type`: V8's flags are process-wide, the worker has them.
    return new Worker(file, { ...options, execArgv: [] });
  }
}

/**
 * The worker's young generation, capped at 6 MB (2 MB semi-spaces): V8 grows it to 16 MB while PGlite
 * starts (its module and file-system bundle make much short-lived garbage) and keeps it resident,
 * though the worker then only passes rows along. About 18 MB less RSS idle (bench/footprint,
 * docs/footprint.md); the price is more, smaller scavenges of a heap that holds only rows in transit.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 6 };

/**
 * The flags for a worker started from a file, or undefined to let it inherit the process's (Node's
 * default, which accepts every flag). Only `--input-type` (a merchant's `node --input-type=module -e …`)
 * must not reach it: a worker started from a file refuses it. A list passed explicitly is checked,
 * though, and V8 or per-process flags in it (`--max-old-space-size`, `--expose-gc`, common on servers)
 * make `new Worker` throw ERR_WORKER_INVALID_EXEC_ARGV, so a list is passed only when there is one to drop.
 */
function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] | undefined {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    if (execArgv[i] === '--input-type')
      i++; // its value is the next argument
    else if (!execArgv[i].startsWith('--input-type=')) kept.push(execArgv[i]);
  }
  return kept.length === execArgv.length ? undefined : kept;
}
