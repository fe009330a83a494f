import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MerchantSessionView, OperationResponse } from '@pay-checkout/contract';
import { errorResponse } from '../src/http/json.js';
import { Router } from '../src/http/router.js';
import { merchantOperationRoute, merchantSessionRoute } from '../src/routes/merchant-routes.js';
import type { RouteDeps } from '../src/routes/route-deps.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import type { CheckoutStore, SessionRecord } from '../src/store/store.js';
import { errorCode } from './helpers/error-code.js';
import { OperationsAdapter } from './helpers/operations-adapter.js';
import { type OperationsContext, operationsContext } from './helpers/operations-context.js';

const MERCHANT_KEY = 'mk_test_0123456789abcdef';
const BASE = 'http://shop.test/checkout';

/**
 * The merchant routes as `createCheckout` mounts them (`checkout.ts`, `buildRouter`), with the same
 * translation of errors at the boundary: a handler's thrown error becomes `{error: {code, message}}`.
 */
function merchantApi(deps: RouteDeps): (request: Request) => Promise<Response> {
  const router = new Router('/checkout')
    .add('GET', 'merchant/sessions/:id', merchantSessionRoute(deps))
    .add('POST', 'merchant/sessions/:id/capture', merchantOperationRoute(deps, 'capture'))
    .add('POST', 'merchant/sessions/:id/void', merchantOperationRoute(deps, 'void'))
    .add('POST', 'merchant/sessions/:id/refund', merchantOperationRoute(deps, 'refund'));
  return async (request) => {
    const url = new URL(request.url);
    try {
      const { handler, params } = router.resolve(request.method, url);
      return await handler({ request, url, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

describe('merchant API over HTTP', () => {
  let store: CheckoutStore;
  let kit: OperationsContext;
  let api: (request: Request) => Promise<Response>;
  const adapter = new OperationsAdapter({ id: 'opstest' });
  const noOps = new OperationsAdapter({ id: 'noops', operations: {} });
  let keys = 0;

  before(async () => {
    store = pgliteStore({ memory: true });
    await store.migrate();
    kit = operationsContext(store, [adapter, noOps], { merchantKey: MERCHANT_KEY });
    api = merchantApi(kit.deps);
  });
  after(() => store.close());

  function post(
    session: SessionRecord | string,
    kind: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const id = typeof session === 'string' ? session : session.id;
    return api(
      new Request(`${BASE}/merchant/sessions/${id}/${kind}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${MERCHANT_KEY}`,
          'idempotency-key': `http-${++keys}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    );
  }

  function get(session: SessionRecord | string, headers: Record<string, string> = {}): Promise<Response> {
    const id = typeof session === 'string' ? session : session.id;
    return api(
      new Request(`${BASE}/merchant/sessions/${id}`, {
        headers: { authorization: `Bearer ${MERCHANT_KEY}`, ...headers },
      }),
    );
  }

  describe('authentication', () => {
    it('answers 401 unauthorized without the merchant key, before looking at the session', async () => {
      const session = await kit.session('opstest', 'authorized');
      const wrong = [
        {},
        { authorization: `Bearer ${MERCHANT_KEY.slice(0, -1)}x` }, // same length, one character off
        { authorization: `Bearer ${MERCHANT_KEY}x` },
        { authorization: 'Bearer ' },
        { authorization: `Basic ${MERCHANT_KEY}` },
        { authorization: MERCHANT_KEY },
      ];
      for (const headers of wrong) {
        const plain = headers as Record<string, string>;
        const denied = await api(
          new Request(`${BASE}/merchant/sessions/${session.id}/capture`, {
            method: 'POST',
            headers: { 'idempotency-key': 'k', ...plain },
          }),
        );
        assert.equal(denied.status, 401, JSON.stringify(headers));
        assert.match(denied.headers.get('www-authenticate') ?? '', /^Bearer /);
        assert.equal(await errorCode(denied), 'unauthorized');
        const read = await api(new Request(`${BASE}/merchant/sessions/no-such-session`, { headers: plain }));
        assert.equal(read.status, 401, 'an unknown session is not revealed either');
      }
      assert.deepEqual(await store.listOperations(session.id), []);
    });

    it('accepts the key with the scheme in any case', async () => {
      const session = await kit.session('opstest', 'authorized');
      const response = await get(session, { authorization: `bearer ${MERCHANT_KEY}` });
      assert.equal(response.status, 200);
    });

    it('answers 404 merchant_api_disabled on every merchant route when no merchant key is configured', async () => {
      const disabled = merchantApi(operationsContext(store, [adapter]).deps);
      const session = await kit.session('opstest', 'authorized');
      for (const request of [
        new Request(`${BASE}/merchant/sessions/${session.id}`, {
          headers: { authorization: `Bearer ${MERCHANT_KEY}` },
        }),
        new Request(`${BASE}/merchant/sessions/${session.id}/capture`, {
          method: 'POST',
          headers: { authorization: `Bearer ${MERCHANT_KEY}`, 'idempotency-key': 'k' },
        }),
      ]) {
        const response = await disabled(request);
        assert.equal(response.status, 404);
        assert.equal(await errorCode(response), 'merchant_api_disabled');
      }
      assert.deepEqual(await store.listOperations(session.id), []);
    });
  });

  describe('operations', () => {
    it('captures with 201, replays with 200 and the replay header, and refuses a changed request under the key', async () => {
      const session = await kit.session('opstest', 'authorized');
      const headers = { 'idempotency-key': 'capture-once' };
      const created = await post(session, 'capture', { amount: 500 }, headers);
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('content-type'), 'application/json; charset=utf-8');
      const body = OperationResponse.parse(await created.json());
      assert.deepEqual(
        [body.operation.kind, body.operation.status, body.operation.amount.value],
        ['capture', 'succeeded', 500],
      );
      assert.deepEqual(body.session.amounts, { authorized: 1250, captured: 500, refunded: 0 });
      assert.equal(body.session.status, 'succeeded');

      const calls = adapter.calls.length;
      const replayed = await post(session, 'capture', { amount: 500 }, headers);
      assert.equal(replayed.status, 200);
      assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
      assert.equal(
        OperationResponse.parse(await replayed.json()).operation.operationId,
        body.operation.operationId,
      );
      assert.equal(adapter.calls.length, calls, 'the provider is not asked again');

      const changed = await post(session, 'capture', { amount: 600 }, headers);
      assert.equal(changed.status, 422);
      assert.equal(await errorCode(changed), 'idempotency_key_reused');
    });

    it('captures everything that is left for a POST without a body', async () => {
      const session = await kit.session('opstest', 'authorized');
      const response = await post(session, 'capture');
      assert.equal(response.status, 201);
      assert.equal(OperationResponse.parse(await response.json()).operation.amount.value, 1250);
    });

    it('voids an authorization and refunds a sale in parts', async () => {
      const voided = await post(await kit.session('opstest', 'authorized'), 'void', {});
      assert.equal(voided.status, 201);
      assert.equal(OperationResponse.parse(await voided.json()).session.status, 'cancelled');

      const sale = await kit.session('opstest', 'succeeded');
      const refund = await post(sale, 'refund', { amount: 250 });
      assert.equal(refund.status, 201);
      const body = OperationResponse.parse(await refund.json());
      assert.deepEqual(body.session.amounts, { authorized: 1250, captured: 1250, refunded: 250 });
    });

    it('answers every refusal with its own code and status, sending nothing to the provider', async () => {
      const captured = await kit.session('opstest', 'authorized');
      assert.equal((await post(captured, 'capture', { amount: 1000 })).status, 201);
      const voided = await kit.session('opstest', 'authorized');
      assert.equal((await post(voided, 'void')).status, 201);
      const cases: [SessionRecord, string, unknown, string, number][] = [
        [await kit.session('opstest', 'pending'), 'capture', undefined, 'payment_not_final', 409],
        [await kit.session('opstest', 'expired'), 'refund', undefined, 'payment_failed', 409],
        [captured, 'void', undefined, 'already_captured', 409],
        [voided, 'capture', undefined, 'already_voided', 409],
        [await kit.session('opstest', 'succeeded'), 'capture', undefined, 'not_capturable', 409],
        [captured, 'capture', { amount: 251 }, 'amount_exceeds_authorized', 422],
        [captured, 'refund', { amount: 1001 }, 'amount_exceeds_refundable', 422],
        [await kit.session('opstest', 'authorized'), 'refund', undefined, 'nothing_to_refund', 409],
        [await kit.session('noops', 'authorized'), 'capture', undefined, 'operation_unsupported', 409],
      ];
      const calls = adapter.calls.length;
      for (const [session, kind, body, code, status] of cases) {
        const before = await store.listOperations(session.id);
        const response = await post(session, kind, body);
        assert.deepEqual([response.status, await errorCode(response)], [status, code], `${kind} → ${code}`);
        assert.deepEqual(await store.listOperations(session.id), before, `${code}: nothing stored`);
      }
      assert.equal(adapter.calls.length, calls);
    });

    it('answers operation_in_progress to a retry while the provider still works', async () => {
      const session = await kit.session('opstest', 'authorized');
      adapter.next.push('hold');
      const headers = { 'idempotency-key': 'held-over-http' };
      const first = post(session, 'capture', {}, headers);
      while (adapter.calls.at(-1)?.input.payment.providerRef !== `pay_${session.id}`) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const retry = await post(session, 'capture', {}, headers);
      assert.deepEqual([retry.status, await errorCode(retry)], [409, 'operation_in_progress']);
      adapter.release();
      assert.equal((await first).status, 201);
    });

    it('validates the request before anything else', async () => {
      const session = await kit.session('opstest', 'authorized');
      const cases: [Response, number, string][] = [
        [await post(session, 'capture', {}, { 'idempotency-key': '' }), 400, 'invalid_idempotency_key'],
        [await post(session, 'capture', { amount: 0 }), 400, 'invalid_request'],
        [await post(session, 'capture', { amount: '100' }), 400, 'invalid_request'],
        [await post(session, 'capture', { amount: 100, currency: 'USD' }), 400, 'invalid_request'],
        [await post(session, 'void', { amount: 100 }), 400, 'invalid_request'],
        [await post(session, 'capture', '{"amount":', {}), 400, 'invalid_json'],
        [
          await post(session, 'capture', 'amount=100', {
            'content-type': 'application/x-www-form-urlencoded',
          }),
          415,
          'unsupported_media_type',
        ],
        [await post('no-such-session', 'capture', {}), 404, 'session_not_found'],
      ];
      for (const [response, status, code] of cases) {
        assert.deepEqual([response.status, await errorCode(response)], [status, code]);
      }
      const noKey = await api(
        new Request(`${BASE}/merchant/sessions/${session.id}/capture`, {
          method: 'POST',
          headers: { authorization: `Bearer ${MERCHANT_KEY}` },
        }),
      );
      assert.deepEqual([noKey.status, await errorCode(noKey)], [400, 'invalid_idempotency_key']);
      assert.deepEqual(await store.listOperations(session.id), []);
    });
  });

  describe('merchant view', () => {
    it('shows the shopper view with order id, amounts, operations and tries', async () => {
      const session = await kit.session('opstest', 'succeeded');
      await post(session, 'refund', { amount: 100 });
      const response = await get(session);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const view = MerchantSessionView.parse(await response.json());
      assert.deepEqual(
        [view.sessionId, view.orderId, view.status, view.amounts],
        [session.id, session.orderId, 'succeeded', { authorized: 1250, captured: 1250, refunded: 100 }],
      );
      assert.deepEqual(
        view.operations.map((operation) => [operation.kind, operation.status, operation.amount.value]),
        [['refund', 'succeeded', 100]],
      );
      assert.deepEqual(view.attempts, []);
    });

    it('answers 404 session_not_found for an unknown session', async () => {
      const response = await get('AAAAAAAAAAAAAAAAAAAAAA');
      assert.deepEqual([response.status, await errorCode(response)], [404, 'session_not_found']);
    });
  });
});
