import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { SANDBOX_CLIENT, SANDBOX_CLIENT_B, SANDBOX_CLIENTS } from '../../src/providers/connectpay/clients.js';
import { type ConnectPayTestClient, connectPayTestClient } from '../../src/testing.js';
import { paymentBody, startTestSandbox, type TestSandbox } from './helpers/sandbox.js';

/**
 * Two merchant accounts at one ConnectPay stage, as two adapter instances of the kit use them
 * ("connectpay-a", "connectpay-b"): each has its own credentials, brand and key, sees only its own
 * payments, and can be made to fail or slow down on its own through the per-client knobs.
 */

interface ErrorBody {
  error: { code: string; fields?: { path: string }[] };
}

async function putKnobs(base: string, body: unknown, clientId?: string) {
  const query = clientId === undefined ? '' : `?clientId=${encodeURIComponent(clientId)}`;
  const response = await fetch(`${base}/admin/knobs${query}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const bodyFor = (brandId: string) => paymentBody({ merchant: { brandId } });

describe('ConnectPay with two built-in clients', () => {
  let t: TestSandbox;
  let a: ConnectPayTestClient;
  let b: ConnectPayTestClient;
  before(async () => {
    t = await startTestSandbox();
    a = connectPayTestClient(t.base, SANDBOX_CLIENT);
    b = connectPayTestClient(t.base, SANDBOX_CLIENT_B);
  });
  afterEach(async () => {
    await fetch(`${t.base}/admin/reset`, { method: 'POST' });
  });
  after(() => t.close());

  it('gives the second client its own id, secret, brand, key pair and notification secret', () => {
    assert.deepEqual(
      SANDBOX_CLIENTS.map((client) => client.clientId),
      ['sandbox-client', 'sandbox-client-b'],
    );
    for (const key of [
      'clientSecret',
      'brandId',
      'privateKeyPem',
      'publicKeyPem',
      'notificationSecret',
    ] as const) {
      assert.notEqual(SANDBOX_CLIENT_B[key], SANDBOX_CLIENT[key], key);
    }
  });

  it('lets each client pay under its own brand, and refuses the other brand', async () => {
    assert.equal((await a.initiate(bodyFor(SANDBOX_CLIENT.brandId))).status, 201);
    const created = await b.initiate(bodyFor(SANDBOX_CLIENT_B.brandId));
    assert.equal(created.status, 201);
    assert.equal(created.body.merchant.brandId, SANDBOX_CLIENT_B.brandId);
    const wrongBrand = await b.initiate(bodyFor(SANDBOX_CLIENT.brandId));
    assert.equal(wrongBrand.status, 400);
    assert.deepEqual(
      (wrongBrand.body as unknown as ErrorBody).error.fields?.map((field) => field.path),
      ['merchant.brandId'],
    );
  });

  it("does not show one client's payments to the other", async () => {
    const created = await a.initiate(bodyFor(SANDBOX_CLIENT.brandId));
    const paymentId = created.body.payment.paymentId;
    assert.equal((await a.details(paymentId)).status, 200);
    assert.equal((await b.details(paymentId)).status, 404);
    const listed = await b.call('GET', 'merchant/payments');
    assert.deepEqual((listed.body as { payments: unknown[] }).payments, []);
  });

  it("refuses the second client's credentials signed with the first client's key", async () => {
    const mixed = connectPayTestClient(t.base, {
      clientId: SANDBOX_CLIENT_B.clientId,
      clientSecret: SANDBOX_CLIENT_B.clientSecret,
      privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
    });
    const answer = await mixed.initiate(bodyFor(SANDBOX_CLIENT_B.brandId));
    assert.equal(answer.status, 401);
    assert.equal((answer.body as unknown as ErrorBody).error.code, 'invalid_signature');
  });

  it("fails only the second client's API calls when its error rate is 1, until it is reset to the global one", async () => {
    const set = await putKnobs(t.base, { errorRate: 1 }, SANDBOX_CLIENT_B.clientId);
    assert.equal(set.status, 200);
    assert.deepEqual(set.body.clients, { 'sandbox-client-b': { errorRate: 1 } });
    assert.equal(set.body.errorRate, 0);

    const failed = await b.initiate(bodyFor(SANDBOX_CLIENT_B.brandId));
    assert.equal(failed.status, 500);
    assert.equal((failed.body as unknown as ErrorBody).error.code, 'sandbox_injected_error');
    assert.equal((await b.call('GET', 'merchant/providers?countryCode=DE')).status, 500);
    assert.equal((await a.initiate(bodyFor(SANDBOX_CLIENT.brandId))).status, 201);

    const payments = (await (await fetch(`${t.base}/admin/payments`)).json()) as {
      payments: { clientId: string }[];
    };
    assert.deepEqual(
      payments.payments.map((payment) => payment.clientId),
      ['sandbox-client'],
    );

    const cleared = await putKnobs(t.base, { errorRate: null }, SANDBOX_CLIENT_B.clientId);
    assert.deepEqual(cleared.body.clients, {});
    assert.equal((await b.initiate(bodyFor(SANDBOX_CLIENT_B.brandId))).status, 201);
  });

  it('keeps the first client working when only its own error rate is 0 and the global one is 1', async () => {
    await putKnobs(t.base, { errorRate: 1 });
    await putKnobs(t.base, { errorRate: 0 }, SANDBOX_CLIENT.clientId);
    assert.equal((await a.initiate(bodyFor(SANDBOX_CLIENT.brandId))).status, 201);
    assert.equal((await b.initiate(bodyFor(SANDBOX_CLIENT_B.brandId))).status, 500);
  });

  it("slows down only the second client's API calls with its own latency", async () => {
    await putKnobs(t.base, { latencyMs: 800 }, SANDBOX_CLIENT_B.clientId);
    const timed = async (client: ConnectPayTestClient, brandId: string) => {
      const started = performance.now();
      const answer = await client.initiate(bodyFor(brandId));
      assert.equal(answer.status, 201);
      return performance.now() - started;
    };
    assert.ok((await timed(b, SANDBOX_CLIENT_B.brandId)) >= 790);
    assert.ok((await timed(a, SANDBOX_CLIENT.brandId)) < 790);
  });

  it('answers 404 client_not_found for knobs of an unknown client and 400 for a bad value', async () => {
    const unknown = await putKnobs(t.base, { errorRate: 1 }, 'nobody');
    assert.equal(unknown.status, 404);
    assert.equal((unknown.body as unknown as ErrorBody).error.code, 'client_not_found');
    const bad = await putKnobs(t.base, { errorRate: 2, notificationDelayMs: 5 }, SANDBOX_CLIENT_B.clientId);
    assert.equal(bad.status, 400);
    assert.deepEqual((bad.body as unknown as ErrorBody).error.fields?.map((field) => field.path).sort(), [
      '(body)',
      'errorRate',
    ]);
  });

  it('forgets per-client knobs on reset', async () => {
    await putKnobs(t.base, { errorRate: 1 }, SANDBOX_CLIENT_B.clientId);
    await fetch(`${t.base}/admin/reset`, { method: 'POST' });
    const knobs = (await (await fetch(`${t.base}/admin/knobs`)).json()) as { clients: object };
    assert.deepEqual(knobs.clients, {});
    assert.equal((await b.initiate(bodyFor(SANDBOX_CLIENT_B.brandId))).status, 201);
  });
});
