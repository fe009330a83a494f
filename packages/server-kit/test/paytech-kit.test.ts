import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateSessionResponse,
  MerchantSessionView,
  type SessionStatus,
  SessionView,
  type StatusReason,
} from '@pay-checkout/contract';
import {
  cancelPaytechCheckout,
  PAYTECH_TEST_CARDS,
  type PaytechStage,
  payPaytechCheckout,
  paytechTestShop,
  type RunningSandbox,
  startSandbox,
} from '@pay-checkout/sandbox';
import type { ResolvedOrder } from '../src/config.js';
import { paytech, signPaytechTestPayload } from '../src/providers/paytech/index.js';
import { type KitServer, orderBook, SHOP_ORIGIN, startKit } from './helpers/kit-server.js';
import { waitFor } from './helpers/wait-for.js';

const MERCHANT_KEY = 'mk_paytech_kit_0123456789';

function order(amount: string): ResolvedOrder {
  return { amount, currency: 'EUR', description: 'Order', returnUrl: `${SHOP_ORIGIN}/thanks` };
}

/**
 * pay.tech through the kit, end to end over HTTP, for every row of docs/test-data.md and every operation:
 * the kit opens the session, the shopper pays on the sandbox's hosted page, the stage's signed webhook
 * is applied as it says (no re-fetch: the poller is off and `GET sessions/:id` never reconciles).
 * Two instances of the adapter: `paytech` charges at once, `paytech-manual` pre-authorizes.
 */
