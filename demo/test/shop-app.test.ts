import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { PaymentEvent, SessionStatus } from '@pay-checkout/contract';
import { createShopApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { OrderBook } from '../src/orders.js';

// The shop's own routes over real HTTP, with a stand-in for server-kit (its handler only records
// that it was called: server-kit itself is tested in its package and in the e2e journeys).
describe('the demo shop app', () => {
  let server: Server;
  let base: string;
  let ready = false;
  const kitCalls: string[] = [];
  const orders = new OrderBook();

  before(async () => {
    server = createServer(
      createShopApp({
        deps: {
          config: loadConfig({}),
          orders,
          checkoutPath: '/checkout',
          paymentHistory: async () => undefined,
          elementIntegrity: async () => 'sha384-test',
        },
        checkout: (req, res) => {
          kitCalls.push(req.url ?? '');
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"kit":true}');
        },
        isReady: () => ready,
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  const postOrder = (body: unknown) =>
    fetch(`${base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers /healthz 503 until server-kit is ready, then 200', async () => {
    assert.equal((await fetch(`${base}/healthz`)).status, 503);
    ready = true;
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });

  it('creates an order with POST /api/orders {items} → 201 {orderId}, priced from the catalogue', async () => {
    const response = await postOrder({ items: [{ sku: 'review', qty: 1 }] });
    assert.equal(response.status, 201);
    const { orderId } = (await response.json()) as { orderId: string };
    const order = await (await fetch(`${base}/api/orders/${orderId}`)).json();
    assert.deepEqual(order.total, { value: 9999, currency: 'EUR' });
  });

  it('refuses a bad order body with 400 and the field, and non-JSON with 400', async () => {
    const response = await postOrder({ items: [{ sku: 'hat', qty: 1 }] });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'invalid_request');
    assert.match(body.error.message, /items\.0\.sku/);
    const text = await fetch(`${base}/api/orders`, { method: 'POST', body: 'items=tee' });
    assert.equal(text.status, 400);
  });

  it('hands everything under /checkout to server-kit, untouched', async () => {
    const response = await fetch(`${base}/checkout/options?order=x`);
    assert.deepEqual(await response.json(), { kit: true });
    assert.deepEqual(kitCalls.at(-1), '/checkout/options?order=x');
  });

  it('renders the script-tag checkout page with the element, the SRI hash and a strict CSP', async () => {
    const order = orders.createPurchase({ items: [{ sku: 'tee', qty: 1 }] });
    const response = await fetch(`${base}/orders/${order.id}/pay`);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const html = await response.text();
    assert.match(
      html,
      /<script type="module" src="\/checkout\/element.js" integrity="sha384-test"><\/script>/,
    );
    assert.match(html, new RegExp(`<pay-checkout endpoint="/checkout" order="${order.id}"`));
  });

  it('renders the ES module checkout page with a nonce-carrying import map', async () => {
    const order = orders.createPurchase({ items: [{ sku: 'tee', qty: 1 }] });
    const response = await fetch(`${base}/orders/${order.id}/pay-esm`);
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    const html = await response.text();
    assert.ok(nonce);
    assert.ok(html.includes(`<script type="importmap" nonce="${nonce}">`));
    assert.ok(
      html.includes(`<script type="module" nonce="${nonce}">import '@pay-checkout/element';</script>`),
    );
  });

  it('shows the order page status from the fulfilment hook only, never from the URL, and no Pay once paid', async () => {
    const order = orders.createPurchase({ items: [{ sku: 'tee', qty: 1 }] });
    const forged = await (await fetch(`${base}/orders/${order.id}?session=forged&status=succeeded`)).text();
    assert.match(forged, /Awaiting payment/);
    const event = (sessionId: string, type: PaymentEvent['type'], status: SessionStatus): PaymentEvent => ({
      id: `evt_${sessionId}_${type}`,
      type,
      timestamp: new Date().toISOString(),
      data: {
        orderId: order.id,
        sessionId,
        provider: 'connectpay',
        method: 'pis',
        amount: { value: 1999, currency: 'EUR' },
        status,
      },
    });
    orders.applyPaymentEvent(event('paid-session', 'payment.succeeded', 'succeeded'));
    // A later attempt's failure, and a duplicate, do not unpay the order.
    orders.applyPaymentEvent(event('other-session', 'payment.failed', 'failed'));
    orders.applyPaymentEvent(event('third-session', 'payment.duplicate', 'succeeded'));
    for (const url of [`/orders/${order.id}`, `/orders/${order.id}?session=forged`]) {
      const page = await (await fetch(`${base}${url}`)).text();
      assert.match(page, /Thank you! Payment received/);
      assert.doesNotMatch(page, /Pay now/);
    }
    const pay = await fetch(`${base}/orders/${order.id}/pay`, { redirect: 'manual' });
    assert.equal(pay.status, 303);
    assert.equal(pay.headers.get('location'), `/orders/${order.id}`);
  });

  it('links the back office discreetly from the footer, and keeps it off without a merchant key', async () => {
    const home = await (await fetch(`${base}/`)).text();
    assert.match(home, /<footer class="site-footer">[\s\S]*<a href="\/back-office">Back office<\/a>/);
    // No `backOffice` in the deps: no merchant key is configured.
    const off = await fetch(`${base}/back-office`);
    assert.equal(off.status, 404);
    assert.match(await off.text(), /Set <code>MERCHANT_KEY<\/code>/);
    const post = await fetch(`${base}/back-office/sessions/cs_1/refund`, { method: 'POST', body: '' });
    assert.equal(post.status, 404);
  });

  it('answers 404 for an unknown order or product', async () => {
    assert.equal((await fetch(`${base}/orders/ord-unknown/pay`)).status, 404);
    assert.equal((await fetch(`${base}/products/hat`)).status, 404);
  });

  it('creates an order from the cart form and empties the cart (post/redirect/get)', async () => {
    const response = await fetch(`${base}/cart/checkout`, {
      method: 'POST',
      headers: { cookie: 'cart=tee.2', 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location') ?? '', /^\/orders\/ord-[\w-]+\/pay$/);
    assert.match(response.headers.get('set-cookie') ?? '', /^cart=; .*Max-Age=0/);
  });

  it('refuses a top-up into an account that is not one of the shopper wallets', async () => {
    const response = await fetch(`${base}/topup`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'amount=2500&creditorIban=LT121000011101001000',
      redirect: 'manual',
    });
    assert.equal(response.status, 422);
  });
});
