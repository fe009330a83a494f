import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { FAKE_BANK_ID, SIAULIU_BANK_ID } from '../../src/providers/connectpay/test-data.js';
import { BANK_DIRECTORY, bankByBic, directoryBank } from '../../src/shared/banks/bank-directory.js';
import { connectPayTestClient } from '../../src/testing.js';
import { paymentBody, startTestSandbox, type TestSandbox } from './helpers/sandbox.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
const fieldPaths = (body: unknown) => ((body as ErrorBody).error.fields ?? []).map((field) => field.path);

describe('ConnectPay Initiate Payment and Get payment details', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  it('answers 201 with paymentId and a widget redirectUrl on this sandbox', async () => {
    const answer = await t.client.initiate(paymentBody({ merchant: { generic1: 'g-1' } }));
    assert.equal(answer.status, 201);
    assert.deepEqual(answer.body.merchant, { brandId: 'sandbox-brand', generic1: 'g-1' });
    assert.match(answer.body.payment.paymentId, /^[0-9a-f-]{36}$/);
    const redirect = new URL(answer.body.payment.redirectUrl);
    assert.equal(`${redirect.origin}${redirect.pathname}`, `${t.base}/widget`);
    assert.match(redirect.searchParams.get('key') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('returns the details body of a new payment: Initiated, amount as a string, identifiers echoed', async () => {
    const created = await t.client.initiate(
      paymentBody({
        payment: {
          paymentMethod: ['PIS'],
          providerId: FAKE_BANK_ID,
          remittanceInformationUnstructured: 'Order 7',
        },
        identifiers: { merchantReference: 'order-7', endToEndId: 'e2e-7' },
        consumer: { firstName: 'Ada', lastName: 'Lovelace', ipAddress: '127.0.0.1' },
      }),
    );
    const details = await t.client.details(created.body.payment.paymentId);
    assert.equal(details.status, 200);
    const { payment, identifiers, merchant, consumer } = details.body;
    assert.equal(payment.paymentId, created.body.payment.paymentId);
    assert.equal(payment.status, 'Initiated');
    assert.equal(payment.paymentMethod, 'PIS');
    assert.equal(payment.providerId, FAKE_BANK_ID);
    assert.equal(payment.providerName, 'Fake Bank with Client Keys');
    assert.equal(payment.providerCountryCode, 'DE');
    assert.deepEqual(payment.instructedAmount, { amount: '19.99', currency: 'EUR' });
    assert.equal(payment.remittanceInformationUnstructured, 'Order 7');
    assert.equal(typeof payment.creditorName, 'string');
    assert.match(payment.creditorAccount.iban, /^LT\d+$/);
    assert.equal(identifiers.merchantReference, 'order-7');
    assert.equal(identifiers.endToEndId, 'e2e-7');
    assert.match(identifiers.creditorReference, /^CP[0-9A-F]{12}$/);
    assert.deepEqual(merchant, { brandId: 'sandbox-brand' });
    assert.deepEqual(consumer, { firstName: 'Ada', lastName: 'Lovelace', ipAddress: '127.0.0.1' });
  });

  it('normalises amounts to two decimals ("5" → "5.00")', async () => {
    const created = await t.client.initiate(
      paymentBody({ payment: { instructedAmount: { amount: '5', currency: 'EUR' } } }),
    );
    const details = await t.client.details(created.body.payment.paymentId);
    assert.equal(details.body.payment.instructedAmount.amount, '5.00');
  });

  it('allows all four methods when paymentMethod is absent (paymentMethod null until chosen)', async () => {
    const created = await t.client.initiate(paymentBody());
    const admin = await fetch(`${t.base}/admin/payments/${created.body.payment.paymentId}`);
    const view = (await admin.json()) as { allowedMethods: string[]; step: string };
    assert.deepEqual(view.allowedMethods, ['PIS', 'CARD', 'GooglePay', 'ApplePay']);
    assert.equal(view.step, 'choose-method');
    assert.equal((await t.client.details(created.body.payment.paymentId)).body.payment.paymentMethod, null);
  });

  it('answers 400 validation_failed naming every bad field (amount, currency, redirectUrl, language, method)', async () => {
    const answer = await t.client.initiate({
      merchant: { brandId: 'sandbox-brand', redirectUrl: 'javascript:alert(1)', language: 'FR' },
      payment: { paymentMethod: ['SWIFT'], instructedAmount: { amount: 19.99, currency: 'USD' } },
    });
    assert.equal(answer.status, 400);
    assert.equal((answer.body as unknown as ErrorBody).error.code, 'validation_failed');
    const paths = fieldPaths(answer.body);
    for (const path of [
      'merchant.redirectUrl',
      'merchant.language',
      'payment.paymentMethod.0',
      'payment.instructedAmount.amount',
      'payment.instructedAmount.currency',
    ]) {
      assert.ok(paths.includes(path), `expected a field error for ${path}, got ${paths.join(', ')}`);
    }
  });

  it('refuses amounts with three decimals, zero amounts and a relative notificationUrl', async () => {
    for (const [overrides, path] of [
      [
        { payment: { instructedAmount: { amount: '1.999', currency: 'EUR' } } },
        'payment.instructedAmount.amount',
      ],
      [
        { payment: { instructedAmount: { amount: '0.00', currency: 'EUR' } } },
        'payment.instructedAmount.amount',
      ],
      [{ merchant: { notificationUrl: '/hook' } }, 'merchant.notificationUrl'],
    ] as const) {
      const answer = await t.client.initiate(paymentBody(overrides));
      assert.equal(answer.status, 400);
      assert.deepEqual(fieldPaths(answer.body), [path]);
    }
  });

  it("answers 400 when the brandId is not the client's", async () => {
    const answer = await t.client.initiate(paymentBody({ merchant: { brandId: 'someone-else' } }));
    assert.equal(answer.status, 400);
    assert.deepEqual(fieldPaths(answer.body), ['merchant.brandId']);
  });

  it('answers 400 for an unknown providerId', async () => {
    const answer = await t.client.initiate(paymentBody({ payment: { providerId: 'no-such-bank' } }));
    assert.equal(answer.status, 400);
    assert.deepEqual(fieldPaths(answer.body), ['payment.providerId']);
  });

  it("answers 400 when providerCountryCode contradicts the provider's country", async () => {
    const answer = await t.client.initiate(
      paymentBody({ payment: { providerId: SIAULIU_BANK_ID, providerCountryCode: 'DE' } }),
    );
    assert.equal(answer.status, 400);
    assert.deepEqual(fieldPaths(answer.body), ['payment.providerCountryCode']);
  });

  it('answers 400 invalid_json for a body that is not JSON, 415 for another media type', async () => {
    const notJson = await t.client.call('POST', 'merchant/payments', undefined, {
      'content-type': 'application/json',
    });
    assert.equal(notJson.status, 400);
    const form = await t.client.call('POST', 'merchant/payments', { a: 1 }, { 'content-type': 'text/plain' });
    assert.equal(form.status, 415);
  });

  it('answers 413 payload_too_large for a body over 64 KiB, and keeps serving', async () => {
    const big = paymentBody({ merchant: { generic1: 'x'.repeat(70 * 1024) } });
    const answer = await t.client.initiate(big);
    assert.equal(answer.status, 413);
    assert.equal((answer.body as unknown as ErrorBody).error.code, 'payload_too_large');
    assert.equal((await t.client.initiate(paymentBody())).status, 201);
  });

  it('answers 404 payment_not_found for an unknown paymentId', async () => {
    const answer = await t.client.details('00000000-0000-4000-8000-000000000000');
    assert.equal(answer.status, 404);
    assert.equal((answer.body as unknown as ErrorBody).error.code, 'payment_not_found');
  });

  it("answers 404 for another client's payment", async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const registered = await fetch(`${t.base}/admin/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: 'other',
        clientSecret: 'other-secret',
        brandId: 'other-brand',
        publicKeyPem: publicKey,
      }),
    });
    assert.equal(registered.status, 201);
    const other = connectPayTestClient(t.base, {
      clientId: 'other',
      clientSecret: 'other-secret',
      privateKeyPem: privateKey,
    });
    const created = await other.initiate(paymentBody({ merchant: { brandId: 'other-brand' } }));
    assert.equal(created.status, 201);
    assert.equal((await other.details(created.body.payment.paymentId)).status, 200);
    assert.equal((await t.client.details(created.body.payment.paymentId)).status, 404);
  });

  it('lists payments by merchantReference (to reconcile after a timed-out initiation)', async () => {
    const first = await t.client.initiate(
      paymentBody({ identifiers: { merchantReference: 'reconcile-me' } }),
    );
    await t.client.initiate(paymentBody({ identifiers: { merchantReference: 'someone-else' } }));
    const answer = await t.client.call('GET', 'merchant/payments?merchantReference=reconcile-me');
    assert.equal(answer.status, 200);
    const payments = (answer.body as { payments: { payment: { paymentId: string } }[] }).payments;
    assert.deepEqual(
      payments.map((item) => item.payment.paymentId),
      [first.body.payment.paymentId],
    );
  });

  it('lists the providers (banks) of a country, with the stage banks among them', async () => {
    const de = await t.client.call('GET', 'merchant/providers?countryCode=DE');
    const lt = await t.client.call('GET', 'baas/merchant/brands/sandbox-brand/providers?countryCode=LT');
    type Providers = { providers: { providerId: string; name: string; countryCode: string }[] };
    const deBanks = (de.body as Providers).providers;
    const ltBanks = (lt.body as Providers).providers;
    assert.ok(
      deBanks.some((bank) => bank.providerId === FAKE_BANK_ID && bank.name === 'Fake Bank with Client Keys'),
    );
    assert.ok(ltBanks.some((bank) => bank.providerId === SIAULIU_BANK_ID && bank.name === 'Siauliu bankas'));
    assert.ok(deBanks.every((bank) => bank.countryCode === 'DE'));
    assert.ok(ltBanks.every((bank) => bank.countryCode === 'LT'));
  });

  it('answers each bank with its BIC from the shared bank directory', async () => {
    const all = await t.client.call('GET', 'merchant/providers');
    type Providers = { providers: { providerId: string; name: string; countryCode: string; bic: string }[] };
    const providers = (all.body as Providers).providers;
    assert.equal(providers.length, BANK_DIRECTORY.length);
    for (const provider of providers) {
      assert.equal(bankByBic(provider.bic)?.country, provider.countryCode, provider.name);
    }
    const fake = providers.find((provider) => provider.providerId === FAKE_BANK_ID);
    assert.equal(fake?.bic, directoryBank('de-fake-bank')?.bic);
    const siauliu = providers.find((provider) => provider.providerId === SIAULIU_BANK_ID);
    assert.equal(siauliu?.bic, 'CBSBLT26');
  });

  it("answers 404 brand_not_found for another brand's BaaS providers, 400 for a bad countryCode", async () => {
    assert.equal((await t.client.call('GET', 'baas/merchant/brands/nope/providers')).status, 404);
    assert.equal((await t.client.call('GET', 'merchant/providers?countryCode=Germany')).status, 400);
  });

  it('answers 404, not 500, for a malformed percent-encoded payment id', async () => {
    const answer = await t.client.call('GET', 'merchant/payments/%E0%A4%A');
    assert.equal(answer.status, 404);
  });

  it('answers 405 for a wrong method and 404 JSON for unknown paths', async () => {
    assert.equal((await t.client.call('DELETE', 'merchant/payments/abc')).status, 405);
    const unknown = await fetch(`${t.base}/nothing-here`);
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as ErrorBody).error.code, 'not_found');
  });
});
