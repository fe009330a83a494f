import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StoreLockedError } from './store-errors.js';

/**
 * PGlite is PostgreSQL in single-user mode with no lock of its own: two processes opening one data
 * directory both succeed and silently overwrite each other's writes (seen with PGlite 0.5). This lock
 * file makes the second opener fail fast instead. A lock left by a process that died (SIGKILL) is
 * taken over, since its pid no longer runs.
 */
const LOCK_FILE = 'pay-checkout.lock';
const openHere = new Set<string>();

/** Takes the data directory for this process; returns the function that gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  if (openHere.has(dir)) {
    throw new StoreLockedError(
      `The data directory ${dir} is already open in this process; close that store first.`,
    );
  }
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, LOCK_FILE);
  if (!tryCreate(lockPath)) {
    const holder = readHolder(lockPath);
    // Our own pid in the file is a leftover of an earlier life of this process id (a container
    // restarted as pid 1 again): nothing here holds it, or `openHere` would have said so.
    if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
      throw new StoreLockedError(
        `The data directory ${dir} is in use by process ${holder}. Stop it, or give this instance its own ` +
          `directory (several instances need the PostgreSQL store). If no such process is yours, delete ${lockPath}.`,
      );
    }
    removeIfThere(lockPath);
    if (!tryCreate(lockPath)) throw new StoreLockedError(`Another process took ${dir} at the same moment.`);
  }
  openHere.add(dir);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    openHere.delete(dir);
    if (readHolder(lockPath) === process.pid) removeIfThere(lockPath);
  };
}

function removeIfThere(lockPath: string): void {
  try {
    unlinkSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function tryCreate(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 checks existence without signalling
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}
