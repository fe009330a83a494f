import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  PAYTECH_TEST_CARDS,
  PAYTECH_TEST_SHOP,
  payPaytechCheckout,
  type RunningSandbox,
  signPaytechWebhook,
  verifyPaytechWebhook,
} from '../../src/index.js';
import { startReceiver } from '../helpers/receiver.js';
import { type PaytechApi, startPaytech, waitForState } from './helpers.js';

describe('pay.tech stage: signed webhooks', () => {
  let sandbox: RunningSandbox;
  let api: PaytechApi;
  before(async () => {
    ({ sandbox, api } = await startPaytech());
  });
  after(() => sandbox.close());

  it('posts the PaymentResult on a final state, signed with lowercase hex HMAC-SHA256 of the raw body', async () => {
    const receiver = await startReceiver();
    try {
      const { body } = await api.deposit({ webhookUrl: receiver.url });
      await payPaytechCheckout(body.result.redirectUrl, PAYTECH_TEST_CARDS.noThreeDsSuccess);
      await receiver.waitFor(1);
      const [webhook] = receiver.received;
      const signature = String(webhook.headers.signature);
      assert.match(signature, /^[0-9a-f]{64}$/);
      assert.equal(signature, signPaytechWebhook(webhook.rawBody, PAYTECH_TEST_SHOP.signingKey));
      assert.ok(verifyPaytechWebhook(webhook.rawBody, signature, PAYTECH_TEST_SHOP.signingKey));
      const base64 = Buffer.from(signature, 'hex').toString('base64');
      assert.ok(verifyPaytechWebhook(webhook.rawBody, base64, PAYTECH_TEST_SHOP.signingKey), 'base64 too');
      assert.ok(!verifyPaytechWebhook(`${webhook.rawBody} `, signature, PAYTECH_TEST_SHOP.signingKey));
      const sent = JSON.parse(webhook.rawBody);
      assert.deepEqual(sent, (await api.get(body.result.id)).body.result);
      assert.equal(sent.state, 'COMPLETED');
    } finally {
      await receiver.close();
    }
  });

  it('sends AUTHORIZED, then COMPLETED after a capture; a refund child reports its parent', async () => {
    const receiver = await startReceiver();
    try {
      const { body } = await api.deposit({ webhookUrl: receiver.url, preAuth: true, amount: 30 });
      await payPaytechCheckout(body.result.redirectUrl, PAYTECH_TEST_CARDS.threeDsSuccess);
      await receiver.waitFor(1);
      await api.capture(body.result.id, { amount: 20 });
      await receiver.waitFor(2);
      const refund = await api.refund(body.result.id, 5, { webhookUrl: receiver.url });
      await waitForState(api, refund.body.result.id, 'COMPLETED');
      await receiver.waitFor(3);
      const states = receiver.received
        .map((r) => JSON.parse(r.rawBody))
        .map((b) => [b.paymentType, b.state, b.amount]);
      assert.deepEqual(states, [
        ['DEPOSIT', 'AUTHORIZED', 30],
        ['DEPOSIT', 'COMPLETED', 20],
        ['REFUND', 'COMPLETED', 5],
      ]);
      assert.equal(JSON.parse(receiver.received[2].rawBody).parentPaymentId, body.result.id);
    } finally {
      await receiver.close();
    }
  });

  it('retries after a 5xx and delivers duplicates when the knob says so', async () => {
    const receiver = await startReceiver([500]);
    try {
      const { body } = await api.deposit(
        { webhookUrl: receiver.url },
        { 'x-sandbox-duplicate-notifications': '1' },
      );
      await payPaytechCheckout(body.result.redirectUrl, PAYTECH_TEST_CARDS.noThreeDsDeclined);
      await receiver.waitFor(3);
      await sandbox.stage('paytech').notifier.idle();
      const log = await (
        await fetch(`${sandbox.urlOf('paytech')}/admin/notifications?paymentId=${body.result.id}`)
      ).json();
      const delivered = log.notifications.filter((attempt: { delivered: boolean }) => attempt.delivered);
      assert.equal(delivered.length, 2, 'both copies delivered');
      assert.ok(log.notifications.some((attempt: { statusCode?: number }) => attempt.statusCode === 500));
      assert.ok(receiver.received.every((r) => JSON.parse(r.rawBody).state === 'DECLINED'));
    } finally {
      await receiver.close();
    }
  });

  it('holds AUTHORIZED back until the final state when the reorder knob is on', async () => {
    const receiver = await startReceiver();
    try {
      const { body } = await api.deposit(
        { webhookUrl: receiver.url, preAuth: true },
        { 'x-sandbox-reorder-notifications': '1' },
      );
      await payPaytechCheckout(body.result.redirectUrl, PAYTECH_TEST_CARDS.noThreeDsSuccess);
      await api.void(body.result.id);
      await receiver.waitFor(2);
      assert.deepEqual(
        receiver.received.map((r) => JSON.parse(r.rawBody).state),
        ['CANCELLED', 'AUTHORIZED'],
      );
    } finally {
      await receiver.close();
    }
  });

  it("falls back to the shop's webhook setting when a payment names none", async () => {
    const receiver = await startReceiver();
    const admin = `${sandbox.urlOf('paytech')}/admin/shops/${PAYTECH_TEST_SHOP.shopId}/webhook`;
    const put = (webhookUrl: string | null) =>
      fetch(admin, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ webhookUrl }),
      });
    try {
      assert.equal((await put(receiver.url)).status, 200);
      const { body } = await api.deposit();
      await payPaytechCheckout(body.result.redirectUrl, PAYTECH_TEST_CARDS.noThreeDsSuccess);
      await receiver.waitFor(1);
      assert.equal(JSON.parse(receiver.received[0].rawBody).id, body.result.id);
    } finally {
      await put(null);
      await receiver.close();
    }
  });
});
