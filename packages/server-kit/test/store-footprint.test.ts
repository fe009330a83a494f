import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unusedPort } from './helpers/unused-port.js';

// What keeps a kit process small (docs/footprint.md, measured by bench/footprint/run.ts); the buffer
// pool of the embedded store is tested in store-pglite.test.ts, on a client it opens anyway.

const tempDirs: string[] = [];
after(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('a kit on PostgreSQL', () => {
  it('loads nothing of PGlite: neither its package nor the worker, through its first request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pay-checkout-graph-'));
    tempDirs.push(dir);
    const index = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    // A resolve hook reports every module URL the process loads. Nothing listens on the PostgreSQL
    // port: the store fails to connect, which still loads `pg` and runs every step of the first request.
    const hook = `
      let port;
      export function initialize(data) { port = data.port; }
      export async function resolve(specifier, context, next) {
        const resolved = await next(specifier, context);
        port.postMessage(resolved.url);
        return resolved;
      }`;
    const script = `
      import { register } from 'node:module';
      import { MessageChannel } from 'node:worker_threads';
      const { port1, port2 } = new MessageChannel();
      const loaded = [];
      let sentinel;
      const seen = new Promise((resolve) => { sentinel = resolve; });
      port1.on('message', (url) => { loaded.push(url); if (url.includes('sentinel')) sentinel(); });
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}), {
        data: { port: port2 }, transferList: [port2],
      });
      const kit = await import(${JSON.stringify(index)});
      const store = kit.postgresStore('postgres://postgres@127.0.0.1:${await unusedPort()}/nowhere');
      const checkout = kit.createCheckout({
        providers: [kit.paytech({ baseUrl: 'http://127.0.0.1:9/paytech', apiKey: 'k', signingKey: 's' })],
        resolveOrder: async () => undefined,
        store,
        publicUrl: 'https://shop.test/checkout',
        allowedOrigins: ['https://shop.test'],
        logLevel: 'silent',
      });
      const health = await checkout.fetch(new Request('https://shop.test/checkout/health'));
      await checkout.close();
      await store.close();
      await import('data:text/javascript,export default "sentinel"');
      await seen;
      port1.close();
      process.stdout.write(JSON.stringify({ status: health.status, loaded }));
    `;
    const file = join(dir, 'graph.mjs');
    await writeFile(file, script);
    const out = await runToExit(['--conditions=source', '--import', 'tsx', file]);
    const { status, loaded } = JSON.parse(out) as { status: number; loaded: string[] };
    assert.equal(status, 503, 'the first request is answered (the store is down)');
    assert.ok(
      loaded.some((url) => url.includes('/node_modules/pg/')),
      'the hook saw the modules (pg is loaded)',
    );
    assert.deepEqual(
      loaded.filter((url) => url.includes('@electric-sql/pglite') || /pglite-worker\.[jt]s$/.test(url)),
      [],
    );
  });
});

describe('the PGlite worker and the flags a server runs node with', () => {
  it('starts under V8 flags (--max-old-space-size, --expose-gc), also beside --input-type', async () => {
    const bundle = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` first (npm test does)`);
    const dir = await mkdtemp(join(tmpdir(), 'pay-checkout-flags-'));
    tempDirs.push(dir);
    const script = `
      import { pgliteStore } from ${JSON.stringify(bundle)};
      const store = pgliteStore({ memory: true });
      await store.migrate();
      process.stdout.write((await store.getSession('cs_nowhere')) === undefined ? 'answered' : 'wrong');
      await store.close();
    `;
    const file = join(dir, 'flags.mjs');
    await writeFile(file, script);
    // Plain node, as in production: no loader from the test runner (NODE_OPTIONS) may help.
    const { NODE_OPTIONS: _, ...env } = process.env;
    const flags = ['--max-old-space-size=512', '--expose-gc'];
    const [fromFile, fromEval] = await Promise.all([
      runToExit([...flags, file], env),
      runToExit([...flags, '--input-type=module', '--eval', script], env),
    ]);
    assert.equal(fromFile, 'answered');
    assert.equal(fromEval, 'answered');
  });
});

async function runToExit(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, out);
  return out;
}
