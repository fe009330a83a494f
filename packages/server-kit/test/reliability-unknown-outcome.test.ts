import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, ErrorBody } from '@pay-checkout/contract';
import {
  connectPayTestClient,
  type RunningSandbox,
  SANDBOX_CLIENT,
  startSandbox,
} from '@pay-checkout/sandbox';
import { connectpay } from '../src/providers/connectpay/index.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import { postgresStore } from '../src/store/postgres-store.js';
import type { CheckoutStore } from '../src/store/store.js';
import { type KitServer, orderBook, startKit } from './helpers/kit-server.js';
import { type PgCluster, pgClusterUnavailable, startPgCluster } from './helpers/pg-cluster.js';
import { waitFor } from './helpers/wait-for.js';

/**
 * docs/reliability.md 20, against ConnectPay's sandbox over HTTP with the real adapter, on both stores.
 * The network between the kit and the sandbox is the adapter's `fetch` option: it can make one
 * initiation slow at the sandbox itself (the sandbox's own `X-Sandbox-Latency-Ms` knob), or let the
 * sandbox create the payment and then lose its answer, as a reset connection would.
 */
const unavailable = pgClusterUnavailable();
let cluster: Promise<PgCluster> | undefined;
after(async () => {
  await (await cluster)?.stop();
});

const STORES: { name: string; open: () => Promise<CheckoutStore>; skip?: string }[] = [
  { name: 'PGlite', open: async () => pgliteStore({ memory: true }) },
  {
    name: 'PostgreSQL',
    skip: unavailable,
    open: async () => {
      cluster ??= startPgCluster();
      return postgresStore(await (await cluster).createDatabase('unknown_outcome'));
    },
  },
];

/** The adapter's timeout; the slow initiation takes twice as long at the sandbox. */
const TIMEOUT_MS = 750;

/** What the network does to the next initiations (`POST …/merchant/payments`). */
interface Faults {
  /** The next N initiations are held this long by the sandbox before it creates the payment. */
  slow: number;
  /** The next N initiations reach the sandbox, which creates the payment; its answer is lost. */
  dropAnswer: number;
}

function faultyFetch(faults: Faults): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const initiation = init?.method === 'POST' && url.endsWith('/merchant/payments');
    if (initiation && faults.slow > 0) {
      faults.slow--;
      const headers = new Headers(init?.headers);
      headers.set('x-sandbox-latency-ms', String(TIMEOUT_MS * 2));
      return fetch(input, { ...init, headers });
    }
    const response = await fetch(input, init);
    if (initiation && faults.dropAnswer > 0) {
      faults.dropAnswer--;
      await response.arrayBuffer();
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      });
    }
    return response;
  };
}

