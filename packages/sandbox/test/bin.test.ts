import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { STAGE_KINDS } from '../src/providers/stages.js';

/**
 * `npx pay-sandbox` runs `bin/pay-sandbox.js` with plain node (no tsx preloaded). Each case runs the bin
 * from a package folder of its own, laid out as the real one but without the part under test: a fresh
 * clone has `src` and no `dist`; a published package has `dist` and (for this test) no `src`. So the
 * developer's own `dist`, built or not, never decides the outcome.
 */
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT_NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));

async function packageLayout(root: string, parts: { src: boolean }): Promise<string> {
  const dir = path.join(root, parts.src ? 'clone' : 'published');
  await mkdir(path.join(dir, 'bin'), { recursive: true });
  await copyFile(path.join(PACKAGE_DIR, 'bin/pay-sandbox.js'), path.join(dir, 'bin/pay-sandbox.js'));
  await copyFile(path.join(PACKAGE_DIR, 'package.json'), path.join(dir, 'package.json'));
  // tsx and zod, as npm's workspace install provides them above the package.
  await symlink(ROOT_NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
  if (parts.src) await symlink(path.join(PACKAGE_DIR, 'src'), path.join(dir, 'src'), 'dir');
  return dir;
}

/** Runs the bin; resolves with the printed lines once the listing line is out. */
function runBin(dir: string) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [path.join(dir, 'bin/pay-sandbox.js'), '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const ready = new Promise<string[]>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (/every stage is listed at .*\n/.test(stdout)) resolve(stdout.trim().split('\n'));
    });
    child.once('exit', (code) => reject(new Error(`pay-sandbox exited with ${code}: ${stderr}`)));
  });
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  return { child, ready, exited };
}

async function servesConnectPay(lines: string[]): Promise<void> {
  const match = /^pay-sandbox: every stage is listed at (http:\/\/127\.0\.0\.1:\d+)\/$/.exec(
    lines.at(-1) ?? '',
  );
  assert.ok(match, lines.join('\n'));
  const response = await fetch(`${match[1]}/`);
  assert.equal(response.status, 200);
  const listing = (await response.json()) as { stages: { kind: string; url: string }[] };
  assert.deepEqual(
    listing.stages.map((stage) => stage.kind),
    [...STAGE_KINDS],
  );
  const connectPay = listing.stages.find((stage) => stage.kind === 'connectpay');
  assert.ok(lines.includes(`pay-sandbox: ConnectPay stage on ${connectPay?.url}`), lines.join('\n'));
}

describe('bin/pay-sandbox.js', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'pay-sandbox-bin-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('runs from source in a fresh clone, without dist (npm ci, no build)', async () => {
    const dir = await packageLayout(root, { src: true });
    const run = runBin(dir);
    await servesConnectPay(await run.ready);
    run.child.kill('SIGTERM');
    const [code] = await run.exited;
    assert.equal(code, 0);
  });

  it('runs the built dist/cli.js when it exists, as the published package does', async () => {
    const dir = await packageLayout(root, { src: false });
    // The package's `build` script, into this layout.
    await build({
      entryPoints: [path.join(PACKAGE_DIR, 'src/index.ts'), path.join(PACKAGE_DIR, 'src/cli.ts')],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outdir: path.join(dir, 'dist'),
      logLevel: 'silent',
    });
    const run = runBin(dir);
    await servesConnectPay(await run.ready);
    run.child.kill('SIGTERM');
    const [code] = await run.exited;
    assert.equal(code, 0);
  });
});
