import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, type StdioOptions, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lockWithPidFile } from '../src/store/data-dir-pid-lock.js';
import { StoreLockedError } from '../src/store/store-errors.js';

/**
 * The data-directory lock between processes that cannot see each other's pids: each opener runs in a
 * PID namespace of its own (`unshare --pid`, as two containers on one volume), where both are pid 1.
 */
const lockModule = fileURLToPath(new URL('../src/store/data-dir-lock.ts', import.meta.url));
const storeModule = fileURLToPath(new URL('../src/store/pglite-store.ts', import.meta.url));

const namespaces = spawnSync('unshare', ['--pid', '--fork', 'true']).status === 0;
const skip = namespaces ? false : 'needs `unshare --pid` (util-linux, run as root or with CAP_SYS_ADMIN)';

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'pay-checkout-lock-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * Runs an ES module script (TypeScript imports allowed) as pid 1 of a new PID namespace. SIGKILL to
 * the returned `unshare` takes the script along (`--kill-child`), as a container's stop would.
 */
function inPidNamespace(script: string, stdio: StdioOptions) {
  const node = [process.execPath, '--import', 'tsx', '--input-type=module', '--eval', script];
  return spawn('unshare', ['--pid', '--fork', '--kill-child', ...node], { stdio });
}

/**
 * A process in its own PID namespace that, per stdin line, locks (`lock <dir>`) and answers `ok <pid>`
 * or `refused <ErrorName>: <message>`, or gives back what it holds (`unlock`, answered `unlocked`).
 */
class Opener {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;

  constructor() {
    const script = `
      import { createInterface } from 'node:readline';
      import { lockDataDir } from ${JSON.stringify(lockModule)};
      let release;
      for await (const line of createInterface({ input: process.stdin })) {
        const [command, dir] = line.split(' ');
        if (command === 'lock') {
          try {
            release = lockDataDir(dir);
            console.log('ok ' + process.pid);
          } catch (error) {
            console.log('refused ' + error.name + ': ' + error.message);
          }
        } else {
          release?.();
          release = undefined;
          console.log('unlocked');
        }
      }
    `;
    this.child = inPidNamespace(script, ['pipe', 'pipe', 'pipe']) as ChildProcessWithoutNullStreams;
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }

  async ask(line: string): Promise<string> {
    this.child.stdin.write(`${line}\n`);
    const answer = await this.lines.next();
    assert.ok(!answer.done, 'the opener exited');
    return answer.value;
  }

  close(): void {
    this.child.kill('SIGKILL');
  }
}

describe('data directory lock across PID namespaces', { skip }, () => {
  it('lets exactly one of two openers in the same millisecond take a directory, 40 times', async () => {
    const a = new Opener();
    const b = new Opener();
    try {
      for (let round = 0; round < 40; round += 1) {
        const dir = join(root, `round-${round}`);
        const answers = await Promise.all([a.ask(`lock ${dir}`), b.ask(`lock ${dir}`)]);
        const winners = answers.filter((answer) => answer.startsWith('ok '));
        assert.equal(winners.length, 1, `round ${round}: ${answers.join(' | ')}`);
        // both are pid 1 in their namespaces: a pid-based lock could not tell them apart
        assert.equal(winners[0], 'ok 1');
        const refusal = answers.find((answer) => answer.startsWith('refused '));
        assert.match(
          refusal ?? '',
          /^refused StoreLockedError: The data directory .* is in use by another process/,
        );
        await Promise.all([a.ask('unlock'), b.ask('unlock')]);
      }
    } finally {
      a.close();
      b.close();
    }
  });

  it('refuses a second server on a directory a running store holds, and frees it when that one dies', async () => {
    const dir = join(root, 'store');
    const script = `
      import { pgliteStore } from ${JSON.stringify(storeModule)};
      const store = pgliteStore({ dataDir: ${JSON.stringify(dir)} });
      await store.getSession('cs_none');
      console.log('serving');
      setInterval(() => {}, 1000);
    `;
    const server = inPidNamespace(script, ['ignore', 'pipe', 'inherit']);
    const second = new Opener();
    try {
      for await (const line of createInterface({ input: server.stdout! })) if (line === 'serving') break;
      assert.match(
        await second.ask(`lock ${dir}`),
        /^refused StoreLockedError: .* in use by another process \(pid 1 /,
      );
      // SIGKILL reaches unshare; `--kill-child` takes its namespace's init (the store) along, and the kernel
      // drops that process's flock
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
      let answer = await second.ask(`lock ${dir}`);
      for (let tries = 0; answer.startsWith('refused') && tries < 50; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await second.ask(`lock ${dir}`);
      }
      assert.equal(answer, 'ok 1');
    } finally {
      server.kill('SIGKILL');
      second.close();
    }
  });
});

describe('pid-file fallback (no flock(1) on the machine)', () => {
  it('writes the pid in the same step as it creates the file, refuses a live holder, takes a dead one over', async () => {
    const lockPath = join(root, 'fallback.lock');
    const release = lockWithPidFile(root, lockPath);
    assert.equal(await readFile(`${lockPath}.pid`, 'utf8'), `${process.pid}\n`);
    release();
    await assert.rejects(readFile(`${lockPath}.pid`), { code: 'ENOENT' });

    // a live process that is not us (our parent) holds it
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${lockPath}.pid`, `${process.ppid}\n`);
    assert.throws(() => lockWithPidFile(root, lockPath), StoreLockedError);
    // a pid no process has (above pid_max) is a dead holder
    await writeFile(`${lockPath}.pid`, '4194305\n');
    lockWithPidFile(root, lockPath)();
  });
});
