import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, type SessionStatus, SessionView } from '@pay-checkout/contract';
import {
  CONFIRMATION_CODE,
  FAKE_BANK_ID,
  FAKE_BANK_PASSWORD,
  FAKE_BANK_USERNAME,
} from '@pay-checkout/sandbox';
import { pgliteStore } from '../src/store/pglite-store.js';
import { postgresStore } from '../src/store/postgres-store.js';
import type { CheckoutStore } from '../src/store/store.js';
import { type ConnectPayKit, startConnectPayKit } from './helpers/connectpay-kit.js';
import { type PgCluster, pgClusterUnavailable, startPgCluster } from './helpers/pg-cluster.js';
import { waitFor } from './helpers/wait-for.js';

/**
 * The provider decides what is final. Each session here outlives its `expiresAt` (a 1 ms time-to-live)
 * while the payment is still open at ConnectPay's sandbox: the poller must keep it as the provider has
 * it, and the provider's late success must be applied, on both stores.
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
      return postgresStore(await (await cluster).createDatabase('late_success'));
    },
  },
];

/** One step of the sandbox widget, as the shopper's browser posts it (`…/widget/{action}`). */
async function widgetPost(
  redirectUrl: string,
  action: string,
  fields: Record<string, string>,
): Promise<void> {
  const widget = new URL(redirectUrl);
  const response = await fetch(`${widget.origin}${widget.pathname}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ key: widget.searchParams.get('key') ?? '', ...fields }),
    redirect: 'manual',
  });
  assert.equal(response.status, 303, `widget ${action}: ${await response.text()}`);
}

for (const { name, open: openStore, skip } of STORES) {
  describe(`a late success is applied, never lost behind the kit's expiry (${name})`, { skip }, () => {
    let store: CheckoutStore;
    let env: ConnectPayKit;
    let seq = 0;

    before(async () => {
      store = await openStore();
      env = await startConnectPayKit({ store, sessionTtlMs: 1 });
    });
    after(async () => {
      await env?.close();
      await store?.close();
    });

    async function open(body: Record<string, string>, amount: string) {
      const orderId = `order-late-${++seq}`;
      env.book.orders.set(orderId, {
        amount,
        currency: 'EUR',
        description: `Order ${amount}`,
        returnUrl: 'https://shop.example/orders/1',
      });
      const response = await env.kit.createSession({ order: orderId, ...body });
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return CreateSessionResponse.parse(JSON.parse(text));
    }

    async function settles(sessionId: string, status: SessionStatus): Promise<SessionView> {
      return waitFor(async () => {
        const view = SessionView.parse(await (await fetch(env.kit.url(`sessions/${sessionId}`))).json());
        return view.status === status ? view : undefined;
      }, `session ${sessionId} → ${status}`);
    }

    /**
     * The poller's look after `expiresAt`: the session keeps the provider's status and stays watched.
     * On PostgreSQL the poller skips a row another transaction holds (`FOR UPDATE SKIP LOCKED`, as
     * with two instances), and the sandbox's notification of the step just taken may hold it at this
     * very moment: so the pass is repeated until it has looked at the session.
     */
    async function pollPastExpiry(sessionId: string, expected: SessionStatus): Promise<void> {
      await waitFor(async () => {
        await store.schedulePoll(sessionId, new Date(Date.now() - 1000), 0);
        return (await env.kit.checkout.reconcileDue()) > 0;
      }, `a poller pass that looks at ${sessionId}`);
      const session = await store.getSession(sessionId);
      assert.ok(session && session.expiresAt.getTime() < Date.now(), 'the session is past its expiresAt');
      assert.equal(session.status, expected, 'the kit did not expire a payment the provider still has open');
      assert.ok(session.nextPollAt && session.nextPollAt > new Date(), 'the poller keeps watching it');
    }

    it('a manual review approved after the expiry succeeds', async () => {
      const { sessionId, redirectUrl } = await open({ method: 'card' }, '99.99');
      const outcome = await env.shopper.payWithCard(redirectUrl, '4485040371536584');
      await settles(sessionId, 'processing');
      await pollPastExpiry(sessionId, 'processing');
      assert.equal((await env.shopper.approve(outcome.paymentId)).status, 200);
      await settles(sessionId, 'succeeded');
    });

    it('a bank payment the shopper finishes after the expiry succeeds', async () => {
      const { sessionId, redirectUrl } = await open(
        { method: 'pis', bank: FAKE_BANK_ID, country: 'DE' },
        '19.99',
      );
      // logged in at the bank, the confirmation code not yet given: the payment waits at the bank
      await widgetPost(redirectUrl, 'login', { username: FAKE_BANK_USERNAME, password: FAKE_BANK_PASSWORD });
      await pollPastExpiry(sessionId, 'processing'); // ConnectPay's Pending: authorised, not settled
      await widgetPost(redirectUrl, 'code', { code: CONFIRMATION_CODE });
      await settles(sessionId, 'succeeded');
    });

    it('a payment page left open past the expiry, then paid, succeeds', async () => {
      const { sessionId, redirectUrl } = await open({ method: 'card' }, '19.99');
      await pollPastExpiry(sessionId, 'pending');
      await env.shopper.payWithCard(redirectUrl, '4485040371536584');
      await settles(sessionId, 'succeeded');
    });
  });
}
