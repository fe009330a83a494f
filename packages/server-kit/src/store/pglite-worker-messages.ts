/**
 * What the store's thread and its PGlite worker (pglite-worker.ts) say to each other. Statements are
 * answered in the order they were sent: the worker runs one at a time, like the one connection it is.
 */
export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: readonly unknown[] }
  | { id: number; op: 'begin' | 'commit' | 'rollback' | 'close' }
  | { id: number; op: 'listen' | 'unlisten'; channel: string };

export type WorkerReply =
  | { type: 'result'; id: number; rows: object[] }
  | { type: 'error'; id: number; error: SerializedError }
  | { type: 'notification'; channel: string; payload: string };

/** How the worker is started (`workerData`). */
export interface WorkerStart {
  dataDir?: string;
}

/**
 * An error as it crosses the thread boundary. Structured cloning keeps only `name`, `message` and
 * `stack`, but callers look at PostgreSQL's fields (`code` above all: 23505 is a unique violation).
 */
export interface SerializedError {
  /** A COMMIT that rolled back (PGlite's TransactionAbortedError), rebuilt as that class. */
  aborted?: boolean;
  name: string;
  message: string;
  fields: Record<string, string | number | undefined>;
}

/** PostgreSQL's error fields as PGlite's DatabaseError carries them (those of node-postgres too). */
const DATABASE_ERROR_FIELDS = [
  'code',
  'severity',
  'detail',
  'hint',
  'position',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
] as const;

/**
 * `abortedClass` is PGlite's TransactionAbortedError from the module the connection loaded (PGlite is an
 * optional peer, imported only when a store opens; its minified class has no telling name).
 */
export function serializeError(error: unknown, abortedClass?: new () => Error): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: SerializedError['fields'] = {};
  for (const field of DATABASE_ERROR_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') fields[field] = value;
  }
  const aborted = abortedClass !== undefined && error instanceof abortedClass;
  return { ...(aborted ? { aborted } : {}), name: error.name, message: error.message, fields };
}

/**
 * The error again, on this side: same name, message and PostgreSQL fields, with this side's stack.
 * `aborted` builds PGlite's TransactionAbortedError (from the module the thread client loaded).
 */
export function deserializeError(serialized: SerializedError, aborted: () => Error): Error {
  if (serialized.aborted) return aborted();
  const error = new Error(serialized.message);
  error.name = serialized.name;
  return Object.assign(error, serialized.fields);
}
