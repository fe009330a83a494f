import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse } from '@pay-checkout/contract';
import { pgliteStore } from '../src/store/pglite-store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, SHOP_ORIGIN, startKit, TEE_ORDER } from './helpers/kit-server.js';

/** docs/reliability.md 10–11 (OWASP open-redirect guidance, PCI DSS SAQ A). */
describe('reliability: return flow and redirects', () => {
  const store = pgliteStore({ memory: true });
  const book = orderBook({ 'order-1': TEE_ORDER });
  const provider = new FakeProvider();
  let kit: KitServer;

  before(async () => {
    kit = await startKit({ providers: [provider], resolveOrder: book.resolveOrder, store });
  });
  after(async () => {
    await kit.close();
    await store.close();
  });

  // One payment per order: every session here gets its own order unless the test names one.
  async function openSession(order = book.fresh()): Promise<string> {
    const response = await kit.createSession({ order, method: 'card' });
    assert.equal(response.status, 201);
    return CreateSessionResponse.parse(await response.json()).sessionId;
  }

  it('R10: ?status=paid on the return URL while the provider says pending → the page shows pending', async () => {
    const sessionId = await openSession();
    const response = await fetch(kit.url(`return/${sessionId}?status=paid&status=succeeded&reason=none`));
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1 id="status-heading">Waiting for your payment<\/h1>/);
    assert.match(html, /data-status="pending"/);
    assert.doesNotMatch(html, /data-status="succeeded"/);
    const session = await store.getSession(sessionId);
    assert.equal(session?.status, 'pending');
  });

  it('R10: the return page reconciles with the provider, so it shows what the provider says', async () => {
    const sessionId = await openSession();
    provider.setStatus(provider.paymentFor(sessionId).providerRef, { status: 'succeeded', raw: 'Completed' });
    const html = await (await fetch(kit.url(`return/${sessionId}`))).text();
    assert.match(html, /<h1 id="status-heading">Payment successful<\/h1>/);
    assert.equal((await store.getSession(sessionId))?.status, 'succeeded');
  });

  it('R11: merchant return URLs outside the allow-list are refused (no Return to merchant link)', async () => {
    const hostile = [
      'https://evil.example/thanks',
      '//evil.example/thanks',
      '/\\evil.example/thanks',
      'javascript:alert(document.domain)',
      'JaVaScRiPt:alert(1)',
      'https:%2F%2Fevil.example',
      'https://shop.test@evil.example/',
      'https://shop.test.evil.example/',
      'https://evil.example%2F@shop.test/',
      'data:text/html,<script>alert(1)</script>',
      '%2F%2Fevil.example',
    ];
    for (const returnUrl of hostile) {
      const sessionId = await openSession(book.fresh({ ...TEE_ORDER, returnUrl }));
      provider.setStatus(provider.paymentFor(sessionId).providerRef, {
        status: 'succeeded',
        raw: 'Completed',
      });
      const html = await (await fetch(kit.url(`return/${sessionId}`))).text();
      assert.match(html, /<h1 id="status-heading">Payment successful<\/h1>/, returnUrl);
      assert.doesNotMatch(html, /id="return-link"/, `no link for ${returnUrl}`);
      assert.doesNotMatch(html, /evil\.example/i, `nothing of ${returnUrl} on the page`);
    }
    // The allow-listed one is offered, with the session id.
    const sessionId = await openSession();
    provider.setStatus(provider.paymentFor(sessionId).providerRef, { status: 'succeeded', raw: 'Completed' });
    const html = await (await fetch(kit.url(`return/${sessionId}`))).text();
    assert.match(html, new RegExp(`href="${SHOP_ORIGIN}/thanks\\?session=${sessionId}"`));
  });

  it('R11: provider redirect URLs outside the adapter allow-list are refused with 502 unsafe_redirect', async () => {
    const hostile = [
      'https://evil.example/pay',
      '//pay.fake.test/pay',
      '/\\pay.fake.test/pay',
      'javascript:alert(1)',
      'https://pay.fake.test@evil.example/pay',
      'https://pay.fake.test.evil.example/pay',
      'https:%2F%2Fevil.example',
    ];
    try {
      for (const url of hostile) {
        provider.redirectUrl = () => url;
        const response = await kit.createSession({ order: 'order-1', method: 'card' });
        assert.equal(response.status, 502, url);
        assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'unsafe_redirect');
      }
      // http is only for sandbox adapters.
      const live = new FakeProvider({ id: 'livepay', sandbox: false, redirectHost: '127.0.0.1:9' });
      live.redirectUrl = () => 'http://127.0.0.1:9/pay';
      const liveKit = await startKit({ providers: [live], resolveOrder: book.resolveOrder, store });
      try {
        const response = await liveKit.createSession({ order: 'order-1', method: 'card' });
        assert.equal(response.status, 502);
        const [session] = [...live.payments.values()];
        assert.equal((await store.getSession(session.input.sessionId))?.status, 'failed');
      } finally {
        await liveKit.close();
      }
    } finally {
      provider.redirectUrl = undefined;
    }
  });
});
