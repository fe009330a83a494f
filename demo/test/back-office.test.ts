import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { connectPayTestClient, type RunningSandbox, startSandbox } from '@pay-checkout/sandbox';
import { type CheckoutStore, pgliteStore, toNodeHandler } from '@pay-checkout/server-kit';
// A provider adapter with merchant operations, from server-kit's own tests: ConnectPay has none, so
// this one proves the buttons and the operation path until a real provider with operations lands.
import { FakeProvider } from '../../packages/server-kit/test/helpers/fake-provider.js';
import { createShopApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { OrderBook } from '../src/orders.js';
import { CHECKOUT_PATH, createShopPayments, type ShopPayments } from '../src/payments.js';

const MERCHANT_KEY = 'test-merchant-key-4c1f9a7e2b';

// The demo as `npm start` wires it, over real HTTP: the ConnectPay sandbox, server-kit on an in-memory
// PGlite store, and beside ConnectPay a fake provider that supports capture, void and refund.
describe('the back office', () => {
  let sandbox: RunningSandbox;
  let server: Server;
  let base: string;
  let store: CheckoutStore;
  let payments: ShopPayments;
  const fake = new FakeProvider({ operations: { capture: 'partial', void: true, refund: 'partial' } });

  before(async () => {
    sandbox = await startSandbox({ port: 0, log: () => {} });
    // The shop's URL goes into the kit's config, so listen first and wire the app once the port is known.
    let app: RequestListener = (_req, res) => res.writeHead(503).end();
    server = createServer((req, res) => app(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    const config = loadConfig({
      PORT: String(port),
      SHOP_URL: base,
      SANDBOX_PORT: String(sandbox.port),
      MERCHANT_KEY,
      LOG_LEVEL: 'silent',
    });
    const orders = new OrderBook();
    store = pgliteStore({ memory: true });
    payments = createShopPayments(config, orders, { sandboxUrl: sandbox.url, extraProviders: [fake], store });
    app = createShopApp({
      deps: {
        config,
        orders,
        checkoutPath: CHECKOUT_PATH,
        paymentHistory: payments.paymentHistory,
        elementIntegrity: async () => undefined,
        backOffice: payments.backOffice,
      },
      checkout: toNodeHandler(payments.checkout),
      isReady: () => true,
    });
    await payments.checkout.ready;
  });

  after(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await payments?.checkout.close();
    await store?.close();
    await sandbox?.close();
  });

  // ── helpers: what a browser and the element do ────────────────────────────────────────────────

  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual' as const,
  });

  /** The `name=value` part of each Set-Cookie, by name. */
  function cookiesOf(response: Response): Map<string, string> {
    return new Map(
      response.headers.getSetCookie().map((line) => {
        const pair = line.split(';')[0];
        return [pair.slice(0, pair.indexOf('=')), pair] as const;
      }),
    );
  }

  async function signIn(): Promise<string> {
    const response = await fetch(`${base}/back-office/sign-in`, form({ merchantKey: MERCHANT_KEY }));
    assert.equal(response.status, 303);
    const cookie = cookiesOf(response).get('back_office');
    assert.ok(cookie);
    return cookie;
  }

  async function page(cookie: string): Promise<string> {
    const response = await fetch(`${base}/back-office`, { headers: { cookie } });
    assert.equal(response.status, 200);
    return response.text();
  }

  /** One session's part of the page. */
  function article(html: string, sessionId: string): string {
    const start = html.indexOf(`<article class="bo-session" aria-labelledby="session-${sessionId}">`);
    assert.notEqual(start, -1, `session ${sessionId} is listed`);
    return html.slice(start, html.indexOf('</article>', start));
  }

  /** The hidden idempotency key of a session's operation form, or undefined when there is no such form. */
  function formKey(html: string, sessionId: string, kind: string): string | undefined {
    const action = `action="/back-office/sessions/${sessionId}/${kind}"`;
    const start = html.indexOf(action);
    if (start === -1) return undefined;
    return /name="idempotencyKey" value="([^"]+)"/.exec(html.slice(start))?.[1];
  }

  /** Presses a button: posts the form, then follows the redirect with the cookies as a browser would. */
  async function press(
    cookie: string,
    sessionId: string,
    kind: string,
    fields: Record<string, string>,
  ): Promise<{ status: number; location: string | null; page: string }> {
    const response = await fetch(`${base}/back-office/sessions/${sessionId}/${kind}`, {
      ...form(fields),
      headers: { ...form(fields).headers, cookie, origin: base },
    });
    const flash = cookiesOf(response).get('back_office_flash');
    const next = flash ? await page(`${cookie}; ${flash}`) : await response.text();
    return { status: response.status, location: response.headers.get('location'), page: next };
  }

  async function createOrder(): Promise<string> {
    const response = await fetch(`${base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ sku: 'tee', qty: 1 }] }),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { orderId: string }).orderId;
  }

  /** `POST /checkout/sessions` as the element sends it. */
  async function openSession(
    orderId: string,
    extra: Record<string, string> = {},
  ): Promise<{ sessionId: string; redirectUrl: string }> {
    const response = await fetch(`${base}${CHECKOUT_PATH}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), origin: base },
      body: JSON.stringify({ order: orderId, method: 'card', ...extra }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as { sessionId: string; redirectUrl: string };
  }

  async function statusOf(sessionId: string): Promise<string> {
    const response = await fetch(`${base}${CHECKOUT_PATH}/sessions/${sessionId}`);
    return ((await response.json()) as { status: string }).status;
  }

  async function waitForStatus(sessionId: string, status: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    while ((await statusOf(sessionId)) !== status) {
      if (Date.now() > deadline) assert.fail(`session ${sessionId} never reached ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** An order paid by card at the fake provider, authorized and not captured yet. */
  async function authorizedAtFake(): Promise<{ orderId: string; sessionId: string }> {
    const orderId = await createOrder();
    const { sessionId } = await openSession(orderId, { provider: fake.id });
    const { providerRef } = fake.paymentFor(sessionId);
    fake.setStatus(providerRef, { status: 'authorized', raw: 'Authorized' });
    // The provider's hint; server-kit re-reads the status from the adapter.
    const hint = await fetch(`${base}${CHECKOUT_PATH}/notifications/${fake.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ paymentId: providerRef }),
    });
    assert.equal(hint.status, 200);
    await waitForStatus(sessionId, 'authorized');
    return { orderId, sessionId };
  }

  // ── specs ─────────────────────────────────────────────────────────────────────────────────────

  it('asks for the merchant key first (401 with a labelled password field) and refuses a wrong one', async () => {
    const first = await fetch(`${base}/back-office`);
    assert.equal(first.status, 401);
    const signInPage = await first.text();
    assert.match(signInPage, /<label for="merchant-key">Merchant key<\/label>/);
    assert.match(signInPage, /<input id="merchant-key" name="merchantKey" type="password"/);

    const wrong = await fetch(`${base}/back-office/sign-in`, form({ merchantKey: `${MERCHANT_KEY}x` }));
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.headers.getSetCookie(), []);
    const wrongPage = await wrong.text();
    assert.match(wrongPage, /role="alert">That is not the merchant key/);
    assert.match(wrongPage, /aria-invalid="true" autofocus/);

    const forged = await fetch(`${base}/back-office`, {
      headers: { cookie: `back_office=${Date.now() + 60_000}.AAAAAAAAAAAAAAAA.${'A'.repeat(43)}` },
    });
    assert.equal(forged.status, 401);
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie that is not the key, and never shows the key', async () => {
    const response = await fetch(`${base}/back-office/sign-in`, form({ merchantKey: MERCHANT_KEY }));
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/back-office');
    const [setCookie] = response.headers.getSetCookie();
    assert.match(
      setCookie ?? '',
      /^back_office=[^;]+; Path=\/back-office; Max-Age=28800; HttpOnly; SameSite=Strict$/,
    );
    assert.ok(!setCookie?.includes(MERCHANT_KEY));
    const cookie = setCookie!.split(';')[0]!;
    const html = await page(cookie);
    assert.match(html, /<h1>Back office<\/h1>/);
    assert.ok(!html.includes(MERCHANT_KEY));

    const signOut = await fetch(`${base}/back-office/sign-out`, { ...form({}), headers: { cookie } });
    assert.equal(signOut.status, 303);
    assert.match(signOut.headers.getSetCookie()[0] ?? '', /^back_office=; Path=\/back-office; Max-Age=0;/);
  });

  it("lists an order's ConnectPay payment made through the sandbox, and says ConnectPay has no operations", async () => {
    const cookie = await signIn();
    const orderId = await createOrder();
    // Cards go to pay.tech first (demo/src/payments.ts, CARD_ROUTE): ConnectPay is pinned.
    const { sessionId, redirectUrl } = await openSession(orderId, { provider: 'connectpay' });
    await connectPayTestClient(sandbox.url).payWithCard(redirectUrl, '4242424242424242', {
      threeDs: 'pass',
    });
    await waitForStatus(sessionId, 'succeeded');
    const newer = await createOrder();

    const html = await page(cookie);
    // Newest order first.
    assert.ok(html.indexOf(`id="order-${newer}"`) < html.indexOf(`id="order-${orderId}"`));
    assert.ok(html.indexOf(`id="order-${orderId}"`) < html.indexOf(`id="session-${sessionId}"`));
    const shown = article(html, sessionId);
    assert.match(shown, /<dt>Status<\/dt><dd>succeeded<\/dd>/);
    assert.match(shown, /<dt>Provider<\/dt><dd>ConnectPay<\/dd>/);
    // A sale: the whole amount was taken at once.
    assert.match(shown, /<dt>Captured<\/dt><dd>€19\.99<\/dd>/);
    assert.match(shown, /<caption>Provider tries<\/caption>/);
    assert.match(shown, /ConnectPay does not support capture, void or refund\./);
    assert.ok(!shown.includes('<form'), 'no operation form for a ConnectPay payment');
  });

  it('captures part, then refunds part, of a payment at a provider with operations, through its forms', async () => {
    const cookie = await signIn();
    const { sessionId } = await authorizedAtFake();
    const before = await page(cookie);
    const authorized = article(before, sessionId);
    assert.match(authorized, /<dt>Authorized<\/dt><dd>€19\.99<\/dd>/);
    assert.match(authorized, /<label for="capture-[^"]+">Amount to capture \(EUR\)<\/label>/);
    assert.ok(formKey(authorized, sessionId, 'void'));
    assert.equal(formKey(authorized, sessionId, 'refund'), undefined, 'nothing captured, nothing to refund');
    assert.ok(!authorized.includes('does not support'));

    const captureKey = formKey(authorized, sessionId, 'capture')!;
    const captured = await press(cookie, sessionId, 'capture', {
      amount: '5.00',
      idempotencyKey: captureKey,
    });
    assert.equal(captured.status, 303);
    assert.equal(captured.location, '/back-office#result');
    assert.match(
      captured.page,
      new RegExp(`role="status">\\s*<p>Captured €5\\.00 of payment ${sessionId}\\.`),
    );
    assert.deepEqual(
      fake.paymentFor(sessionId).operations.map((operation) => operation.amount.value),
      [500],
    );
    const afterCapture = article(captured.page, sessionId);
    assert.match(afterCapture, /<dt>Status<\/dt><dd>succeeded<\/dd>/);
    assert.match(afterCapture, /<dt>Captured<\/dt><dd>€5\.00<\/dd>/);
    assert.match(afterCapture, /capture all €14\.99 left/);
    assert.equal(formKey(afterCapture, sessionId, 'void'), undefined, 'no void after a capture');
    assert.match(afterCapture, /refund all €5\.00 left/);

    // The same form sent twice (a double click, a re-sent post) is one capture at the provider.
    const again = await press(cookie, sessionId, 'capture', { amount: '5.00', idempotencyKey: captureKey });
    assert.match(again.page, /Captured €5\.00/);
    assert.equal(fake.paymentFor(sessionId).operations.length, 1);

    const refundKey = formKey(afterCapture, sessionId, 'refund')!;
    const refunded = await press(cookie, sessionId, 'refund', { amount: '2,00', idempotencyKey: refundKey });
    assert.match(refunded.page, /Refunded €2\.00 of payment/);
    const afterRefund = article(refunded.page, sessionId);
    assert.match(afterRefund, /<dt>Refunded<\/dt><dd>€2\.00<\/dd>/);
    assert.match(afterRefund, /refund all €3\.00 left/);
    assert.match(afterRefund, /<td>refund<\/td>\s*<td class="num">€2\.00<\/td>\s*<td>succeeded<\/td>/);
    assert.deepEqual(
      fake.paymentFor(sessionId).operations.map((operation) => operation.amount.value),
      [500, 200],
    );

    // The result is shown once: the page it was shown on cleared it.
    const reloaded = await fetch(`${base}/back-office`, { headers: { cookie } });
    assert.ok(!(await reloaded.text()).includes('id="result"'));
  });

  it("shows server-kit's refusal with its code, and sends nothing to the provider", async () => {
    const cookie = await signIn();
    const { sessionId } = await authorizedAtFake();
    const calls = fake.calls.operations;
    const tooMuch = await press(cookie, sessionId, 'capture', {
      amount: '25.00',
      idempotencyKey: randomUUID(),
    });
    assert.match(
      tooMuch.page,
      /role="alert">\s*<p>The capture of payment [\w-]+ was not done: .+\(amount_exceeds_authorized\)/,
    );
    const notAmount = await press(cookie, sessionId, 'capture', {
      amount: 'five',
      idempotencyKey: randomUUID(),
    });
    // What the merchant typed comes back escaped.
    assert.match(
      notAmount.page,
      /&quot;five&quot; is not an amount in EUR: write it like 5\.00\. \(invalid_amount\)/,
    );

    // A ConnectPay payment has no buttons; a hand-made post is refused by server-kit all the same.
    const connectPay = await openSession(await createOrder(), { provider: 'connectpay' });
    const unsupported = await press(cookie, connectPay.sessionId, 'void', { idempotencyKey: randomUUID() });
    assert.match(
      unsupported.page,
      /does not support void \(connectpay has no void\)\. \(operation_unsupported\)/,
    );
    assert.equal(fake.calls.operations, calls);
  });

  it('refuses operations without the sign-in cookie, and back-office posts from another origin', async () => {
    const { sessionId } = await authorizedAtFake();
    const calls = fake.calls.operations;
    const anonymous = await fetch(
      `${base}/back-office/sessions/${sessionId}/capture`,
      form({ idempotencyKey: randomUUID() }),
    );
    assert.equal(anonymous.status, 401);
    assert.match(await anonymous.text(), /Sign in to capture, void or refund payments\./);

    const cookie = await signIn();
    const crossSite = await fetch(`${base}/back-office/sessions/${sessionId}/void`, {
      ...form({ idempotencyKey: randomUUID() }),
      headers: { ...form({}).headers, cookie, origin: 'https://attacker.example' },
    });
    assert.equal(crossSite.status, 403);
    const crossSiteSignIn = await fetch(`${base}/back-office/sign-in`, {
      ...form({ merchantKey: MERCHANT_KEY }),
      headers: { ...form({}).headers, origin: 'https://attacker.example' },
    });
    assert.equal(crossSiteSignIn.status, 403);
    assert.deepEqual(crossSiteSignIn.headers.getSetCookie(), []);
    assert.equal(fake.calls.operations, calls);
    assert.equal(await statusOf(sessionId), 'authorized');
  });
});
