import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { StoreLockedError } from './store-errors.js';

/**
 * The data-directory lock where `flock(1)` is not installed (macOS development machines): a pid file,
 * created with its content in one step (written aside, then hard-linked into place, which fails if the
 * name exists), so a second opener never reads it empty and mistakes it for stale. Weaker than the
 * flock in `data-dir-lock.ts`: it trusts pids, so it cannot tell two PID namespaces apart. Linux (every
 * server and container) always takes the flock.
 */
export function lockWithPidFile(dir: string, lockPath: string): () => void {
  const pidPath = `${lockPath}.pid`;
  if (!tryCreate(pidPath)) {
    const holder = readHolder(pidPath);
    if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
      throw new StoreLockedError(
        `The data directory ${dir} is in use by process ${holder}. Stop it, or give this instance its own ` +
          `directory (several instances need the PostgreSQL store). If no such process is yours, delete ${pidPath}.`,
      );
    }
    removeIfThere(pidPath);
    if (!tryCreate(pidPath)) throw new StoreLockedError(`Another process took ${dir} at the same moment.`);
  }
  return () => {
    if (readHolder(pidPath) === process.pid) removeIfThere(pidPath);
  };
}

function tryCreate(pidPath: string): boolean {
  const aside = `${pidPath}.${process.pid}.${Date.now()}`;
  writeFileSync(aside, `${process.pid}\n`);
  try {
    linkSync(aside, pidPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    removeIfThere(aside);
  }
}

function removeIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function readHolder(pidPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(pidPath, 'utf8'), 10);
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
