import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse } from '@pay-checkout/contract';
import { errorCode } from './helpers/error-code.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

/**
 * After an initiation whose answer was lost, the kit adopts the payment it finds by our reference.
 * Some providers (ConnectPay) have no widget URL in their payment details, so the adapter points the
 * shopper at our own return page: that must be accepted, not refused as an unsafe redirect.
 */
describe('adopting a payment after a lost answer', () => {
  const provider = new FakeProvider();
  let kit: KitServer;

  before(async () => {
    kit = await startKit({
      providers: [provider],
      resolveOrder: orderBook({ 'order-1': TEE_ORDER }).resolveOrder,
    });
  });
  after(() => kit.close());

  it('never answers 201 with a found payment that names no page (next: none): it is kept, and a fresh attempt answers', async () => {
    // As ConnectPay's payment details: the lookup by reference finds the payment but no page for it.
    const find = provider.findByReference.bind(provider);
    provider.findByReference = async (input) => {
      const found = await find(input);
      return found && { ...found, next: { type: 'none' } };
    };
    provider.next.push('timeout-after-create');
    try {
      const response = await kit.createSession({ order: 'order-1', method: 'card' });
      const text = await response.text();
      assert.equal(response.status, 201, text);
      const { sessionId, redirectUrl } = CreateSessionResponse.parse(JSON.parse(text));
      assert.ok(redirectUrl.startsWith('https://pay.fake.test/'), redirectUrl);
      const sessions = await kit.store.listSessionsByOrder('order-1');
      const kept = sessions.find((s) => s.id !== sessionId);
      assert.ok(kept, 'the found payment keeps its own session');
      assert.equal(kept.providerRef, provider.paymentFor(kept.id).providerRef);
      assert.ok(kept.nextPollAt, 'watched by the poller');
    } finally {
      provider.findByReference = find;
    }
  });

  it('still refuses a found payment whose URL points anywhere else', async () => {
    provider.redirectUrl = () => 'https://evil.example/pay';
    provider.next.push('timeout-after-create');
    const response = await kit.createSession({ order: 'order-1', method: 'card' });
    assert.equal(response.status, 502);
    assert.equal(await errorCode(response), 'unsafe_redirect');
  });

  it('records a change learnt from an unsigned notification hint as coming from the notification', async () => {
    provider.redirectUrl = undefined;
    const response = await kit.createSession({ order: 'order-1', method: 'card' });
    const { sessionId } = CreateSessionResponse.parse(await response.json());
    const { providerRef } = provider.paymentFor(sessionId);
    provider.setStatus(providerRef, { status: 'succeeded', raw: 'Completed' });
    const hint = await fetch(kit.url(`notifications/${provider.id}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ paymentId: providerRef }),
    });
    assert.equal(hint.status, 200);
    const events = await kit.store.eventsSince(sessionId, 0);
    assert.deepEqual(
      events.map((e) => [e.status, e.source]),
      [
        ['created', 'create'],
        ['pending', 'initiate'],
        ['succeeded', 'notification'],
      ],
    );
  });
});
