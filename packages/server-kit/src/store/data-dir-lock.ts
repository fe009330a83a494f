import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockWithPidFile } from './data-dir-pid-lock.js';
import { StoreLockedError } from './store-errors.js';

/**
 * PGlite is PostgreSQL in single-user mode with no lock of its own: two processes opening one data
 * directory both succeed and silently overwrite each other's writes (seen with PGlite 0.5). So the
 * store takes an exclusive `flock(2)` on `pay-checkout.lock` in the directory before opening it.
 *
 * The kernel owns that lock, not a pid: it holds across PID namespaces (two containers sharing a volume
 * both see pid 1), it is taken atomically (two openers in the same millisecond: one wins), and it dies
 * with the process however the process ends (SIGKILL included), so there is never a stale lock to judge.
 * Node has no flock binding; `flock(1)` (util-linux, on every Linux) takes it on a descriptor we hand
 * it: the lock belongs to the open file description, which our descriptor keeps after `flock` exits.
 * Where `flock(1)` is missing (macOS), a pid file is the fallback (`data-dir-pid-lock.ts`).
 */
export const LOCK_FILE = 'pay-checkout.lock';
const openHere = new Set<string>();
/** `flock -E`: the exit code that means "someone else holds it", apart from flock's own failures. */
const HELD_ELSEWHERE = 75;

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
  const fd = openSync(lockPath, 'a+');
  let unlock: () => void;
  try {
    unlock = flockExclusive(fd, dir, lockPath) ?? lockWithPidFile(dir, lockPath);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  openHere.add(dir);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    openHere.delete(dir);
    unlock();
    closeSync(fd); // closing our (now only) descriptor of the file description frees the flock
  };
}

/**
 * Locks `fd` with `flock(1)`; undefined when `flock(1)` is not installed. The file is never deleted:
 * an opener could be holding the old inode's lock while another creates a new file beside it.
 */
function flockExclusive(fd: number, dir: string, lockPath: string): (() => void) | undefined {
  const result = spawnSync(
    'flock',
    ['--exclusive', '--nonblock', '--conflict-exit-code', `${HELD_ELSEWHERE}`, '3'],
    {
      stdio: ['ignore', 'ignore', 'pipe', fd],
    },
  );
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
  if (result.status === HELD_ELSEWHERE) {
    const holder = readFileSync(lockPath, 'utf8').trim();
    throw new StoreLockedError(
      `The data directory ${dir} is in use by another process${holder ? ` (pid ${holder} in its own PID namespace)` : ''}. ` +
        'Stop it, or give this instance its own directory (several instances need the PostgreSQL store).',
    );
  }
  if (result.status !== 0) {
    throw new StoreLockedError(
      `Could not lock ${lockPath}: flock exited ${result.status ?? result.signal}: ${result.stderr?.toString().trim() ?? result.error?.message}`,
    );
  }
  // Ours now: the pid is only for people reading the file (`a+` appends, so truncate first).
  ftruncateSync(fd, 0);
  writeSync(fd, `${process.pid}\n`);
  return () => ftruncateSync(fd, 0);
}
