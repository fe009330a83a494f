import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pgliteStore } from '../src/store/pglite-store.js';

/**
 * Memory stores start from a cached copy of a freshly initialized data directory
 * (src/store/pglite-template.ts) instead of running initdb on every open. The copy must never carry
 * anybody's data, must be replaced when damaged, and must be ignored where others can write it.
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

  it('a cache directory others can write is neither read nor written', async () => {
    const file = await templateFile();
    assert.ok(file);
    await rm(file);
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
