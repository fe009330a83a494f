import type { PGlite } from '@electric-sql/pglite';
import { importPeer } from './optional-peer.js';

/** PGlite's module, loaded on demand: `@electric-sql/pglite` is an optional peer (optional-peer.ts). */
export type PgliteModule = typeof import('@electric-sql/pglite');

export function loadPglite(): Promise<PgliteModule> {
  return importPeer('@electric-sql/pglite', 'The PGlite store', () => import('@electric-sql/pglite'));
}

/**
 * Opens PGlite on a data directory, or in memory when there is none (then optionally from a dumped
 * data directory, pglite-template.ts).
 */
export function openPglite(pglite: PgliteModule, dataDir: string | undefined, loadDataDir?: Blob): PGlite {
  // Durability (docs/reliability.md 15). In Node the data directory is Emscripten's NODEFS, whose every
  // write is a synchronous `fs.writeSync`: when PostgreSQL reports COMMIT, the WAL record is in the
  // operating system, and a SIGKILL of this process cannot lose it (test/store-pglite.test.ts kills a
  // child right after it acknowledged a write to prove it). `relaxedDurability: false` (PGlite's
  // default, stated on purpose) also makes each query wait for PGlite's own file-system sync, which
  // is what protects the buffered file systems (IndexedDB, OPFS); `true` would answer before it.
  // Not covered: a power cut of the whole machine. PGlite runs PostgreSQL with fsync off and NODEFS
  // has no fsync, so the last commits may sit in the page cache; deployments that need that
  // guarantee use the PostgreSQL store.
  return new pglite.PGlite({
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(loadDataDir === undefined ? {} : { loadDataDir }),
    relaxedDurability: false,
    startParams: [...pglite.PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((s) => ['-c', s])],
  });
}

/**
 * PostgreSQL settings for the embedded store, on top of PGlite's own start parameters (which its
 * `startParams` option replaces, hence the spread of `defaultStartParams`).
 *
 * `shared_buffers`: initdb writes PostgreSQL's default of 128 MB into the data directory's
 * postgresql.conf, and in PGlite that pool lives inside the WASM heap of this process; the heap grows
 * to hold it and the pages it touches stay resident. Measured with bench/footprint (docs/footprint.md):
 * 16 MB takes a kit process from about 380 MB to about 250 MB of RSS idle and shortens the open. The
 * data directory itself is read through the operating system's page cache (Emscripten's NODEFS), so a
 * smaller pool costs a system call per page that falls out of it, not a disk read; a shop's hot rows
 * (open sessions, their idempotency keys) fit in 2048 pages of 8 kB. Passed on the command line, it
 * applies to data directories created before this setting too.
 */
export const PGLITE_SETTINGS: readonly string[] = ['shared_buffers=16MB'];
