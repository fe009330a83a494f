import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { LOCK_FILE } from './data-dir-lock.js';
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
  const opened = file && (await openFromTemplate(pglite, file, undefined));
  if (opened) return opened;
  const db = openPglite(pglite, undefined);
  await db.waitReady;
  if (file) await saveTemplate(db, file);
  return db;
}

/**
 * Opens PGlite on a data directory: a new one (missing, or holding nothing but the store's lock,
 * taken before this runs) is unpacked from the memory stores' template when one is cached, instead of
 * running initdb (a first start in about 60 % of the time and half the peak memory, docs/footprint.md).
 * An existing directory opens as it is. The template is only ever written from a memory database: one
 * dumped from a data directory would carry that directory's lock file, and unpacking it here would
 * overwrite this directory's lock file with another process's pid (the lock itself, held on the open
 * file, stays: a second opener is still refused, but told the wrong holder).
 */
export async function openDataDirPglite(pglite: PgliteModule, dataDir: string): Promise<PGlite> {
  const file = (await isNewDataDir(dataDir)) ? await templateFile() : undefined;
  const opened = file && (await openFromTemplate(pglite, file, dataDir));
  if (opened) return opened;
  const db = openPglite(pglite, dataDir);
  await db.waitReady;
  return db;
}

/**
 * PGlite opened from the template in `file`, or undefined (no usable template: the caller runs initdb).
 * A damaged or foreign template is dropped, and what its failed unpacking left in `dataDir` removed.
 */
async function openFromTemplate(
  pglite: PgliteModule,
  file: string,
  dataDir: string | undefined,
): Promise<PGlite | undefined> {
  const template = await readTemplate(file);
  if (!template) return undefined;
  let db: PGlite | undefined;
  try {
    db = openPglite(pglite, dataDir, template);
    await db.waitReady;
    return db;
  } catch {
    await db?.close().catch(() => undefined);
    await rm(file, { force: true });
    if (dataDir !== undefined) await emptyDir(dataDir);
    return undefined;
  }
}

/** The store's lock (data-dir-lock.ts) and its pid-file fallback's file. */
function isLockFile(name: string): boolean {
  return name === LOCK_FILE || name === `${LOCK_FILE}.pid`;
}

/** Missing, or holding nothing but the store's lock. */
async function isNewDataDir(dataDir: string): Promise<boolean> {
  try {
    return (await readdir(dataDir)).every(isLockFile);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

async function emptyDir(dataDir: string): Promise<void> {
  for (const name of await readdir(dataDir).catch(() => [])) {
    if (!isLockFile(name)) await rm(join(dataDir, name), { recursive: true, force: true });
  }
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
    // A copy holding a lock file was dumped from a data directory (an earlier version of this file did
    // that): unpacked into a new directory it would overwrite the lock file there.
    if (tarNames(tar).some((name) => isLockFile(name.slice(name.lastIndexOf('/') + 1)))) {
      throw new Error('holds a lock file');
    }
    return new Blob([tar], { type: 'application/x-tar' });
  } catch {
    await rm(file, { force: true }).catch(() => undefined);
    return undefined;
  }
}

/** The entry names of a ustar archive (512-byte headers: name at 0, size in octal at 124, prefix at 345). */
function tarNames(tar: Uint8Array): string[] {
  const names: string[] = [];
  const text = (from: number, length: number) =>
    Buffer.from(tar.subarray(from, from + length))
      .toString('latin1')
      .replace(/\0.*$/s, '');
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
    const prefix = text(at + 345, 155);
    const name = text(at, 100);
    names.push(prefix ? `${prefix}/${name}` : name);
    const size = Number.parseInt(text(at + 124, 12).trim() || '0', 8);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
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
