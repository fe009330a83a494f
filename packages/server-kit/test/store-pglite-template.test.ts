import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { LOCK_FILE } from '../src/store/data-dir-lock.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import { StoreLockedError } from '../src/store/store-errors.js';

/**
 * Memory stores start from a cached copy of a freshly initialized data directory
 * (src/store/pglite-template.ts) instead of running initdb on every open. The copy must never carry
 * anybody's data, must be replaced when damaged, and must be ignored where others can write it. A new
 * data directory is unpacked from the same copy, under the store's lock, and keeps that lock.
 */
describe('PGlite stores from a cached initdb template', () => {
  let cache: string;
  const previous = process.env.PAY_CHECKOUT_CACHE_DIR;

  before(async () => {
    cache = await mkdtemp(join(tmpdir(), 'pay-checkout-template-'));
    // The worker thread copies this process's environment when the store starts it.
    process.env.PAY_CHECKOUT_CACHE_DIR = cache;
  });
  after(async () => {
    if (previous === undefined) delete process.env.PAY_CHECKOUT_CACHE_DIR;
    else process.env.PAY_CHECKOUT_CACHE_DIR = previous;
    await rm(cache, { recursive: true, force: true });
  });

  /** The installed PGlite (its package.json is not among the package's exports). */
  function pglitePackageDir(): string {
    return join(dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))), '..');
  }

  async function templateFile(): Promise<string | undefined> {
    const names = (await readdir(cache)).filter((name) => name.endsWith('-memory.tar.gz'));
    return names.length === 1 ? join(cache, names[0]) : undefined;
  }

  it('a damaged template is replaced before the first statement; the next store starts from it, empty', async () => {
    // A template with PGlite's file name that is not a data directory: the first store drops it,
    // runs initdb and writes the real one before it runs anything.
    const version = (await readFile(join(pglitePackageDir(), 'package.json'), 'utf8')).match(
      /"version": "([^"]+)"/,
    )?.[1];
    const file = join(cache, `pglite-${version}-memory.tar.gz`);
    await writeFile(file, 'not a tar archive', { mode: 0o600 });
    const first = pgliteStore({ memory: true });
    assert.deepEqual(await first.claimIdempotencyKey('key-1', 'hash-1'), { kind: 'claimed' });
    const made = await stat(file);
    assert.ok(made.size > 100_000, 'replaced by a real data directory');
    assert.equal(made.mode & 0o077, 0, 'only this user can read the template');

    const second = pgliteStore({ memory: true });
    // Had the template been taken after the first store's write, the key would be in progress here.
    assert.deepEqual(await second.claimIdempotencyKey('key-1', 'hash-1'), { kind: 'claimed' });
    assert.equal((await stat(file)).ino, made.ino, 'opened from the template, not remade');
    await first.close();
    await second.close();
  });

  /**
   * PostgreSQL's system identifier: the first 8 bytes of `global/pg_control`, drawn by initdb (time and
   * pid) and never changed after, so two directories share it only when one is a copy of the other.
   */
  function systemIdentifier(pgControl: Uint8Array): string {
    return Buffer.from(pgControl.subarray(0, 8)).toString('hex');
  }

  /** One entry of a ustar archive, by name. */
  function tarEntry(tar: Buffer, wanted: string): Buffer | undefined {
    for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
      const name = tar
        .subarray(at, at + 100)
        .toString('latin1')
        .replace(/\0.*$/s, '');
      const size =
        Number.parseInt(
          tar
            .subarray(at + 124, at + 136)
            .toString('latin1')
            .trim(),
          8,
        ) || 0;
      if (name === wanted) return tar.subarray(at + 512, at + 512 + size);
      at += 512 + Math.ceil(size / 512) * 512;
    }
    return undefined;
  }

  it('a new data directory is unpacked from the template, under its lock, and keeps its data', async () => {
    const file = await templateFile();
    assert.ok(file, 'the first test left a template');
    const control = tarEntry(gunzipSync(await readFile(file)), '/global/pg_control');
    assert.ok(control, 'the template holds pg_control');
    const dataDir = join(cache, 'data');

    const store = pgliteStore({ dataDir });
    assert.deepEqual(await store.claimIdempotencyKey('key-dir', 'hash-dir'), { kind: 'claimed' });
    assert.equal(
      systemIdentifier(await readFile(join(dataDir, 'global', 'pg_control'))),
      systemIdentifier(control),
      'a copy of the template, not a new initdb',
    );
    // The lock file is the store's own, with this process's pid, and it still refuses a second opener.
    assert.equal(await readFile(join(dataDir, LOCK_FILE), 'utf8'), `${process.pid}\n`);
    assert.throws(() => pgliteStore({ dataDir }), StoreLockedError);
    await store.close();

    const reopened = pgliteStore({ dataDir });
    const again = await reopened.claimIdempotencyKey('key-dir', 'hash-dir');
    assert.notEqual(again.kind, 'claimed', 'the key written before the close is there after it');
    await reopened.close();
  });

  it('a template holding a lock file (dumped from a data directory) is dropped, never unpacked', async () => {
    const file = await templateFile();
    assert.ok(file);
    // What an earlier version of the kit saved from a data directory: its lock file, with its pid.
    const source = join(cache, 'from-a-data-dir');
    await mkdir(join(source, 'global'), { recursive: true });
    await writeFile(join(source, 'PG_VERSION'), '17\n');
    await writeFile(join(source, LOCK_FILE), '12081\n');
    execFileSync('tar', ['--format=ustar', '-czf', file, '-C', source, 'PG_VERSION', LOCK_FILE]);
    const dataDir = join(cache, 'data-2');
    const store = pgliteStore({ dataDir });
    assert.deepEqual(await store.claimIdempotencyKey('key-4', 'hash-4'), { kind: 'claimed' });
    assert.equal(await readFile(join(dataDir, LOCK_FILE), 'utf8'), `${process.pid}\n`);
    await store.close();
    await assert.rejects(stat(file), { code: 'ENOENT' }, 'the copy was removed, not used');
  });

  it('a cache directory others can write is neither read nor written', async () => {
    const file = await templateFile();
    if (file) await rm(file); // (the test before removed it already)
    await chmod(cache, 0o777);
    try {
      const store = pgliteStore({ memory: true });
      assert.deepEqual(await store.claimIdempotencyKey('key-3', 'hash-3'), { kind: 'claimed' });
      await store.close();
      assert.equal(await templateFile(), undefined);
    } finally {
      await chmod(cache, 0o700);
    }
  });
});
