import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, SessionView } from '@pay-checkout/contract';
import {
  connectPayTestClient,
  type RunningSandbox,
  SANDBOX_CLIENT,
  startSandbox,
} from '@pay-checkout/sandbox';
import { connectpay } from '../src/providers/connectpay/index.js';
import { postgresStore } from '../src/store/postgres-store.js';
import type { CheckoutStore, NewSession } from '../src/store/store.js';
import { type KitServer, orderBook, startKit } from './helpers/kit-server.js';
import { type PgCluster, pgClusterUnavailable, startPgCluster } from './helpers/pg-cluster.js';
import { SseClient } from './helpers/sse-client.js';

// docs/several-instances.md: two kit instances on one PostgreSQL behind one load balancer.
const unavailable = pgClusterUnavailable();

describe('two kit instances on one PostgreSQL', { skip: unavailable }, () => {
  let cluster: PgCluster;
  let sandbox: RunningSandbox;
  const stores: CheckoutStore[] = [];
  let a: KitServer;
  let b: KitServer;
  const book = orderBook();

  async function instance(url: string): Promise<KitServer> {
    const store = postgresStore(url);
    stores.push(store);
    return startKit({
      providers: [
        connectpay({
          baseUrl: sandbox.connectPayUrl,
          clientId: SANDBOX_CLIENT.clientId,
          clientSecret: SANDBOX_CLIENT.clientSecret,
          brandId: SANDBOX_CLIENT.brandId,
          privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
        }),
      ],
      resolveOrder: book.resolveOrder,
      store,
    });
  }

  before(async () => {
    cluster = await startPgCluster();
    sandbox = await startSandbox({ port: 0, log: () => undefined, notificationRetryBaseMs: 20 });
    const url = await cluster.createDatabase('instances');
    a = await instance(url);
    b = await instance(url);
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await Promise.all(stores.map((store) => store.close()));
    await sandbox?.close();
    await cluster?.stop();
  });

  it('fans a status change out to streams on the other instance', async () => {
    const opened = await a.createSession({ order: book.fresh(), method: 'card' });
    assert.equal(opened.status, 201);
    const { sessionId, redirectUrl } = CreateSessionResponse.parse(await opened.json());
    // The sandbox notifies A (its publicUrl); the shopper's stream is on B.
    const { client } = await SseClient.open(b.url(`sessions/${sessionId}/events`));
    await client.waitForEvents(1);
    await connectPayTestClient(sandbox.connectPayUrl).payWithCard(redirectUrl, '4485040371536584');
    await client.waitForEnd();
    const statuses = client.events.map((event) => SessionView.parse(JSON.parse(event.data)).status);
    assert.deepEqual(statuses, ['pending', 'succeeded']);
  });

  it('resumes a stream cut on one instance on the other with Last-Event-ID, and a fresh one gets the final state', async () => {
    const opened = await a.createSession({ order: book.fresh(), method: 'card' });
    const { sessionId, redirectUrl } = CreateSessionResponse.parse(await opened.json());
    // The shopper's stream is on A and has seen the first events when A goes away (the stream is cut).
    const first = (await SseClient.open(a.url(`sessions/${sessionId}/events`), { 'last-event-id': '0' }))
      .client;
    const [created, pending] = await first.waitForEvents(2);
    assert.deepEqual(
      [created, pending].map((event) => SessionView.parse(JSON.parse(event.data)).status),
      ['created', 'pending'],
    );
    first.close();
    await connectPayTestClient(sandbox.connectPayUrl).payWithCard(redirectUrl, '4485040371536584');
    const paid = async () =>
      SessionView.parse(await (await fetch(b.url(`sessions/${sessionId}`))).json()).status === 'succeeded';
    for (let i = 0; i < 100 && !(await paid()); i++) await new Promise((r) => setTimeout(r, 50));
    // The browser reconnects through the balancer to B with an id A sent: B replays every event after it
    // (ids come from the shared store), not just the current state.
    const resumed = (
      await SseClient.open(b.url(`sessions/${sessionId}/events`), { 'last-event-id': created.id ?? '' })
    ).client;
    await resumed.waitForEnd();
    assert.deepEqual(
      resumed.events.map((event) => SessionView.parse(JSON.parse(event.data)).status),
      ['pending', 'succeeded'],
    );
    // A new page on B (no Last-Event-ID) gets the current, final state and the stream ends.
    const fresh = (await SseClient.open(b.url(`sessions/${sessionId}/events`))).client;
    await fresh.waitForEnd();
    assert.deepEqual(
      fresh.events.map((event) => SessionView.parse(JSON.parse(event.data)).status),
      ['succeeded'],
    );
  });

  it('makes one provider payment per Idempotency-Key when the same request races on both instances', async () => {
    const before = sandbox.connectPay.book.list().length;
    const keys = Array.from({ length: 8 }, (_, i) => ({ key: `race-${i}`, order: book.fresh() }));
    const answers = await Promise.all(
      keys.flatMap(({ key, order }) => [
        a.createSession({ order, method: 'card' }, key),
        b.createSession({ order, method: 'card' }, key),
      ]),
    );
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, text: await r.text() })));
    for (const { status, text } of bodies) assert.ok(status === 201 || status === 409, `${status} ${text}`);
    for (let i = 0; i < keys.length; i++) {
      const pair = bodies.slice(2 * i, 2 * i + 2).filter((body) => body.status === 201);
      assert.ok(pair.length >= 1, 'at least one of the two opened the session');
      const ids = new Set(pair.map((body) => CreateSessionResponse.parse(JSON.parse(body.text)).sessionId));
      assert.equal(ids.size, 1, 'both answers name the same session');
    }
    assert.equal(sandbox.connectPay.book.list().length - before, keys.length, 'one provider payment per key');
  });

  it('leases each due session to one instance at a time (FOR UPDATE SKIP LOCKED)', async () => {
    const [storeA, storeB] = stores;
    const now = new Date();
    const ids = Array.from({ length: 40 }, (_, i) => `ses_lease_${i}`);
    for (const id of ids) await storeA.createSession(dueSession(id, now));
    // Both instances' pollers take a batch at the same moment, several times over.
    const batches = await Promise.all(
      [storeA, storeB, storeA, storeB].map((store) => store.leaseDuePolls(new Date(), 15, 60_000)),
    );
    const taken = batches
      .flat()
      .map((session) => session.id)
      .filter((id) => ids.includes(id));
    assert.equal(new Set(taken).size, taken.length, 'no session leased twice');
    assert.equal(taken.length, Math.min(ids.length, 60));
    // Leased: not due for anyone until the lease runs out (or the poller reschedules it).
    const again = await storeB.leaseDuePolls(new Date(), 100, 60_000);
    assert.deepEqual(
      again.filter((session) => taken.includes(session.id)),
      [],
    );
    // The lease ends: due again.
    const later = await storeB.leaseDuePolls(new Date(Date.now() + 61_000), 100, 60_000);
    assert.ok(taken.every((id) => later.some((session) => session.id === id)));
  });
});

function dueSession(id: string, now: Date): NewSession {
  return {
    id,
    orderId: `order_${id}`,
    provider: 'connectpay',
    method: 'card',
    amount: 1999,
    currency: 'EUR',
    description: 'Tee',
    reference: `ref_${id}`,
    expiresAt: new Date(now.getTime() + 60_000),
    nextPollAt: new Date(now.getTime() - 1000),
  };
}
