import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite, type PgliteModule } from './pglite-open.js';

/**
 * Where memory stores keep their template: `PAY_CHECKOUT_CACHE_DIR`, else a directory of this user's
 * own under the system's temporary directory.
 */
export function templateCacheDir(): string {
  return (
    process.env.PAY_CHECKOUT_CACHE_DIR ?? join(tmpdir(), `pay-checkout-cache-${process.getuid?.() ?? 'user'}`)
  );
}

/**
 * Opens PGlite in memory from a copy of a freshly initialized data directory when one is cached.
 * Data directories do not use it (pglite-connection.ts): a new one runs initdb, see docs/footprint.md.
 *
 * A new database otherwise runs initdb inside the WASM module: seconds of CPU (4–16 s on this
 * project's 2-core machine, against 1.5–7 s from the template), paid by every memory store (tests,
 * demos, a merchant's own test suite opens hundreds). The template is
 * what initdb leaves, taken before the store's first statement (so it never holds anyone's data),
 * gzipped (about 4.5 MB), one per PGlite version. It is a cache: if it cannot be written, read or
 * opened, the store runs initdb as before and, where it can, replaces the file.
 */
export async function openMemoryPglite(pglite: PgliteModule): Promise<PGlite> {
  const file = await templateFile();
  const template = file ? await readTemplate(file) : undefined;
  if (file && template) {
    let db: PGlite | undefined;
    try {
      db = openPglite(pglite, undefined, template);
      await db.waitReady;
      return db;
    } catch {
      // A damaged or foreign template: drop it and start the way it was made.
      await db?.close().catch(() => undefined);
      await rm(file, { force: true });
    }
  }
  const db = openPglite(pglite, undefined);
  await db.waitReady;
  if (file) await saveTemplate(db, file);
  return db;
}

/** The template's path for the installed PGlite, or undefined when no private cache directory can be had. */
async function templateFile(): Promise<string | undefined> {
  const version = await pgliteVersion();
  if (!version) return undefined;
  const dir = templateCacheDir();
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // Whoever can write the directory chooses the database every memory store starts from: only a
    // directory of this user's, closed to others, is trusted.
    const info = await stat(dir);
    const uid = process.getuid?.();
    if (uid !== undefined && info.uid !== uid) return undefined;
    if ((info.mode & 0o022) !== 0) return undefined;
  } catch {
    return undefined;
  }
  return join(dir, `pglite-${version}-memory.tar.gz`);
}

async function readTemplate(file: string): Promise<Blob | undefined> {
  try {
    const info = await stat(file);
    const uid = process.getuid?.();
    if ((uid !== undefined && info.uid !== uid) || info.size === 0) return undefined;
    // Unpacked and checked here, not by PGlite: its own gunzip rejects a damaged file as an unhandled
    // rejection that would end the worker, where this is only a cache miss.
    const tar = gunzipSync(await readFile(file));
    if (tar.subarray(257, 262).toString('latin1') !== 'ustar') throw new Error('not a tar archive');
    return new Blob([tar], { type: 'application/x-tar' });
  } catch {
    await rm(file, { force: true }).catch(() => undefined);
    return undefined;
  }
}

/** Written beside and renamed into place: two processes making it at once each leave a whole file. */
async function saveTemplate(db: PGlite, file: string): Promise<void> {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  try {
    const dump = await db.dumpDataDir('gzip');
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    await rename(partial, file);
  } catch {
    await rm(partial, { force: true }).catch(() => undefined);
  }
}

/**
 * The installed PGlite's version, read from its package.json beside the module (the package does not
 * export that file). Undefined when the module cannot be located (a bundle): no template then.
 */
async function pgliteVersion(): Promise<string | undefined> {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    for (let depth = 0; depth < 4; depth++) {
      const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
      if (manifest) {
        const { name, version } = JSON.parse(manifest) as { name?: string; version?: string };
        if (name === '@electric-sql/pglite' && typeof version === 'string') return version;
      }
      dir = dirname(dir);
    }
  } catch {
    // Not resolvable from here.
  }
  return undefined;
}
