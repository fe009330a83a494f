import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { bookOf } from './helpers/drive.js';
import { fakeBankPayment, startTestSandbox, type TestSandbox } from './helpers/sandbox.js';

interface AdminPayment {
  paymentId: string;
  key: string;
  status: string;
  statusReason?: string;
  step: string;
  history: { status: string; note: string }[];
  details: { payment: { status: string } };
}

describe('ConnectPay admin API', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  afterEach(async () => {
    await fetch(`${t.base}/admin/reset`, { method: 'POST' });
  });
  after(() => t.close());

  async function inManualReview() {
    const paymentId = await fakeBankPayment(t, { amount: '99.99' });
    const drive = bookOf(t);
    drive.login(paymentId);
    drive.code(paymentId);
    return paymentId;
  }

  const adminGet = async (path: string) => {
    const response = await fetch(`${t.base}/admin/${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const adminPost = async (path: string) => {
    const response = await fetch(`${t.base}/admin/${path}`, { method: 'POST' });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('lists payments with their status and history', async () => {
    const first = await fakeBankPayment(t);
    const second = await fakeBankPayment(t);
    bookOf(t).login(second);
    const { status, body } = await adminGet('payments');
    assert.equal(status, 200);
    const payments = body.payments as AdminPayment[];
    assert.deepEqual(
      payments.map((payment) => [payment.paymentId, payment.status]),
      [
        [first, 'Initiated'],
        [second, 'Pending'],
      ],
    );
    assert.deepEqual(
      payments[1].history.map((entry) => entry.status),
      ['Initiated', 'Pending'],
    );
  });

  it('shows one payment with its widget key, step and details', async () => {
    const paymentId = await fakeBankPayment(t);
    const { status, body } = await adminGet(`payments/${paymentId}`);
    assert.equal(status, 200);
    const payment = body as unknown as AdminPayment;
    assert.equal(payment.step, 'bank-login');
    assert.equal(payment.details.payment.status, 'Initiated');
    const byKey = await adminGet(`payments?key=${payment.key}`);
    assert.deepEqual(
      (byKey.body.payments as AdminPayment[]).map((item) => item.paymentId),
      [paymentId],
    );
  });

  it('says whether a payment’s widget was ever served (a page or a form post with its key)', async () => {
    const paymentId = await fakeBankPayment(t);
    const unseen = (await adminGet(`payments/${paymentId}`)).body as { key: string; widget: unknown };
    assert.deepEqual(unseen.widget, { served: 0 });
    // A status change through the book (no widget request) is not a visit.
    bookOf(t).login(paymentId);
    assert.deepEqual((await adminGet(`payments/${paymentId}`)).body.widget, { served: 0 });
    assert.equal((await fetch(`${t.base}/widget?key=${unseen.key}`)).status, 200);
    const posted = await fetch(`${t.base}/widget/code`, {
      method: 'POST',
      body: new URLSearchParams({ key: unseen.key, code: '000000' }),
      redirect: 'manual',
    });
    assert.equal(posted.status, 422);
    // An unknown key is no visit of anyone's.
    assert.equal((await fetch(`${t.base}/widget?key=not-a-key`)).status, 404);
    const seen = (await adminGet(`payments/${paymentId}`)).body.widget as {
      served: number;
      firstServedAt: string;
    };
    assert.equal(seen.served, 2);
    assert.ok(Number.isFinite(Date.parse(seen.firstServedAt)));
    assert.equal(t.sandbox.connectPay.widgetVisits.get(paymentId)?.count, 2);
    await fetch(`${t.base}/admin/reset`, { method: 'POST' });
    assert.equal(t.sandbox.connectPay.widgetVisits.get(paymentId), undefined);
  });

  it('stops 99.99 EUR for manual review (PendingProvider) and approves it to Completed', async () => {
    const paymentId = await inManualReview();
    assert.equal((await t.client.details(paymentId)).body.payment.status, 'PendingProvider');
    const approved = await adminPost(`payments/${paymentId}/approve`);
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'Completed');
    assert.equal((await t.client.details(paymentId)).body.payment.status, 'Completed');
  });

  it('rejects a manual review to Rejected / ManualReviewRejected', async () => {
    const paymentId = await inManualReview();
    const rejected = await adminPost(`payments/${paymentId}/reject`);
    assert.equal(rejected.status, 200);
    const details = await t.client.details(paymentId);
    assert.equal(details.body.payment.status, 'Rejected');
    assert.equal(details.body.payment.statusReason, 'ManualReviewRejected');
  });

  it('answers 409 illegal_state_transition when approving a payment that is not in manual review', async () => {
    const initiated = await fakeBankPayment(t);
    const answer = await adminPost(`payments/${initiated}/approve`);
    assert.equal(answer.status, 409);
    assert.equal((answer.body.error as { code: string }).code, 'illegal_state_transition');
    const completed = await inManualReview();
    await adminPost(`payments/${completed}/approve`);
    assert.equal((await adminPost(`payments/${completed}/reject`)).status, 409);
    assert.equal((await t.client.details(completed)).body.payment.status, 'Completed');
  });

  it('expires an unfinished payment, and refuses to expire a final one with 409', async () => {
    const paymentId = await fakeBankPayment(t);
    assert.equal((await adminPost(`payments/${paymentId}/expire`)).body.status, 'Expired');
    assert.equal((await adminPost(`payments/${paymentId}/expire`)).status, 409);
  });

  it('answers 404 payment_not_found for an unknown payment and 405 for a wrong method', async () => {
    const unknown = await adminPost('payments/nope/approve');
    assert.equal(unknown.status, 404);
    assert.equal((unknown.body.error as { code: string }).code, 'payment_not_found');
    assert.equal((await fetch(`${t.base}/admin/payments`, { method: 'DELETE' })).status, 405);
  });

  it('resets payments and knobs', async () => {
    await fakeBankPayment(t);
    await fetch(`${t.base}/admin/knobs`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 5 }),
    });
    assert.equal((await adminPost('reset')).status, 200);
    assert.deepEqual((await adminGet('payments')).body.payments, []);
    assert.equal((await adminGet('knobs')).body.latencyMs, 0);
  });

  it('registers another client and lists clients without their secrets', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const bad = await fetch(`${t.base}/admin/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'x' }),
    });
    assert.equal(bad.status, 400);
    const created = await fetch(`${t.base}/admin/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: 'shop-2',
        clientSecret: 's3cret',
        brandId: 'brand-2',
        publicKeyPem: publicKey,
      }),
    });
    assert.equal(created.status, 201);
    const listed = await adminGet('clients');
    assert.deepEqual(listed.body.clients, [
      { clientId: 'sandbox-client', brandId: 'sandbox-brand' },
      { clientId: 'sandbox-client-b', brandId: 'sandbox-brand-b' },
      { clientId: 'shop-2', brandId: 'brand-2' },
    ]);
    assert.ok(!JSON.stringify(listed.body).includes('s3cret'));
  });

  it('keeps serving after a malformed admin body', async () => {
    const response = await fetch(`${t.base}/admin/knobs`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    assert.equal(response.status, 400);
    assert.equal((await adminGet('knobs')).status, 200);
  });
});
