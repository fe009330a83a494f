import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type RunningSandbox, startSandbox } from '@pay-checkout/sandbox';
import { unusedPort } from './helpers/unused-port.js';

// docs/server-kit.md shows these files; this suite runs them as a merchant would (their
// own process, the sandbox over HTTP, the default PGlite store on disk) so the README cannot drift
// from code that works.
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const README = fileURLToPath(new URL('../../../docs/server-kit.md', import.meta.url));
const EXAMPLES = ['express.ts', 'fetch-style.ts', 'node-http.ts'];
const exampleFile = (name: string) => path.join(PACKAGE_DIR, 'examples', name);

interface RunningExample {
  child: ChildProcess;
  output(): string;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  dataDir: string;
}

async function runExample(name: string, sandbox: RunningSandbox, port = 0): Promise<RunningExample> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pay-checkout-example-'));
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', exampleFile(name)], {
    cwd: PACKAGE_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      CONNECTPAY_BASE_URL: sandbox.connectPayUrl,
      PAY_CHECKOUT_DATA: dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  return { child, output: () => out, exited, dataDir };
}

/** Waits for the example's "shop on <url>" line; the URL is the origin the example allows. */
async function listeningOrigin(example: RunningExample): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = /shop on (http:\/\/localhost:\d+)/.exec(example.output());
      if (match) {
        example.child.stdout?.off('data', check);
        resolve(match[1]);
      }
    };
    example.child.stdout?.on('data', check);
    check();
    void example.exited.then(({ code }) => reject(new Error(`example exited before listening (${code})`)));
  });
}

async function stop(example: RunningExample | undefined): Promise<void> {
  if (!example) return;
  if (example.child.exitCode === null && example.child.signalCode === null) example.child.kill('SIGKILL');
  await example.exited;
  await rm(example.dataDir, { recursive: true, force: true });
}

/**
 * Requests go to 127.0.0.1 (never a name that could resolve elsewhere), from the example's origin. Each
 * gives up after a generous 20 s, so a request that hangs (a body parser that ate the bytes the kit waits
 * for) fails its own test with a clear error instead of the whole suite timing out.
 */
function client(origin: string) {
  const base = origin.replace('localhost', '127.0.0.1');
  return {
    get: (route: string) => fetch(`${base}${route}`, { signal: AbortSignal.timeout(20_000) }),
    postJson: (route: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      }),
  };
}

function assertOnSandbox(redirectUrl: unknown, sandbox: RunningSandbox): void {
  assert.equal(typeof redirectUrl, 'string');
  const url = new URL(redirectUrl as string);
  const stage = new URL(sandbox.connectPayUrl);
  assert.equal(url.origin, stage.origin);
  assert.ok(url.pathname.startsWith(`${stage.pathname}/`), `${url.pathname} is under ${stage.pathname}`);
}

async function openSession(origin: string, order: string): Promise<Response> {
  return client(origin).postJson(
    '/checkout/sessions',
    { order, method: 'card' },
    { origin, 'idempotency-key': `example-${order}-${Date.now()}` },
  );
}

