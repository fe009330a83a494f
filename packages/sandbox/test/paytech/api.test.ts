import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PAYTECH_TEST_CARDS, payPaytechCheckout, type RunningSandbox } from '../../src/index.js';
import { type PaytechApi, paytechApi, startPaytech, waitForState } from './helpers.js';

describe('pay.tech stage: the Gateway API', () => {
  let sandbox: RunningSandbox;
  let api: PaytechApi;
  let base: string;
  before(async () => {
    ({ sandbox, api, base } = await startPaytech());
  });
  after(() => sandbox.close());

  /** A deposit paid with the no-3-D card: COMPLETED, or AUTHORIZED with preAuth. */
  async function paidDeposit(fields: Record<string, unknown> = {}) {
    const created = await api.deposit(fields);
    await payPaytechCheckout(created.body.result.redirectUrl, PAYTECH_TEST_CARDS.noThreeDsSuccess);
    return (await api.get(created.body.result.id)).body.result;
  }

  it('refuses a call without the Shop API Key, or with an unknown one, with 401', async () => {
    const anonymous = await fetch(`${base}/api/v1/payments`);
    assert.equal(anonymous.status, 401);
    assert.equal((await anonymous.json()).status, 401);
    assert.equal((await paytechApi(base, 'not-a-key').list()).status, 401);
  });

  it('creates a deposit in CHECKOUT with its hosted page, in the {timestamp, status, result} envelope', async () => {
    const { status, body } = await api.deposit({ referenceId: 'order-1', description: 'Tee' });
    assert.equal(status, 200);
    assert.match(body.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    assert.equal(body.status, 200);
    assert.match(body.result.id, /^[0-9a-f]{32}$/);
    assert.equal(body.result.state, 'CHECKOUT');
    assert.equal(body.result.paymentType, 'DEPOSIT');
    assert.equal(body.result.amount, 19.99);
    assert.equal(body.result.currency, 'EUR');
    assert.equal(body.result.referenceId, 'order-1');
    assert.match(body.result.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.equal(body.result.redirectUrl, `${base}/payment/${body.result.id}`);
  });

  it('refuses a deposit of 10000000 or more (sandbox limit) with 1.08, and takes one just below', async () => {
    const refused = await api.deposit({ amount: 10_000_000 });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errorCode, '1.08');
    assert.equal(refused.body.errorMessage, 'Invalid Amount');
    assert.match(refused.body.message, /less than 10000000/);
    assert.equal((await api.deposit({ amount: 9_999_999.99 })).status, 200);
  });

  it('names every invalid field with 400', async () => {
    const { status, body } = await api.call('POST', '/api/v1/payments', {
      paymentType: 'SALE',
      currency: 'euro',
      amount: 0,
    });
    assert.equal(status, 400);
    assert.deepEqual(body.errors.map((error: { field: string }) => error.field).sort(), [
      'amount',
      'currency',
      'paymentType',
    ]);
    const cents = await api.deposit({ amount: 1.999 });
    assert.equal(cents.status, 400);
    assert.equal(cents.body.errors[0].field, 'amount');
  });

  it("finds a payment by id; another shop's or an unknown one is 1.01 Not Found", async () => {
    const { body } = await api.deposit();
    assert.equal((await api.get(body.result.id)).body.result.id, body.result.id);
    const unknown = await api.get('0'.repeat(32));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.errorCode, '1.01');
    const other = (await (
      await fetch(`${base}/admin/shops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { apiKey: string };
    assert.equal((await paytechApi(base, other.apiKey).get(body.result.id)).status, 404);
  });

  it('lists payments most recent first, by referenceId.eq, with offset, limit and hasMore', async () => {
    const reference = `list-${Date.now()}`;
    const first = await api.deposit({ referenceId: reference });
    const second = await api.deposit({ referenceId: reference });
    const found = await api.list(`?referenceId.eq=${reference}`);
    assert.equal(found.status, 200);
    assert.deepEqual(
      found.body.result.map((payment: { id: string }) => payment.id),
      [second.body.result.id, first.body.result.id],
    );
    assert.equal(found.body.hasMore, false);
    const paged = await api.list(`?referenceId.eq=${reference}&limit=1&offset=0`);
    assert.equal(paged.body.result.length, 1);
    assert.equal(paged.body.hasMore, true);
    assert.deepEqual((await api.list('?referenceId.eq=nobody')).body.result, []);
  });

  it('searches the last 24 hours unless created.gte says otherwise, and checks the filters', async () => {
    const reference = `window-${Date.now()}`;
    await api.deposit({ referenceId: reference });
    const future = new Date(Date.now() + 3_600_000).toISOString().slice(0, 19);
    assert.equal(
      (await api.list(`?referenceId.eq=${reference}&created.gte=${future}`)).body.result.length,
      0,
    );
    assert.equal((await api.list(`?referenceId.eq=${reference}&created.lt=${future}`)).body.result.length, 1);
    assert.equal(
      (await api.list(`?referenceId.eq=${reference}&updated.gte=${future}`)).body.result.length,
      0,
    );
    const old = sandbox.stage('paytech').book.list((payment) => payment.referenceId === reference)[0];
    old.created -= 25 * 3_600_000;
    assert.equal(
      (await api.list(`?referenceId.eq=${reference}`)).body.result.length,
      0,
      'outside the default window',
    );
    assert.equal(
      (await api.list(`?referenceId.eq=${reference}&created.gte=2000-01-01T00:00:00`)).body.result.length,
      1,
    );
    const bad = await api.list('?limit=0&offset=-1&created.gte=yesterday');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors.map((error: { field: string }) => error.field).sort(), [
      'created.gte',
      'limit',
      'offset',
    ]);
  });

  it('captures an AUTHORIZED pre-authorization partially: COMPLETED for the captured amount', async () => {
    const authorized = await paidDeposit({ preAuth: true, amount: 50 });
    assert.equal(authorized.state, 'AUTHORIZED');
    assert.equal(authorized.preAuth, true);
    const over = await api.capture(authorized.id, { amount: 50.01 });
    assert.equal(over.status, 422);
    assert.equal(over.body.errorCode, '1.08');
    const captured = await api.capture(authorized.id, { amount: 30 });
    assert.equal(captured.status, 200);
    assert.equal(captured.body.result.state, 'COMPLETED');
    assert.equal(captured.body.result.amount, 30);
    const again = await api.capture(authorized.id);
    assert.equal(again.status, 409);
    assert.equal(again.body.errorCode, '1.00');
    const operations = (await api.operations(authorized.id)).body.result;
    assert.deepEqual(
      operations.map((op: { operation: string; amount: number }) => [op.operation, op.amount]),
      [
        ['CAPTURE', 30],
        ['AUTHORIZATION', 50],
      ],
    );
  });

  it('captures the whole authorization without a body', async () => {
    const authorized = await paidDeposit({ preAuth: true });
    const captured = await api.call('POST', `/api/v1/payments/${authorized.id}/capture`);
    assert.equal(captured.body.result.state, 'COMPLETED');
    assert.equal(captured.body.result.amount, 19.99);
  });

  it('voids an AUTHORIZED payment to CANCELLED, and nothing else', async () => {
    const authorized = await paidDeposit({ preAuth: true });
    const voided = await api.void(authorized.id);
    assert.equal(voided.status, 200);
    assert.equal(voided.body.result.state, 'CANCELLED');
    assert.equal((await api.capture(authorized.id)).body.errorCode, '1.00');
    assert.equal((await api.void(authorized.id)).status, 409);
    const sale = await paidDeposit();
    assert.equal(sale.state, 'COMPLETED');
    assert.equal((await api.void(sale.id)).body.errorCode, '1.00');
  });

  it('refunds as a child payment: PENDING, then COMPLETED, within what is left', async () => {
    const sale = await paidDeposit({ amount: 40 });
    const refund = await api.refund(sale.id, 15, { referenceId: 'refund-1' });
    assert.equal(refund.status, 200);
    assert.equal(refund.body.result.paymentType, 'REFUND');
    assert.equal(refund.body.result.state, 'PENDING');
    assert.equal(refund.body.result.parentPaymentId, sale.id);
    assert.equal(refund.body.result.amount, 15);
    assert.equal(refund.body.result.redirectUrl, undefined);
    await waitForState(api, refund.body.result.id, 'COMPLETED');
    const over = await api.refund(sale.id, 25.01);
    assert.equal(over.status, 422);
    assert.equal(over.body.errorCode, '1.08');
    const rest = await api.refund(sale.id);
    assert.equal(rest.body.result.amount, 25);
    const parentOps = (await api.operations(sale.id)).body.result.map(
      (op: { operation: string }) => op.operation,
    );
    await waitForState(api, rest.body.result.id, 'COMPLETED');
    assert.ok(parentOps.includes('REFUND'));
  });

  it('refuses a refund above 10000 (sandbox limit), of an unfinished deposit, or without a parent', async () => {
    const big = await paidDeposit({ amount: 10_000.01 });
    const refused = await api.refund(big.id, 10_000.01);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errorCode, '1.08');
    assert.match(refused.body.message, /at most 10000/);
    assert.equal((await api.refund(big.id, 10_000)).status, 200);
    const open = await api.deposit();
    assert.equal((await api.refund(open.body.result.id, 1)).body.errorCode, '1.00');
    assert.equal(
      (await api.call('POST', '/api/v1/payments', { paymentType: 'REFUND', currency: 'EUR' })).status,
      400,
    );
  });

  it('pays out a withdrawal up to 10000 and refuses one above', async () => {
    const refused = await api.call('POST', '/api/v1/payments', {
      paymentType: 'WITHDRAWAL',
      amount: 10_000.5,
      currency: 'EUR',
    });
    assert.equal(refused.body.errorCode, '1.08');
    const paid = await api.call('POST', '/api/v1/payments', {
      paymentType: 'WITHDRAWAL',
      amount: 100,
      currency: 'EUR',
    });
    assert.equal(paid.body.result.state, 'PENDING');
    await waitForState(api, paid.body.result.id, 'COMPLETED');
  });

  it('answers 1.03 when a knob injects a failure, before doing anything', async () => {
    await fetch(`${base}/admin/fail-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ statuses: [503] }),
    });
    const reference = `injected-${Date.now()}`;
    const failed = await api.deposit({ referenceId: reference });
    assert.equal(failed.status, 503);
    assert.equal(failed.body.errorCode, '1.03');
    assert.equal((await api.list(`?referenceId.eq=${reference}`)).body.result.length, 0);
  });
});
