import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, ErrorBody } from '@pay-checkout/contract';
import { type RunningSandbox, SANDBOX_CLIENT, startSandbox } from '@pay-checkout/sandbox';
import pg from 'pg';
import { ProviderTimeoutError } from '../src/errors.js';
import { connectpay } from '../src/providers/connectpay/index.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import { postgresStore } from '../src/store/postgres-store.js';
import type { CheckoutStore } from '../src/store/store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';
import { type PgCluster, pgClusterUnavailable, startPgCluster } from './helpers/pg-cluster.js';
import { waitFor } from './helpers/wait-for.js';

/**
 * docs/reliability.md 22: per-client budgets on `POST sessions` and notifications (429 with
 * Retry-After), a read deadline for request bodies (408), and unsigned notification hints that cost one
 * provider re-fetch per payment per interval however many arrive, each stored capped.
 */
async function refused(response: Response, status: number, code: string): Promise<void> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  assert.equal(ErrorBody.parse(JSON.parse(text)).error.code, code);
}

describe('reliability: per-client rate limits and read deadlines', () => {
  const store = pgliteStore({ memory: true });
  const provider = new FakeProvider();
  const book = orderBook({ 'order-1': TEE_ORDER });
  let kit: KitServer;

  before(async () => {
    kit = await startKit({
      providers: [provider],
      resolveOrder: book.resolveOrder,
      store,
      // Loopback is exempt by default (a proxy on the same host): here it stands for shoppers' addresses.
      rateLimit: {
        sessions: { limit: 3, windowMs: 60_000 },
        notifications: { limit: 3, windowMs: 60_000 },
        exemptLoopback: false,
      },
      bodyTimeoutMs: 300,
    });
  });
  after(async () => {
    await kit.close();
    await store.close();
  });

  it('POST sessions past the budget: 429 rate_limited with Retry-After, nothing stored or forwarded', async () => {
    for (let i = 0; i < 3; i++) {
      assert.equal((await kit.createSession({ order: book.fresh(), method: 'card' })).status, 201);
    }
    const order = book.fresh();
    const initiations = provider.calls.initiate;
    const response = await kit.createSession({ order, method: 'card' });
    const retryAfter = Number(response.headers.get('retry-after'));
    await refused(response, 429, 'rate_limited');
    assert.ok(retryAfter >= 1 && retryAfter <= 20, `Retry-After ${retryAfter}`);
    assert.equal(provider.calls.initiate, initiations);
    assert.deepEqual(await store.listSessionsByOrder(order), []);
  });

  it('notifications past the budget: 429 rate_limited', async () => {
    const hint = () =>
      fetch(kit.url(`notifications/${provider.id}`), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paymentId: 'fake_unknown' }),
      });
    for (let i = 0; i < 3; i++) assert.equal((await hint()).status, 200);
    await refused(await hint(), 429, 'rate_limited');
  });

  it('a body that stops arriving is answered 408 request_timeout at the read deadline', async () => {
    const { port } = new URL(kit.base);
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      // From another loopback address: another client, whose budget the tests above did not spend.
      const socket = connect({ port: Number(port), host: '127.0.0.1', localAddress: '127.0.0.2' }, () => {
        // Headers and 10 of the 100 bytes announced, then nothing.
        socket.write(
          'POST /checkout/notifications/fakepay HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
            'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"payment',
        );
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 408/);
    assert.match(answer, /"code":"request_timeout"/);
    assert.ok(Date.now() - started < 5000, 'answered at the deadline, not held');
  });
});

const unavailable = pgClusterUnavailable();
let cluster: Promise<PgCluster> | undefined;
after(async () => {
  await (await cluster)?.stop();
});

const STORES: { name: string; open: () => Promise<{ store: CheckoutStore; url?: string }>; skip?: string }[] =
  [
    { name: 'PGlite', open: async () => ({ store: pgliteStore({ memory: true }) }) },
    {
      name: 'PostgreSQL',
      skip: unavailable,
      open: async () => {
        cluster ??= startPgCluster();
        const url = await (await cluster).createDatabase('bounds');
        return { store: postgresStore(url), url };
      },
    },
  ];

describe('reliability: a coalesced hint whose trailing re-fetch fails', () => {
  const store = pgliteStore({ memory: true });
  const provider = new FakeProvider();
  const book = orderBook();
  let kit: KitServer;

  before(async () => {
    kit = await startKit({
      providers: [provider],
      resolveOrder: book.resolveOrder,
      store,
      rateLimit: { hintIntervalMs: 1000 },
    });
  });
  after(async () => {
    await kit.close();
    await store.close();
  });

  // The hints were acknowledged, so nobody redelivers them: a failed trailing look must not leave the
  // session to a poll minutes away on its backoff (seen in the load test on a saturated machine).
  it('makes the session due for the poller at once', async () => {
    const { sessionId } = CreateSessionResponse.parse(
      await (await kit.createSession({ order: book.fresh(), method: 'card' })).json(),
    );
    const session = await store.getSession(sessionId);
    assert.ok(session?.providerRef);
    const later = new Date(Date.now() + 10 * 60_000);
    await store.schedulePoll(sessionId, later, 6);
    const hint = () =>
      fetch(kit.url('notifications/fakepay'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paymentId: session.providerRef }),
      });
    assert.equal((await hint()).status, 200); // re-fetched at once
    provider.statusError = new ProviderTimeoutError(provider.id, 50);
    try {
      const calls = provider.calls.status;
      assert.equal((await hint()).status, 200);
      assert.equal(provider.calls.status, calls, 'coalesced: one more look when the interval ends');
      await waitFor(async () => provider.calls.status > calls, 'the trailing look');
      await waitFor(
        async () => ((await store.getSession(sessionId))?.nextPollAt?.getTime() ?? Infinity) <= Date.now(),
        'the session due for the poller',
      );
    } finally {
      provider.statusError = undefined;
    }
  });
});