describe('server-kit examples (the docs/server-kit.md code, run)', { timeout: 120_000 }, () => {
  let sandbox: RunningSandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, log: () => undefined });
  });
  after(async () => {
    await sandbox?.close();
  });

  describe('examples/express.ts', () => {
    let example: RunningExample | undefined;
    let origin: string;
    before(async () => {
      example = await runExample('express.ts', sandbox);
      origin = await listeningOrigin(example);
    });
    after(() => stop(example));

    it('serves the kit under /checkout: GET options has the amount of order-1 from the order book', async () => {
      const response = await client(origin).get('/checkout/options?order=order-1&country=DE');
      assert.equal(response.status, 200);
      const body = await response.json();
      assert.deepEqual(body.amount, { value: 1999, currency: 'EUR' });
    });

    it('opens a payment at the sandbox: POST sessions from the shop origin → 201 with a redirectUrl', async () => {
      const response = await openSession(origin, 'order-1');
      assert.equal(response.status, 201);
      assertOnSandbox((await response.json()).redirectUrl, sandbox);
    });

    it('runs the shop JSON route after express.json(): the server prices the cart, not the body', async () => {
      const created = await client(origin).postJson('/api/orders', {
        items: [
          { sku: 'tee', quantity: 2 },
          { sku: 'mug', quantity: 1 },
        ],
        amount: 1,
      });
      assert.equal(created.status, 201);
      const { orderId } = await created.json();
      assert.match(orderId, /^order-[\w-]+$/);
      const options = await client(origin).get(`/checkout/options?order=${orderId}&country=DE`);
      assert.equal(options.status, 200);
      assert.deepEqual((await options.json()).amount, { value: 2 * 1999 + 1250, currency: 'EUR' });

      const rejected = await client(origin).postJson('/api/orders', { items: [{ sku: 'hat', quantity: 1 }] });
      assert.equal(rejected.status, 400);
      assert.equal((await rejected.json()).error.code, 'invalid_request');
    });

    it('hands notifications to the kit unparsed: a JSON hint about an unknown payment → 200 {received: true}', async () => {
      // Had express.json() run first, the kit would read an empty body and answer 400.
      const response = await client(origin).postJson('/checkout/notifications/connectpay', {
        payment: { paymentId: 'pay-not-ours' },
      });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { received: true });
    });

    it('closes the server and the kit on SIGTERM and exits 0', async () => {
      assert.ok(example);
      example.child.kill('SIGTERM');
      assert.deepEqual(await example.exited, { code: 0, signal: null });
    });
  });

  describe('examples/node-http.ts', () => {
    let example: RunningExample | undefined;
    let origin: string;
    before(async () => {
      // node-http.ts builds its origin from PORT before listening, so it needs a real free port up front.
      example = await runExample('node-http.ts', sandbox, await unusedPort());
      origin = await listeningOrigin(example);
    });
    after(() => stop(example));

    it('serves GET options with the amount of order-1', async () => {
      const response = await client(origin).get('/checkout/options?order=order-1&country=DE');
      assert.equal(response.status, 200);
      assert.deepEqual((await response.json()).amount, { value: 1999, currency: 'EUR' });
    });

    it('opens a payment at the sandbox: 201 with a redirectUrl', async () => {
      const response = await openSession(origin, 'order-1');
      assert.equal(response.status, 201);
      assertOnSandbox((await response.json()).redirectUrl, sandbox);
    });

    it('exits 0 on SIGTERM', async () => {
      assert.ok(example);
      example.child.kill('SIGTERM');
      assert.deepEqual(await example.exited, { code: 0, signal: null });
    });
  });

  describe('examples/fetch-style.ts', () => {
    let example: RunningExample | undefined;
    after(() => stop(example));

    it('runs to the end with standard Request/Response: amount, a redirect URL, the session status; exit 0', async () => {
      example = await runExample('fetch-style.ts', sandbox);
      assert.deepEqual(await example.exited, { code: 0, signal: null });
      const out = example.output();
      const options = /^options (\d+) (.+)$/m.exec(out);
      assert.ok(options, out);
      assert.equal(options[1], '200');
      assert.deepEqual(JSON.parse(options[2]), { value: 1999, currency: 'EUR' });
      const session = /^session (\d+) (\S+)$/m.exec(out);
      assert.ok(session, out);
      assert.equal(session[1], '201');
      assertOnSandbox(session[2], sandbox);
      // The sandbox has initiated the payment; nobody has paid it.
      assert.match(out, /^status 200 pending$/m);
    });
  });

  describe('docs/server-kit.md', () => {
    it('shows each example exactly as its `#region readme`', async () => {
      const readme = await readFile(README, 'utf8');
      const shown = new Map<string, string>();
      for (const match of readme.matchAll(
        /<!-- example: packages\/server-kit\/examples\/([\w.-]+) -->\n```ts\n([\s\S]*?)```\n/g,
      )) {
        shown.set(match[1], match[2]);
      }
      assert.deepEqual([...shown.keys()].sort(), EXAMPLES);
      for (const name of EXAMPLES) {
        const source = await readFile(exampleFile(name), 'utf8');
        const region = /^\/\/ #region readme\n([\s\S]*?)^\/\/ #endregion readme$/m.exec(source);
        assert.ok(region, `${name} has a // #region readme … // #endregion readme`);
        assert.equal(
          shown.get(name),
          region[1],
          `the docs/server-kit.md block for ${name} equals its region`,
        );
      }
    });
  });
});
