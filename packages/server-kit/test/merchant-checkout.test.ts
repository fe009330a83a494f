import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, MerchantSessionView, OperationResponse } from '@pay-checkout/contract';
import { parseConfig } from '../src/config.js';
import { CheckoutError, ConfigError } from '../src/errors.js';
import { errorCode } from './helpers/error-code.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';
import { OperationsAdapter } from './helpers/operations-adapter.js';

const MERCHANT_KEY = 'mk_checkout_0123456789';

describe('merchant operations through createCheckout', () => {
  let kit: KitServer;
  const adapter = new OperationsAdapter();
  const book = orderBook({ 'order-1': TEE_ORDER });
  let keys = 0;

  before(async () => {
    kit = await startKit({
      providers: [adapter],
      resolveOrder: book.resolveOrder,
      merchantKey: MERCHANT_KEY,
    });
  });
  after(() => kit.close());

  /** A card payment the operations adapter authorizes at once (`next: none`). */
  async function authorized(): Promise<string> {
    const response = await kit.createSession({ order: book.fresh(), method: 'card' }, `open-${++keys}`);
    assert.equal(response.status, 201);
    const body = CreateSessionResponse.parse(await response.json());
    assert.equal(body.status, 'authorized');
    return body.sessionId;
  }

  function merchant(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(kit.url(`merchant/${path}`), {
      ...init,
      headers: { authorization: `Bearer ${MERCHANT_KEY}`, ...(init.headers as Record<string, string>) },
    });
  }

  it('captures over HTTP and shows the merchant view, while the shopper view stays the plain one', async () => {
    const sessionId = await authorized();
    const captured = await merchant(`sessions/${sessionId}/capture`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'cap-1' },
      body: JSON.stringify({ amount: 1000 }),
    });
    assert.equal(captured.status, 201);
    assert.equal(OperationResponse.parse(await captured.json()).session.status, 'succeeded');

    const view = MerchantSessionView.parse(await (await merchant(`sessions/${sessionId}`)).json());
    assert.deepEqual(view.amounts, { authorized: 1999, captured: 1000, refunded: 0 });
    const shopper = (await (await fetch(kit.url(`sessions/${sessionId}`))).json()) as Record<string, unknown>;
    assert.equal(shopper.status, 'succeeded');
    assert.equal('amounts' in shopper || 'operations' in shopper, false);
    // The order id is in the shopper view too (issue 16: the merchant's page checks a session is its order's).
    assert.equal(typeof shopper.orderId, 'string');

    const denied = await fetch(kit.url(`merchant/sessions/${sessionId}`));
    assert.deepEqual([denied.status, await errorCode(denied)], [401, 'unauthorized']);
  });

  it('captures, refunds and voids in code, with the same rules', async () => {
    const sessionId = await authorized();
    const capture = await kit.checkout.capture(sessionId, { idempotencyKey: 'code-cap' });
    assert.equal(capture.operation.amount.value, 1999);
    const refund = await kit.checkout.refund(sessionId, { amount: 500, idempotencyKey: 'code-ref' });
    assert.deepEqual(refund.session.amounts, { authorized: 1999, captured: 1999, refunded: 500 });

    const other = await authorized();
    const voided = await kit.checkout.void(other, { idempotencyKey: 'code-void' });
    assert.equal(voided.session.status, 'cancelled');
    await assert.rejects(kit.checkout.capture(other, { idempotencyKey: 'code-late' }), (error: unknown) => {
      assert.ok(error instanceof CheckoutError);
      assert.deepEqual([error.code, error.status], ['already_voided', 409]);
      return true;
    });
  });
});

describe('merchantKey config', () => {
  it('refuses a merchant key shorter than 16 characters, naming the field but never the key', () => {
    assert.throws(
      () =>
        parseConfig({
          providers: [new OperationsAdapter()],
          resolveOrder: async () => undefined,
          publicUrl: 'http://shop.test/checkout',
          allowedOrigins: [],
          merchantKey: 'short-key-42',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /config\.merchantKey: must be at least 16 characters/);
        assert.doesNotMatch(error.message, /short-key-42/);
        return true;
      },
    );
  });
});
