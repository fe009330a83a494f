import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { SANDBOX_CLIENT } from '../../src/providers/connectpay/clients.js';
import { verifyNotification } from '../../src/providers/connectpay/notification-signature.js';
import type { DeliveryAttempt } from '../../src/providers/connectpay/notifier.js';
import { startReceiver } from '../helpers/receiver.js';
import { bookOf } from './helpers/drive.js';
import { fakeBankPayment, startTestSandbox, type TestSandbox } from './helpers/sandbox.js';

describe('ConnectPay notifications to notificationUrl', () => {
  let t: TestSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  before(async () => {
    t = await startTestSandbox();
  });
  afterEach(async () => {
    await t.sandbox.connectPay.notifier.idle();
    await receiver?.close();
  });
  after(() => t.close());

  async function deliveriesOf(paymentId: string): Promise<DeliveryAttempt[]> {
    const response = await fetch(`${t.base}/admin/notifications?paymentId=${paymentId}`);
    return ((await response.json()) as { notifications: DeliveryAttempt[] }).notifications;
  }

  it('POSTs the Get payment details body on every status change (Pending, then Completed)', async () => {
    receiver = await startReceiver();
    const paymentId = await fakeBankPayment(t, { notificationUrl: receiver.url });
    const drive = bookOf(t);
    drive.login(paymentId);
    await receiver.waitFor(1);
    drive.code(paymentId);
    await receiver.waitFor(2);
    assert.deepEqual(
      receiver.received.map((item) => item.body.payment.status),
      ['Pending', 'Completed'],
    );
    const details = await t.client.details(paymentId);
    assert.deepEqual(receiver.received[1].body, details.body);
    assert.equal(receiver.received[1].headers['content-type'], 'application/json');
  });

  it('carries x-connectpay-timestamp and a sandbox signature that verifies with the client secret', async () => {
    receiver = await startReceiver();
    const paymentId = await fakeBankPayment(t, { notificationUrl: receiver.url });
    bookOf(t).login(paymentId);
    await receiver.waitFor(1);
    const [notification] = receiver.received;
    assert.match(
      String(notification.headers['x-connectpay-timestamp']),
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );
    const header = String(notification.headers['x-sandbox-signature']);
    assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.doesNotThrow(() =>
      verifyNotification({
        rawBody: notification.rawBody,
        header,
        secret: SANDBOX_CLIENT.notificationSecret,
      }),
    );
    assert.throws(() => verifyNotification({ rawBody: notification.rawBody, header, secret: 'wrong' }), {
      name: 'NotificationSignatureError',
    });
  });

  it('retries a non-2xx answer with backoff and records every attempt, in the log and in the history', async () => {
    receiver = await startReceiver([500, 503]);
    const paymentId = await fakeBankPayment(t, { notificationUrl: receiver.url });
    bookOf(t).login(paymentId);
    await receiver.waitFor(3);
    await t.sandbox.connectPay.notifier.idle();
    const attempts = await deliveriesOf(paymentId);
    assert.deepEqual(
      attempts.map(({ attempt, statusCode, delivered }) => ({ attempt, statusCode, delivered })),
      [
        { attempt: 1, statusCode: 500, delivered: false },
        { attempt: 2, statusCode: 503, delivered: false },
        { attempt: 3, statusCode: 200, delivered: true },
      ],
    );
    assert.deepEqual(
      receiver.received.map((item) => item.headers['x-sandbox-attempt']),
      ['1', '2', '3'],
    );
    // Every attempt carries the same body bytes.
    assert.equal(new Set(receiver.received.map((item) => item.rawBody)).size, 1);
    const history = bookOf(t)
      .get(paymentId)
      .history.map((entry) => entry.note);
    assert.ok(
      history.includes('notification Pending attempt 1: HTTP 500, not delivered'),
      history.join(' | '),
    );
    assert.ok(history.includes('notification Pending attempt 3: HTTP 200'), history.join(' | '));
  });

  it('gives up after 5 attempts', async () => {
    receiver = await startReceiver([500, 500, 500, 500, 500, 500, 500]);
    const paymentId = await fakeBankPayment(t, { notificationUrl: receiver.url });
    bookOf(t).login(paymentId);
    await receiver.waitFor(5);
    await t.sandbox.connectPay.notifier.idle();
    assert.equal(receiver.received.length, 5);
    const attempts = await deliveriesOf(paymentId);
    assert.deepEqual(
      attempts.map((item) => item.attempt),
      [1, 2, 3, 4, 5],
    );
    assert.ok(attempts.every((item) => !item.delivered));
  });

  it('retries when the receiver cannot be reached, recording the network error', async () => {
    receiver = await startReceiver();
    const unreachable = receiver.url;
    await receiver.close();
    const paymentId = await fakeBankPayment(t, { notificationUrl: unreachable });
    bookOf(t).login(paymentId);
    await t.sandbox.connectPay.notifier.idle();
    const attempts = await deliveriesOf(paymentId);
    assert.equal(attempts.length, 5);
    assert.ok(attempts.every((item) => item.statusCode === undefined && typeof item.error === 'string'));
  });

  it('sends nothing when the payment has no notificationUrl', async () => {
    const paymentId = await fakeBankPayment(t);
    bookOf(t).login(paymentId);
    await t.sandbox.connectPay.notifier.idle();
    assert.deepEqual(await deliveriesOf(paymentId), []);
  });

  it('notifies the manual review (PendingProvider) and the admin approval (Completed)', async () => {
    receiver = await startReceiver();
    const paymentId = await fakeBankPayment(t, { notificationUrl: receiver.url, amount: '99.99' });
    const drive = bookOf(t);
    drive.login(paymentId);
    drive.code(paymentId);
    await receiver.waitFor(2);
    const approved = await t.client.approve(paymentId);
    assert.equal(approved.status, 200);
    await receiver.waitFor(3);
    assert.deepEqual(
      receiver.received.map((item) => item.body.payment.status),
      ['Pending', 'PendingProvider', 'Completed'],
    );
  });
});