describe('pay.tech through the kit (sandbox over HTTP, every docs/test-data.md row and operation)', () => {
  let sandbox: RunningSandbox;
  let stage: PaytechStage;
  let kit: KitServer;
  const book = orderBook();
  let seq = 0;
  /** Makes the next deposit's answer get lost after pay.tech created it (a reset connection). */
  let loseNextCreate = false;

  before(async () => {
    sandbox = await startSandbox({
      port: 0,
      providers: ['paytech'],
      log: () => {},
      notificationRetryBaseMs: 20,
    });
    stage = sandbox.stage('paytech');
    const common = {
      baseUrl: sandbox.urlOf('paytech'),
      ...paytechTestShop,
      retryBackoff: { baseMs: 5, maxMs: 20 },
    };
    const losing: typeof fetch = async (input, init) => {
      const answer = await fetch(input, init);
      if (loseNextCreate && init?.method === 'POST' && String(input).endsWith('/api/v1/payments')) {
        loseNextCreate = false;
        await answer.body?.cancel();
        throw new TypeError('fetch failed: the connection was reset');
      }
      return answer;
    };
    kit = await startKit({
      providers: [
        paytech({ ...common, fetch: losing }),
        paytech({ ...common, id: 'paytech-manual', capture: 'manual' }),
      ],
      resolveOrder: book.resolveOrder,
      merchantKey: MERCHANT_KEY,
    });
  });
  after(async () => {
    await kit?.close();
    await sandbox?.close();
  });

  async function open(
    amount = '19.99',
    provider?: string,
  ): Promise<{ sessionId: string; redirectUrl: string; orderId: string }> {
    const orderId = `order-${++seq}`;
    book.orders.set(orderId, order(amount));
    const response = await kit.createSession({
      order: orderId,
      method: 'card',
      ...(provider ? { provider } : {}),
    });
    const text = await response.text();
    assert.equal(response.status, 201, text);
    return { ...CreateSessionResponse.parse(JSON.parse(text)), orderId };
  }

  async function settles(
    sessionId: string,
    status: SessionStatus,
    reason?: StatusReason,
  ): Promise<SessionView> {
    const view = await waitFor(async () => {
      const current = SessionView.parse(await (await fetch(kit.url(`sessions/${sessionId}`))).json());
      return current.status === status ? current : undefined;
    }, `session ${sessionId} → ${status}`);
    assert.equal(view.reason, reason);
    return view;
  }

  async function merchantView(sessionId: string): Promise<MerchantSessionView> {
    const response = await fetch(kit.url(`merchant/sessions/${sessionId}`), {
      headers: { authorization: `Bearer ${MERCHANT_KEY}` },
    });
    assert.equal(response.status, 200);
    return MerchantSessionView.parse(await response.json());
  }

  /** The stage's own record of the session's payment. */
  function stagePayment(sessionId: string) {
    const [payment] = stage.book.list(
      (p) => p.paymentType === 'DEPOSIT' && p.referenceId?.endsWith(sessionId) === true,
    );
    assert.ok(payment, `the stage has a deposit for ${sessionId}`);
    return payment;
  }

  describe('the test cards', () => {
    const ROWS = [
      { card: PAYTECH_TEST_CARDS.threeDsSuccess, label: '3-D Secure, succeeds', status: 'succeeded' },
      {
        card: PAYTECH_TEST_CARDS.threeDsDeclined,
        label: '3-D Secure, declined',
        status: 'failed',
        reason: 'declined',
      },
      { card: PAYTECH_TEST_CARDS.noThreeDsSuccess, label: 'no 3-D Secure, succeeds', status: 'succeeded' },
      {
        card: PAYTECH_TEST_CARDS.noThreeDsDeclined,
        label: 'no 3-D Secure, declined',
        status: 'failed',
        reason: 'declined',
      },
    ] as const;
    for (const row of ROWS) {
      it(`card ${row.card} (${row.label}) ends ${row.status}`, async () => {
        const { sessionId, redirectUrl } = await open();
        assert.match(redirectUrl, new RegExp(`^${sandbox.urlOf('paytech')}/payment/[0-9a-f]{32}$`));
        const outcome = await payPaytechCheckout(redirectUrl, row.card);
        assert.equal(outcome.returnUrl, kit.url(`return/${sessionId}`));
        await settles(sessionId, row.status, 'reason' in row ? row.reason : undefined);
        const payment = stagePayment(sessionId);
        assert.equal(payment.state, row.status === 'succeeded' ? 'COMPLETED' : 'DECLINED');
        assert.equal(payment.webhookUrl, kit.url('notifications/paytech'));
      });
    }

    it('a failed 3-D Secure challenge ends failed with authentication_failed (5.00)', async () => {
      const { sessionId, redirectUrl } = await open();
      await payPaytechCheckout(redirectUrl, PAYTECH_TEST_CARDS.threeDsSuccess, { threeDs: 'fail' });
      await settles(sessionId, 'failed', 'authentication_failed');
    });

    it('Cancel on the payment page ends cancelled by the shopper; an abandoned checkout expires', async () => {
      const cancelled = await open();
      await cancelPaytechCheckout(cancelled.redirectUrl);
      await settles(cancelled.sessionId, 'cancelled', 'cancelled_by_shopper');
      const abandoned = await open();
      stage.book.expire(stagePayment(abandoned.sessionId).id);
      await settles(abandoned.sessionId, 'expired', 'expired');
    });
  });

  it('refuses a deposit of 10000000 EUR or more before any redirect: 422 provider_refused naming 1.08', async () => {
    const orderId = `order-${++seq}`;
    book.orders.set(orderId, order('10000000.00'));
    const response = await kit.createSession({ order: orderId, method: 'card' });
    assert.equal(response.status, 422);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'provider_refused');
    assert.match(error.message, /1\.08/);
    assert.match(error.message, /less than 10000000/);
    assert.equal(stage.book.list((p) => p.amount >= 1_000_000_000).length, 0, 'nothing was created');
  });

  it('adopts the deposit pay.tech made when the answer was lost (referenceId.eq), never a second one', async () => {
    loseNextCreate = true;
    const { sessionId, redirectUrl } = await open();
    assert.equal(stage.book.list((p) => p.referenceId?.endsWith(sessionId) === true).length, 1);
    await payPaytechCheckout(redirectUrl, PAYTECH_TEST_CARDS.noThreeDsSuccess);
    await settles(sessionId, 'succeeded');
  });

  describe('signed webhooks', () => {
    async function postWebhook(body: string, signature: string | undefined): Promise<Response> {
      return fetch(kit.url('notifications/paytech'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { signature } : {}) },
        body,
      });
    }

    it('applies a signed webhook as it says, without asking pay.tech again', async () => {
      const { sessionId } = await open();
      const payment = stagePayment(sessionId);
      // The stage still says CHECKOUT: only the signed body can move the session.
      const body = JSON.stringify({
        id: payment.id,
        referenceId: payment.referenceId,
        paymentType: 'DEPOSIT',
        state: 'COMPLETED',
        amount: 19.99,
        currency: 'EUR',
      });
      const signature = Buffer.from(signPaytechTestPayload(body, paytechTestShop.signingKey), 'hex').toString(
        'base64',
      );
      assert.equal((await postWebhook(body, signature)).status, 200);
      await settles(sessionId, 'succeeded');
      assert.equal(stage.book.get(payment.id)?.state, 'CHECKOUT');
    });

    it('refuses a missing or wrong signature with 401 and changes nothing', async () => {
      const { sessionId } = await open();
      const payment = stagePayment(sessionId);
      const body = JSON.stringify({ id: payment.id, paymentType: 'DEPOSIT', state: 'COMPLETED' });
      for (const signature of [undefined, signPaytechTestPayload(body, 'not the signing key')]) {
        const answer = await postWebhook(body, signature);
        assert.equal(answer.status, 401);
        assert.equal(((await answer.json()) as { error: { code: string } }).error.code, 'invalid_signature');
      }
      const view = await merchantView(sessionId);
      assert.equal(view.status, 'pending');
      const stored = await kit.store.eventsSince(sessionId, 0);
      assert.ok(stored.every((event) => event.source !== 'notification'));
    });
  });

  describe('operations (paytech-manual pre-authorizes)', () => {
    async function authorized(amount = '50.00') {
      const opened = await open(amount, 'paytech-manual');
      await payPaytechCheckout(opened.redirectUrl, PAYTECH_TEST_CARDS.threeDsSuccess);
      await settles(opened.sessionId, 'authorized');
      assert.equal(stagePayment(opened.sessionId).state, 'AUTHORIZED');
      return opened;
    }

    it('authorize → partial capture → partial refund (a child payment, settled by its webhook)', async () => {
      const { sessionId } = await authorized();
      const captured = await kit.checkout.capture(sessionId, {
        amount: 3000,
        idempotencyKey: `cap-${sessionId}`,
      });
      assert.equal(captured.operation.status, 'succeeded');
      assert.equal(captured.session.status, 'succeeded');
      const payment = stagePayment(sessionId);
      assert.equal(payment.state, 'COMPLETED');
      assert.equal(payment.amount, 3000);

      const refund = await kit.checkout.refund(sessionId, {
        amount: 1000,
        idempotencyKey: `ref-${sessionId}`,
      });
      assert.equal(refund.operation.status, 'pending');
      const child = stage.book.get(refund.operation.providerRef ?? '');
      assert.equal(child?.paymentType, 'REFUND');
      assert.equal(child?.parentPaymentId, payment.id);
      assert.equal(child?.referenceId, refund.operation.operationId);
      const settled = await waitFor(async () => {
        const view = await merchantView(sessionId);
        return view.operations.find((op) => op.kind === 'refund')?.status === 'succeeded' ? view : undefined;
      }, 'the refund settled by the child webhook');
      assert.deepEqual(settled.amounts, { authorized: 5000, captured: 3000, refunded: 1000 });
      assert.equal(settled.status, 'succeeded');
    });

    it('authorize → void: cancelled at both ends; a capture after it is refused by the kit', async () => {
      const { sessionId } = await authorized();
      const voided = await kit.checkout.void(sessionId, { idempotencyKey: `void-${sessionId}` });
      assert.equal(voided.operation.status, 'succeeded');
      assert.equal(voided.session.status, 'cancelled');
      assert.equal(stagePayment(sessionId).state, 'CANCELLED');
      await assert.rejects(kit.checkout.capture(sessionId, { idempotencyKey: `cap-${sessionId}` }), /void/);
      await settles(sessionId, 'cancelled');
    });

    it("a refund above 10000 EUR is refused by the sandbox: the operation fails with pay.tech's words", async () => {
      const { sessionId } = await authorized('12000.00');
      await kit.checkout.capture(sessionId, { idempotencyKey: `cap-${sessionId}` });
      const refund = await kit.checkout.refund(sessionId, { idempotencyKey: `ref-${sessionId}` });
      assert.equal(refund.operation.status, 'failed');
      assert.match(refund.operation.reason ?? '', /1\.08.*at most 10000/);
      assert.equal(refund.session.amounts.refunded, 0);
      assert.equal(stage.book.list((p) => p.parentPaymentId === stagePayment(sessionId).id).length, 0);
    });

    it("a second capture of a completed payment is pay.tech's 1.00 Illegal Workflow State", async () => {
      const { sessionId } = await authorized();
      await kit.checkout.capture(sessionId, { amount: 1000, idempotencyKey: `cap1-${sessionId}` });
      const second = await kit.checkout.capture(sessionId, {
        amount: 1000,
        idempotencyKey: `cap2-${sessionId}`,
      });
      assert.equal(second.operation.status, 'failed');
      assert.match(second.operation.reason ?? '', /1\.00/);
    });
  });
});