for (const { name, open, skip } of STORES) {
  describe(`reliability: a flood of unsigned hints for one payment costs one provider call (${name})`, {
    skip,
  }, () => {
    let store: CheckoutStore;
    let url: string | undefined;
    let sandbox: RunningSandbox;
    let kit: KitServer;
    const book = orderBook({ 'order-1': TEE_ORDER });
    /** The GETs of payment details that reached the sandbox. */
    const detailGets: string[] = [];

    before(async () => {
      ({ store, url } = await open());
      sandbox = await startSandbox({ port: 0, log: () => undefined });
      const adapter = connectpay({
        baseUrl: sandbox.connectPayUrl,
        clientId: SANDBOX_CLIENT.clientId,
        clientSecret: SANDBOX_CLIENT.clientSecret,
        brandId: SANDBOX_CLIENT.brandId,
        privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
        fetch: async (input, init) => {
          const target = String(input instanceof Request ? input.url : input);
          if ((init?.method ?? 'GET') === 'GET' && /\/merchant\/payments\/[^/?]+$/.test(target)) {
            detailGets.push(target);
          }
          return fetch(input, init);
        },
      });
      kit = await startKit({
        providers: [adapter],
        resolveOrder: book.resolveOrder,
        store,
        rateLimit: { hintIntervalMs: 60_000 },
      });
    });
    after(async () => {
      await kit?.close();
      await sandbox?.close();
      await store?.close();
    });

    it('100 forged 60 KiB hints naming one real payment: one re-fetch, one capped inbox row', async () => {
      const created = await kit.createSession({ order: 'order-1', method: 'card' });
      const { sessionId } = CreateSessionResponse.parse(await created.json());
      const session = await store.getSession(sessionId);
      const paymentId = session?.providerRef;
      assert.ok(paymentId);
      const padding = 'x'.repeat(60 * 1024);
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          fetch(kit.url('notifications/connectpay'), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ payment: { paymentId, status: 'Completed' }, n: i, padding }),
          }).then((response) => response.status),
        ),
      );
      assert.deepEqual(new Set(answers), new Set([200]), 'every hint acknowledged');
      assert.equal(detailGets.length, 1, 'one provider re-fetch for the whole flood');
      assert.equal((await store.getSession(sessionId))?.status, 'pending', 'forged hints changed nothing');
      if (url) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query<{ rows: string; longest: number }>(
            'SELECT count(*)::text AS rows, max(length(payload)) AS longest FROM notification_inbox WHERE session_id = $1',
            [sessionId],
          );
          assert.equal(rows[0].rows, '1', 'one inbox row');
          assert.ok(rows[0].longest <= 2100, `the stored hint is capped (${rows[0].longest} characters)`);
        } finally {
          await client.end();
        }
      }
    });

    // The load test's late final (bench/load, docs/several-instances.md): an instance stored a hint's
    // inbox row and was SIGKILLed during its re-fetch; the provider's redelivery of that hint (and the
    // duplicated copy on the other instance) found the row and was answered 200 as a duplicate without
    // a look, so the session waited ~30 s for the poller.
    it('a hint whose re-fetch died with its instance is looked at when the provider redelivers it', async () => {
      const created = await kit.createSession({ order: book.fresh(), method: 'card' });
      const { sessionId } = CreateSessionResponse.parse(await created.json());
      const paymentId = (await store.getSession(sessionId))?.providerRef;
      assert.ok(paymentId);
      // The sandbox's own notifications of the change are held back: only the redelivery below tells.
      const admin = `${sandbox.connectPayUrl}/admin/payments/${paymentId}`;
      const held = await fetch(`${admin}/knobs`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ notificationDelayMs: 60_000 }),
      });
      assert.equal(held.status, 200);
      assert.equal((await fetch(`${admin}/expire`, { method: 'POST' })).status, 200);
      const body = JSON.stringify({ payment: { paymentId, status: 'Expired' } });
      // What the killed instance left: the hint's inbox row (its id is the body's SHA-256), no look.
      const left = await store.recordNotification({
        provider: 'connectpay',
        notificationId: createHash('sha256').update(body).digest('hex'),
        sessionId,
        payload: body,
      });
      assert.equal(left.duplicate, false);
      const redelivered = await fetch(kit.url('notifications/connectpay'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      assert.equal(redelivered.status, 200);
      assert.equal((await store.getSession(sessionId))?.status, 'expired', 'the redelivery re-fetched');
    });
  });
}