for (const { name, open: openStore, skip } of STORES) {
  describe(`an unknown outcome keeps its Idempotency-Key; a 201 always has a page to pay on (${name})`, {
    skip,
  }, () => {
    const faults: Faults = { slow: 0, dropAnswer: 0 };
    const book = orderBook();
    let store: CheckoutStore;
    let sandbox: RunningSandbox;
    let kit: KitServer;

    before(async () => {
      store = await openStore();
      sandbox = await startSandbox({ port: 0, log: () => undefined });
      const adapter = connectpay({
        baseUrl: sandbox.connectPayUrl,
        clientId: SANDBOX_CLIENT.clientId,
        clientSecret: SANDBOX_CLIENT.clientSecret,
        brandId: SANDBOX_CLIENT.brandId,
        privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
        timeoutMs: TIMEOUT_MS,
        retryBackoff: { baseMs: 5, maxMs: 40 },
        fetch: faultyFetch(faults),
      });
      kit = await startKit({ providers: [adapter], resolveOrder: book.resolveOrder, store });
    });
    after(async () => {
      await kit?.close();
      await sandbox?.close();
      await store?.close();
    });

    /** Every payment the sandbox holds for the order's sessions (each session has its own reference). */
    async function providerPayments(orderId: string): Promise<{ paymentId: string }[]> {
      const found: { paymentId: string }[] = [];
      for (const session of await store.listSessionsByOrder(orderId)) {
        const answer = await fetch(
          `${sandbox.connectPayUrl}/admin/payments?merchantReference=${encodeURIComponent(session.reference)}`,
        );
        found.push(...((await answer.json()) as { payments: { paymentId: string }[] }).payments);
      }
      return found;
    }

    async function errorOf(response: Response): Promise<string> {
      return ErrorBody.parse(await response.json()).error.code;
    }

    it('finding 3: after a 504 the retry with the same key answers from the same session, one provider payment', async () => {
      const order = book.fresh();
      const key = `unknown-${order}`;
      faults.slow = 1;
      const first = await kit.createSession({ order, method: 'card' }, key);
      assert.equal(first.status, 504, await first.clone().text());
      assert.equal(await errorOf(first), 'provider_timeout');
      const [session] = await store.listSessionsByOrder(order);
      // The sandbox creates the payment once its latency is over: the request did land.
      await waitFor(async () => (await providerPayments(order)).length === 1, 'the late payment');

      const retry = await kit.createSession({ order, method: 'card' }, key);
      assert.equal(retry.status, 409, await retry.clone().text());
      assert.equal(retry.headers.get('retry-after'), '1');
      assert.equal(await errorOf(retry), 'idempotency_in_progress');
      const again = await kit.createSession({ order, method: 'card' }, key);
      assert.equal(again.status, 409);

      const payments = await providerPayments(order);
      assert.equal(payments.length, 1, 'one provider payment for the key');
      const sessions = await store.listSessionsByOrder(order);
      assert.deepEqual(
        sessions.map((s) => s.id),
        [session.id],
        'the retries opened no session of their own',
      );
      assert.equal(sessions[0].providerRef, payments[0].paymentId, 'the retry adopted the late payment');
      assert.ok(sessions[0].nextPollAt, 'the session is still reconciled');
    });

    it('finding 3: a retry once the payment has a page answers 201 with it, still from the same session', async () => {
      const order = book.fresh();
      const key = `unknown-page-${order}`;
      faults.slow = 1;
      const first = await kit.createSession({ order, method: 'card' }, key);
      assert.equal(first.status, 504);
      const [session] = await store.listSessionsByOrder(order);
      // Until the sandbox made the payment, the retry can only say "in progress".
      const early = await kit.createSession({ order, method: 'card' }, key);
      assert.equal(early.status, 409);
      assert.equal(await errorOf(early), 'idempotency_in_progress');
      await waitFor(async () => (await providerPayments(order)).length === 1, 'the late payment');
      // A payment whose final status the provider reports is the request's result.
      const [payment] = await providerPayments(order);
      await fetch(`${sandbox.connectPayUrl}/admin/payments/${payment.paymentId}/expire`, { method: 'POST' });
      const retry = await kit.createSession({ order, method: 'card' }, key);
      const text = await retry.text();
      assert.equal(retry.status, 201, text);
      const body = CreateSessionResponse.parse(JSON.parse(text));
      assert.equal(body.sessionId, session.id);
      assert.equal(body.status, 'expired');
      assert.equal((await providerPayments(order)).length, 1);
    });

    it('finding 4: a payment found after a lost answer, with no page for the shopper, is kept and a fresh attempt gets the 201', async () => {
      const order = book.fresh();
      faults.dropAnswer = 1;
      const response = await kit.createSession({ order, method: 'card' });
      const text = await response.text();
      assert.equal(response.status, 201, text);
      const { sessionId, redirectUrl } = CreateSessionResponse.parse(JSON.parse(text));
      assert.ok(
        redirectUrl.startsWith(`${sandbox.connectPayUrl}/widget?key=`),
        `the shopper is sent to a page where they can pay, not ${redirectUrl}`,
      );
      const sessions = await store.listSessionsByOrder(order);
      assert.equal(sessions.length, 2);
      const abandoned = sessions.find((s) => s.id !== sessionId);
      assert.ok(abandoned?.providerRef, 'the payment found by reference stays on its session');
      assert.equal(abandoned.status, 'pending');
      assert.ok(abandoned.nextPollAt, 'and the poller keeps watching it');
      assert.deepEqual(
        (await store.listAttempts(abandoned.id)).map((a) => [a.outcome, a.errorCode]),
        [['created', 'abandoned_no_shopper_page']],
        'its ledger row says why nobody was sent to it',
      );
      assert.deepEqual(
        (await store.listAttempts(sessionId)).map((a) => [a.outcome, a.errorCode]),
        [['created', undefined]],
      );
      assert.equal((await providerPayments(order)).length, 2);

      // The fresh attempt is a normal payment: the shopper pays it.
      const paid = await connectPayTestClient(sandbox.connectPayUrl).payWithCard(
        redirectUrl,
        '4485040371536584',
      );
      assert.equal(paid.status, 'Completed');
    });

    it('finding 4: when the fresh attempt loses its answer too, the shopper gets a retryable 503', async () => {
      const order = book.fresh();
      const key = `lost-twice-${order}`;
      faults.dropAnswer = 2;
      const response = await kit.createSession({ order, method: 'card' }, key);
      assert.equal(response.status, 503, await response.clone().text());
      assert.equal(response.headers.get('retry-after'), '1');
      assert.equal(await errorOf(response), 'provider_unavailable');
      // Both found payments are watched; the key is free for the shopper's retry, which works.
      for (const session of await store.listSessionsByOrder(order)) assert.ok(session.nextPollAt);
      const retry = await kit.createSession({ order, method: 'card' }, key);
      assert.equal(retry.status, 201, await retry.clone().text());
    });
  });
}
