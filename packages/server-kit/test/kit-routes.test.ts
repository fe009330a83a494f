import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, OptionsResponse, SessionView } from '@pay-checkout/contract';
import { errorCode } from './helpers/error-code.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, SHOP_ORIGIN, startKit, TEE_ORDER } from './helpers/kit-server.js';

describe('server-kit routes', () => {
  let kit: KitServer;
  let provider: FakeProvider;
  const book = orderBook({ 'order-1': TEE_ORDER });

  before(async () => {
    provider = new FakeProvider();
    kit = await startKit({ providers: [provider], resolveOrder: book.resolveOrder });
  });
  after(() => kit.close());

  describe('GET options', () => {
    it('answers the order amount in minor units, the methods, banks of the country and the mode', async () => {
      const response = await fetch(kit.url('options?order=order-1&country=DE&language=de'), {
        headers: { origin: SHOP_ORIGIN },
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), SHOP_ORIGIN);
      const body = OptionsResponse.parse(await response.json());
      assert.deepEqual(body.amount, { value: 1999, currency: 'EUR' });
      assert.deepEqual(
        body.methods.map((m) => m.id),
        ['pis', 'card', 'googlepay', 'applepay'],
      );
      assert.deepEqual(body.banks, [
        {
          id: 'fake-bank',
          name: 'Fake Bank with Client Keys',
          country: 'DE',
          bic: 'FAKEDEFFXXX',
          provider: 'fakepay',
        },
      ]);
      assert.equal(body.mode, 'sandbox');
      assert.ok(body.languages.includes('en'));
    });

    it('answers 404 order_not_found for an order resolveOrder does not know', async () => {
      const response = await fetch(kit.url('options?order=nope'));
      assert.equal(response.status, 404);
      assert.equal(await errorCode(response), 'order_not_found');
    });

    it('answers 400 naming the field for a malformed query', async () => {
      const response = await fetch(kit.url('options?order=order-1&country=germany'));
      assert.equal(response.status, 400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'invalid_request');
      assert.match(body.error.message, /country/);
    });

    it('gives no CORS grant to a foreign origin', async () => {
      const response = await fetch(kit.url('options?order=order-1'), {
        headers: { origin: 'https://evil.test' },
      });
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    });
  });

  describe('POST sessions', () => {
    it('opens a session: 201 with session id, provider redirect URL and status pending', async () => {
      const response = await kit.createSession({
        order: 'order-1',
        method: 'card',
        language: 'de',
        country: 'DE',
      });
      assert.equal(response.status, 201);
      const body = CreateSessionResponse.parse(await response.json());
      assert.match(body.sessionId, /^[A-Za-z0-9_-]{22}$/);
      assert.equal(body.status, 'pending');
      const payment = provider.paymentFor(body.sessionId);
      assert.equal(body.redirectUrl, `https://pay.fake.test/pay?key=${payment.providerRef}`);
      assert.equal(payment.input.returnUrl, `${kit.base}/return/${body.sessionId}`);
      assert.equal(payment.input.notificationUrl, `${kit.base}/notifications/fakepay`);
      assert.equal(payment.input.language, 'de');
    });

    it('takes the amount only from resolveOrder, never from the browser', async () => {
      const response = await kit.createSession({
        order: 'order-1',
        method: 'card',
        amount: 1,
        currency: 'JPY',
      });
      const { sessionId } = CreateSessionResponse.parse(await response.json());
      assert.deepEqual(provider.paymentFor(sessionId).input.amount, { value: 1999, currency: 'EUR' });
    });

    it('refuses bad input with a precise status and stores nothing', async () => {
      const initiations = provider.calls.initiate;
      const cases: [Response, number, string][] = [
        [await kit.createSession('{"order":', 'bad-json'), 400, 'invalid_json'],
        [await kit.createSession({ order: 'order-1', method: 'cash' }, 'bad-method'), 400, 'invalid_request'],
        [await kit.createSession({ method: 'card' }, 'no-order'), 400, 'invalid_request'],
        [await kit.createSession({ order: 'nope', method: 'card' }, 'no-such-order'), 404, 'order_not_found'],
        [
          await kit.createSession({ order: 'order-1', method: 'card' }, 'text-body', {
            'content-type': 'text/plain',
          }),
          415,
          'unsupported_media_type',
        ],
        [
          await kit.createSession({ order: 'order-1', method: 'card' }, 'foreign', {
            origin: 'https://evil.test',
          }),
          403,
          'origin_not_allowed',
        ],
      ];
      for (const [response, status, code] of cases) {
        assert.equal(response.status, status, code);
        assert.equal(await errorCode(response), code);
      }
      assert.equal(provider.calls.initiate, initiations, 'no provider call for bad input');
      // The keys of refused requests were not consumed: a good request with one of them succeeds.
      const retry = await kit.createSession({ order: 'order-1', method: 'card' }, 'bad-json');
      assert.equal(retry.status, 201);
    });

    it('answers 400 method_not_available when no provider offers the method', async () => {
      const cardOnly = new FakeProvider({ methods: ['card'] });
      const other = await startKit({
        providers: [cardOnly],
        resolveOrder: book.resolveOrder,
        store: kit.store,
      });
      try {
        const response = await other.createSession({ order: 'order-1', method: 'pis' });
        assert.equal(response.status, 400);
        assert.equal(await errorCode(response), 'method_not_available');
      } finally {
        await other.close();
      }
    });
  });

  describe('GET sessions/:id', () => {
    it('answers the unified status view without personal data', async () => {
      const created = CreateSessionResponse.parse(
        await (
          await kit.createSession({ order: book.fresh(), method: 'pis', bank: 'fake-bank', country: 'DE' })
        ).json(),
      );
      const response = await fetch(kit.url(`sessions/${created.sessionId}`));
      assert.equal(response.status, 200);
      const raw = (await response.json()) as Record<string, unknown>;
      const view = SessionView.strict().parse(raw);
      assert.equal(view.sessionId, created.sessionId);
      assert.equal(view.status, 'pending');
      assert.deepEqual(view.amount, { value: 1999, currency: 'EUR' });
      assert.equal(view.method, 'pis');
      assert.equal(view.provider, 'fakepay');
    });

    it('answers 404 session_not_found for unknown and malformed ids', async () => {
      for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '1', '..%2F..%2Fetc']) {
        const response = await fetch(kit.url(`sessions/${id}`));
        assert.equal(response.status, 404);
        assert.equal(await errorCode(response), 'session_not_found');
      }
    });
  });

  describe('POST notifications/:provider', () => {
    it('re-fetches on a hint and applies what the provider says: 200 {received: true}', async () => {
      const created = CreateSessionResponse.parse(
        await (await kit.createSession({ order: book.fresh(), method: 'card' })).json(),
      );
      const { providerRef } = provider.paymentFor(created.sessionId);
      provider.setStatus(providerRef, { status: 'succeeded', raw: 'Completed' });
      const response = await fetch(kit.url('notifications/fakepay'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paymentId: providerRef }),
      });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { received: true });
      assert.equal((await kit.store.getSession(created.sessionId))?.status, 'succeeded');
    });

    it('answers 400 for a malformed notification and changes nothing', async () => {
      const created = CreateSessionResponse.parse(
        await (await kit.createSession({ order: book.fresh(), method: 'card' })).json(),
      );
      const statusCalls = provider.calls.status;
      for (const body of ['not json', '{"payment":{}}']) {
        const response = await fetch(kit.url('notifications/fakepay'), { method: 'POST', body });
        assert.equal(response.status, 400);
        assert.equal(await errorCode(response), 'invalid_request');
      }
      assert.equal(provider.calls.status, statusCalls);
      assert.equal((await kit.store.getSession(created.sessionId))?.status, 'pending');
    });

    it('answers 405 for GET on the notification route', async () => {
      const response = await fetch(kit.url('notifications/fakepay'));
      assert.equal(response.status, 405);
    });
  });

  describe('routing', () => {
    it('answers 404 not_found for unknown routes and paths outside the base path', async () => {
      for (const path of [
        `${kit.base}/nope`,
        `${kit.base}/sessions/a/b/c`,
        kit.base.replace('/checkout', '/other'),
      ]) {
        const response = await fetch(path);
        assert.equal(response.status, 404, path);
        assert.equal(await errorCode(response), 'not_found');
      }
    });

    it('answers 405 method_not_allowed with Allow for a wrong method', async () => {
      const response = await fetch(kit.url('options?order=order-1'), { method: 'DELETE' });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'GET');
      assert.equal(await errorCode(response), 'method_not_allowed');
    });

    it('answers a CORS preflight for allowed origins and refuses foreign ones', async () => {
      const ok = await fetch(kit.url('sessions'), {
        method: 'OPTIONS',
        headers: { origin: SHOP_ORIGIN, 'access-control-request-method': 'POST' },
      });
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get('access-control-allow-origin'), SHOP_ORIGIN);
      assert.match(ok.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
      const foreign = await fetch(kit.url('sessions'), {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' },
      });
      assert.equal(foreign.status, 403);
      assert.equal(await errorCode(foreign), 'origin_not_allowed');
    });
  });
});
