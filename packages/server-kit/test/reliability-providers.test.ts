import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CreateSessionResponse, SessionView, statusRank } from '@pay-checkout/contract';
import { pgliteStore } from '../src/store/pglite-store.js';
import { type ConnectPayKit, startConnectPayKit } from './helpers/connectpay-kit.js';
import { countingAdapter } from './helpers/counting-adapter.js';
import { errorCode } from './helpers/error-code.js';
import { SHOP_ORIGIN } from './helpers/kit-server.js';
import { waitFor } from './helpers/wait-for.js';

const ORDER = { amount: '19.99', currency: 'EUR', description: 'Tee', returnUrl: `${SHOP_ORIGIN}/thanks` };

/**
 * docs/reliability.md 4 (ConnectPay's unsigned callbacks), 13 and 14, against the real sandbox over HTTP with
 * the real ConnectPay adapter; a counting wrapper shows how often the kit called it, and the sandbox's
 * admin API shows how many payments really exist.
 */
describe('reliability: providers misbehaving (ConnectPay sandbox)', () => {
  const store = pgliteStore({ memory: true });
  let env: ConnectPayKit;
  let counted: ReturnType<typeof countingAdapter>;

  before(async () => {
    env = await startConnectPayKit({
      store,
      timeoutMs: 750, // well below the 1500 ms latency R13 injects, well above a loaded machine's slowest answer
      wrap: (adapter) => {
        counted = countingAdapter(adapter);
        return counted.adapter;
      },
    });
    env.book.orders.set('order-1', ORDER);
  });
  beforeEach(async () => {
    await admin('PUT', 'knobs', { latencyMs: 0, duplicateNotifications: false, reorderNotifications: false });
  });
  after(async () => {
    await env.close();
    await store.close();
  });

  async function admin(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${env.sandbox.connectPayUrl}/admin/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function paymentsWithReference(reference: string): Promise<{ paymentId: string }[]> {
    const response = await admin('GET', `payments?merchantReference=${encodeURIComponent(reference)}`);
    const body = (await response.json()) as { payments: { paymentId: string }[] };
    return body.payments;
  }

  it('R4: a forged ConnectPay callback changes nothing: the kit re-fetches the payment from the API', async () => {
    const response = await env.kit.createSession({ order: 'order-1', method: 'card' });
    const { sessionId } = CreateSessionResponse.parse(await response.json());
    const session = await store.getSession(sessionId);
    const statusCalls = counted.calls.status;
    const forged = JSON.stringify({
      merchant: { brandId: 'sandbox-brand' },
      payment: {
        paymentId: session?.providerRef,
        paymentMethod: 'CARD',
        status: 'Completed',
        instructedAmount: { amount: '19.99', currency: 'EUR' },
      },
      identifiers: { merchantReference: session?.reference },
    });
    const callback = await fetch(env.kit.url('notifications/connectpay'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: forged,
    });
    assert.equal(callback.status, 200);
    assert.equal(counted.calls.status, statusCalls + 1, 'the kit asked ConnectPay');
    const view = SessionView.parse(await (await fetch(env.kit.url(`sessions/${sessionId}`))).json());
    assert.equal(view.status, 'pending', 'ConnectPay says the payment is still open');
  });

  it('R13: a provider call that hangs hits our timeout; the shopper gets a retryable 504, not a spinner', async () => {
    await admin('PUT', 'knobs', { latencyMs: 1500 });
    const initiations = counted.calls.initiate;
    const response = await env.kit.createSession({ order: 'order-1', method: 'card' }, 'r13-key');
    assert.equal(response.status, 504);
    assert.equal(response.headers.get('retry-after'), '1');
    assert.equal(await errorCode(response), 'provider_timeout');
    assert.equal(counted.calls.initiate, initiations + 1, 'a timed-out initiation is never re-sent');

    // The provider created the payment late. Once it recovers, reconciliation adopts that payment by our
    // reference instead of leaving a stray one: still exactly one payment for the session.
    const input = counted.initiations.at(-1)!;
    await admin('PUT', 'knobs', { latencyMs: 0 });
    await waitFor(
      async () => (await paymentsWithReference(input.reference)).length === 1,
      'the late payment',
    );
    await store.schedulePoll(input.sessionId, new Date(Date.now() - 1), 0);
    await env.kit.checkout.reconcileDue();
    const payments = await paymentsWithReference(input.reference);
    assert.equal(payments.length, 1);
    const session = await store.getSession(input.sessionId);
    assert.equal(session?.providerRef, payments[0].paymentId);
    assert.equal(session?.status, 'pending');
    // The key stays bound to that session (docs/reliability.md 20): the retry answers from it. ConnectPay's
    // details name no page for the shopper, so "in progress, retry", and still no second payment.
    const retry = await env.kit.createSession({ order: 'order-1', method: 'card' }, 'r13-key');
    assert.equal(retry.status, 409);
    assert.equal(await errorCode(retry), 'idempotency_in_progress');
    assert.equal((await paymentsWithReference(input.reference)).length, 1);
  });

  it('R14: 500, 500, then success → exactly one provider payment (reconcile by our reference, then retry)', async () => {
    assert.equal((await admin('POST', 'fail-next', { statuses: [500, 500] })).status, 200);
    const initiations = counted.calls.initiate;
    const response = await env.kit.createSession({ order: 'order-1', method: 'pis' });
    const text = await response.text();
    assert.equal(response.status, 201, text);
    const { sessionId } = CreateSessionResponse.parse(JSON.parse(text));
    assert.equal(counted.calls.initiate, initiations + 2, 'the 500 initiation, then one after the lookup');
    const session = await store.getSession(sessionId);
    const payments = await paymentsWithReference(session!.reference);
    assert.equal(payments.length, 1, 'exactly one payment at the provider');
    assert.equal(payments[0].paymentId, session?.providerRef);
  });

  it('R14: no retry on a 4xx: one initiation, and the shopper gets the error', async () => {
    assert.equal((await admin('POST', 'fail-next', { statuses: [409] })).status, 200);
    const initiations = counted.calls.initiate;
    const lookups = counted.calls.findByReference;
    const response = await env.kit.createSession({ order: 'order-1', method: 'card' });
    assert.equal(response.status, 502);
    assert.equal(counted.calls.initiate, initiations + 1);
    assert.equal(counted.calls.findByReference, lookups, 'a 4xx is a definite answer: nothing to look up');
  });
  it('R6/R7: duplicated and reordered ConnectPay callbacks are all answered 2xx and apply once, never backwards', async () => {
    await admin('PUT', 'knobs', { duplicateNotifications: true, reorderNotifications: true });
    const response = await env.kit.createSession({
      order: 'order-1',
      method: 'pis',
      bank: 'c3e4f215-dde4-4d0c-9a48-bc7274c90977',
      country: 'DE',
    });
    const { sessionId, redirectUrl } = CreateSessionResponse.parse(await response.json());
    const outcome = await env.shopper.payWithFakeBank(redirectUrl);
    const deliveries = await waitFor(async () => {
      const answer = await admin('GET', `notifications?paymentId=${outcome.paymentId}`);
      const { notifications } = (await answer.json()) as {
        notifications: { status: string; copy: number; statusCode?: number }[];
      };
      const done = notifications.filter((n) => n.statusCode !== undefined);
      return done.length >= 4 ? done : undefined; // Pending and Completed, two copies each
    }, 'all duplicated deliveries');
    assert.ok(
      deliveries.some((d) => d.copy === 2),
      'the sandbox really sent duplicates',
    );
    for (const delivery of deliveries) assert.equal(delivery.statusCode, 200);
    const events = await store.eventsSince(sessionId, 0);
    const ranks = events.map((event) => statusRank(event.status));
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
      'statuses only moved forward',
    );
    assert.equal(
      events.filter((event) => event.status === 'succeeded').length,
      1,
      'the final status applied once',
    );
    assert.equal((await store.getSession(sessionId))?.status, 'succeeded');
  });
});
