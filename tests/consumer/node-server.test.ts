// A merchant's Node server (project/server.ts) from the installed tarballs, run three ways: transpiled
// only (plain Node, packages from node_modules), bundled by esbuild, and that bundle deployed without
// node_modules (only PGlite beside it). Each opens a session against the sandbox's ConnectPay stage.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { esbuild, projectDir, resultOf, runNode } from './consumer-project.js';

const OPENED = { created: 201, redirectsToSandbox: true, status: 'pending', final: false };
const WORKER_MISSING = /PGlite worker file not found/;

describe('a Node server using the installed packages', () => {
  const scratch: string[] = [];
  const tempDir = async (prefix: string) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    scratch.push(dir);
    return dir;
  };
  before(() => {
    // pg and PGlite stay outside a bundle: PGlite loads its WASM and data files from its own folder,
    // and pg is an optional peer this project does not install (docs/server-kit.md, "Bundling").
    const external = ['--external:@electric-sql/pglite', '--external:pg'];
    // An ES module bundle of CommonJS packages (pino) needs a `require` for Node's built-ins: esbuild's
    // documented banner.
    const banner =
      "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";
    esbuild([
      'server.ts',
      'missing-pg.ts',
      '--format=esm',
      '--platform=node',
      '--outdir=out/plain',
      '--out-extension:.js=.mjs',
    ]);
    esbuild([
      'server.ts',
      '--bundle',
      '--format=esm',
      '--platform=node',
      '--outfile=out/bundle/server.mjs',
      ...external,
      banner,
    ]);
  });
  after(async () => {
    for (const dir of scratch) await rm(dir, { recursive: true, force: true });
  });

  it('plain Node: opens a session; the default store is created on the first request, not by createCheckout', async () => {
    const cwd = await tempDir('pay-checkout-plain-');
    const run = await runNode([path.join(projectDir(), 'out/plain/server.mjs')], { cwd });
    const result = resultOf(run);
    assert.deepEqual(result, { dataDirAfterCreate: false, dataDirAfterRequest: true, ...OPENED });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /opening the default store \(PGlite\) on first use/);
    assert.ok(run.stdout.includes(path.join(cwd, '.pay-checkout')), 'the log line names the data directory');
    assert.doesNotMatch(run.stdout + run.stderr, WORKER_MISSING);
  });

  it('esbuild bundle: opens a session with the data directory in PAY_CHECKOUT_DATA; the worker comes from the installed package', async () => {
    const bundle = await readFile(path.join(projectDir(), 'out/bundle/server.mjs'), 'utf8');
    assert.ok(!bundle.includes('pglite-worker.ts'), 'the bundle names no TypeScript worker file');
    const dataDir = path.join(await tempDir('pay-checkout-data-'), 'store');
    const run = await runNode([path.join(projectDir(), 'out/bundle/server.mjs')], {
      cwd: await tempDir('pay-checkout-bundle-'),
      env: { PAY_CHECKOUT_DATA: dataDir },
    });
    assert.deepEqual(resultOf(run), { dataDirAfterCreate: false, dataDirAfterRequest: true, ...OPENED });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(path.join(dataDir, 'PG_VERSION')), 'PGlite wrote its database there');
    assert.doesNotMatch(run.stdout + run.stderr, WORKER_MISSING);
  });

  it('esbuild bundle without node_modules (PGlite only): runs PGlite in-thread and says so', async () => {
    const deployed = await tempDir('pay-checkout-deployed-');
    await copyFile(path.join(projectDir(), 'out/bundle/server.mjs'), path.join(deployed, 'server.mjs'));
    await mkdir(path.join(deployed, 'node_modules/@electric-sql'), { recursive: true });
    await symlink(
      path.join(projectDir(), 'node_modules/@electric-sql/pglite'),
      path.join(deployed, 'node_modules/@electric-sql/pglite'),
    );
    const run = await runNode([path.join(deployed, 'server.mjs')], {
      cwd: deployed,
      env: { STORE: 'memory' },
    });
    assert.deepEqual(resultOf(run), { dataDirAfterCreate: false, dataDirAfterRequest: false, ...OPENED });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, WORKER_MISSING);
  });

  it('names the missing optional peer when the PostgreSQL store opens without pg', async () => {
    const run = await runNode([path.join(projectDir(), 'out/plain/missing-pg.mjs')]);
    const result = resultOf(run);
    assert.equal(result.missing, true, String(result.message));
    assert.match(String(result.message), /needs the package pg, which is not installed.*npm install pg/);
  });
});
