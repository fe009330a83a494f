import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { startReceiver } from '../helpers/receiver.js';
import { bookOf } from './helpers/drive.js';
import { fakeBankPayment, paymentBody, startTestSandbox, type TestSandbox } from './helpers/sandbox.js';

interface ErrorBody {
  error: { code: string; fields?: { path: string }[] };
}

async function putJson(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('ConnectPay test knobs', () => {
  let t: TestSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  before(async () => {
    t = await startTestSandbox();
  });
  afterEach(async () => {
    await fetch(`${t.base}/admin/reset`, { method: 'POST' });
    await receiver?.close();
    receiver = undefined;
  });
  after(() => t.close());

  describe('error injection', () => {
    it('answers every API call 500 sandbox_injected_error at errorRate 1, without creating the payment', async () => {
      assert.equal((await putJson(`${t.base}/admin/knobs`, { errorRate: 1 })).status, 200);
      const answer = await t.client.initiate(paymentBody());
      assert.equal(answer.status, 500);
      assert.equal((answer.body as unknown as ErrorBody).error.code, 'sandbox_injected_error');
      const list = (await (await fetch(`${t.base}/admin/payments`)).json()) as { payments: unknown[] };
      assert.equal(list.payments.length, 0);
    });

    it('answers normally at errorRate 0 (the default)', async () => {
      const knobs = (await (await fetch(`${t.base}/admin/knobs`)).json()) as { errorRate: number };
      assert.equal(knobs.errorRate, 0);
      assert.equal((await t.client.initiate(paymentBody())).status, 201);
    });

    it('X-Sandbox-Fail-Next: 500,503 makes the next two calls of the client fail, then succeeds', async () => {
      const paymentId = await fakeBankPayment(t, { headers: { 'X-Sandbox-Fail-Next': '500,503' } });
      assert.equal((await t.client.details(paymentId)).status, 500);
      const second = await t.client.details(paymentId);
      assert.equal(second.status, 503);
      assert.equal((second.body as unknown as ErrorBody).error.code, 'sandbox_injected_error');
      assert.equal((await t.client.details(paymentId)).status, 200);
    });

    it('POST admin/fail-next queues failures for a client', async () => {
      const queued = await fetch(`${t.base}/admin/fail-next`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ statuses: [502] }),
      });
      assert.equal(queued.status, 200);
      assert.equal((await t.client.initiate(paymentBody())).status, 502);
      assert.equal((await t.client.initiate(paymentBody())).status, 201);
    });

    it('refuses out-of-range knobs with 400 field errors', async () => {
      const answer = await putJson(`${t.base}/admin/knobs`, { errorRate: 2, latencyMs: -1, colour: 'red' });
      assert.equal(answer.status, 400);
      const paths = ((answer.body as unknown as ErrorBody).error.fields ?? [])
        .map((field) => field.path)
        .sort();
      assert.deepEqual(paths, ['(body)', 'errorRate', 'latencyMs']);
      const header = await t.client.initiate(paymentBody(), { headers: { 'X-Sandbox-Fail-Next': 'soon' } });
      assert.equal(header.status, 400);
    });
  });

  describe('latency', () => {
    it('delays API answers by the global latencyMs, so a client timeout fires', async () => {
      await putJson(`${t.base}/admin/knobs`, { latencyMs: 5000 });
      await assert.rejects(fetch(`${t.base}/merchant/payments/x`, { signal: AbortSignal.timeout(100) }), {
        name: 'TimeoutError',
      });
      await putJson(`${t.base}/admin/knobs`, { latencyMs: 0 });
      assert.equal((await fetch(`${t.base}/admin/knobs`)).status, 200);
    });

    it('X-Sandbox-Latency-Ms delays the initiation and later calls about that payment only', async () => {
      const started = performance.now();
      const slow = await fakeBankPayment(t, { headers: { 'X-Sandbox-Latency-Ms': '300' } });
      assert.ok(performance.now() - started >= 290, 'the initiation itself waited');
      const fast = await fakeBankPayment(t);
      assert.equal((await t.client.details(fast)).status, 200);
      await assert.rejects(
        fetch(`${t.base}/merchant/payments/${slow}`, { signal: AbortSignal.timeout(100) }),
        { name: 'TimeoutError' },
      );
      // Later via the admin API: latency back to 0 for this payment.
      assert.equal((await putJson(`${t.base}/admin/payments/${slow}/knobs`, { latencyMs: 0 })).status, 200);
      assert.equal((await t.client.details(slow)).status, 200);
    });
  });

  describe('notifications', () => {
    it('X-Sandbox-Notification-Delay-Ms holds each notification back at least that long', async () => {
      receiver = await startReceiver();
      const paymentId = await fakeBankPayment(t, {
        headers: { 'X-Sandbox-Notification-Delay-Ms': '300' },
        notificationUrl: receiver.url,
      });
      const changed = performance.now();
      bookOf(t).login(paymentId);
      await receiver.waitFor(1);
      assert.ok(performance.now() - changed >= 290);
    });

    it('X-Sandbox-Duplicate-Notifications: 1 delivers every notification twice', async () => {
      receiver = await startReceiver();
      const paymentId = await fakeBankPayment(t, {
        headers: { 'X-Sandbox-Duplicate-Notifications': '1' },
        notificationUrl: receiver.url,
      });
      bookOf(t).login(paymentId);
      await receiver.waitFor(2);
      await t.sandbox.connectPay.notifier.idle();
      assert.equal(receiver.received.length, 2);
      assert.equal(receiver.received[0].rawBody, receiver.received[1].rawBody);
    });

    it('X-Sandbox-Reorder-Notifications: 1 sends the final status before the intermediate ones', async () => {
      receiver = await startReceiver();
      const paymentId = await fakeBankPayment(t, {
        headers: { 'X-Sandbox-Reorder-Notifications': '1' },
        notificationUrl: receiver.url,
      });
      const drive = bookOf(t);
      drive.login(paymentId);
      drive.code(paymentId);
      await receiver.waitFor(2);
      assert.deepEqual(
        receiver.received.map((item) => item.body.payment.status),
        ['Completed', 'Pending'],
      );
    });

    it('with reordering, a manual review holds its notifications until the admin decides', async () => {
      receiver = await startReceiver();
      const paymentId = await fakeBankPayment(t, {
        amount: '99.99',
        notificationUrl: receiver.url,
        headers: { 'X-Sandbox-Reorder-Notifications': '1' },
      });
      const drive = bookOf(t);
      drive.login(paymentId);
      drive.code(paymentId);
      await t.sandbox.connectPay.notifier.idle();
      assert.equal(receiver.received.length, 0);
      await t.client.approve(paymentId);
      await receiver.waitFor(3);
      assert.deepEqual(
        receiver.received.map((item) => item.body.payment.status),
        ['Completed', 'Pending', 'PendingProvider'],
      );
    });

    it('global knobs become the defaults of new payments; PUT admin/payments/{id}/knobs changes one payment', async () => {
      receiver = await startReceiver();
      await putJson(`${t.base}/admin/knobs`, { duplicateNotifications: true });
      const paymentId = await fakeBankPayment(t, { notificationUrl: receiver.url });
      const view = (await (await fetch(`${t.base}/admin/payments/${paymentId}`)).json()) as {
        knobs: { duplicateNotifications: boolean };
      };
      assert.equal(view.knobs.duplicateNotifications, true);
      const changed = await putJson(`${t.base}/admin/payments/${paymentId}/knobs`, {
        duplicateNotifications: false,
      });
      assert.equal(
        (changed.body as { knobs: { duplicateNotifications: boolean } }).knobs.duplicateNotifications,
        false,
      );
      bookOf(t).login(paymentId);
      await receiver.waitFor(1);
      await t.sandbox.connectPay.notifier.idle();
      assert.equal(receiver.received.length, 1);
    });
  });
});

describe('closing the sandbox', () => {
  it('cancels delayed notifications and pending latency, so close() returns and nothing is delivered', async () => {
    const t = await startTestSandbox();
    const receiver = await startReceiver();
    try {
      const paymentId = await fakeBankPayment(t, {
        notificationUrl: receiver.url,
        headers: { 'X-Sandbox-Notification-Delay-Ms': '60000' },
      });
      bookOf(t).login(paymentId);
      await putJson(`${t.base}/admin/knobs`, { latencyMs: 60000 });
      const hanging = fetch(`${t.base}/merchant/payments/x`).catch((error: unknown) => error);
      await t.close();
      await hanging;
      assert.equal(receiver.received.length, 0);
      assert.deepEqual(t.sandbox.connectPay.notifier.deliveries(), []);
    } finally {
      await receiver.close();
    }
  });
});
