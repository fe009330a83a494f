import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningSandbox, startSandbox } from '../../src/server.js';
import { type ConnectPayTestClient, connectPayTestClient } from '../../src/testing.js';

/**
 * The widget inside the real sandbox: a payment initiated over the signed API, walked through the
 * hosted pages with plain form posts as a browser without JavaScript would, and read back over the API.
 */
let sandbox: RunningSandbox;
let client: ConnectPayTestClient;

before(async () => {
  sandbox = await startSandbox({ port: 0, log: () => {} });
  client = connectPayTestClient(sandbox.connectPayUrl);
});

after(async () => {
  await sandbox.close();
});

const MERCHANT_RETURN = 'https://shop.example/return?order=7&x=<y>';

async function initiate(payment: Record<string, unknown>, merchant: Record<string, unknown> = {}) {
  const answer = await client.initiate({
    merchant: { brandId: 'sandbox-brand', redirectUrl: MERCHANT_RETURN, ...merchant },
    payment: { instructedAmount: { amount: '19.99', currency: 'EUR' }, ...payment },
    identifiers: { merchantReference: 'journey-7' },
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body.payment;
}

async function submit(redirectUrl: string, action: string, fields: Record<string, string>) {
  const key = new URL(redirectUrl).searchParams.get('key')!;
  const response = await fetch(`${sandbox.connectPayUrl}/widget/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ key, ...fields }).toString(),
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

describe('ConnectPay widget in the running sandbox', () => {
  it('redirectUrl opens the method choice; Fake Bank found by search; the payment completes', async () => {
    const { paymentId, redirectUrl } = await initiate({
      paymentMethod: ['PIS', 'CARD'],
      providerCountryCode: 'DE',
    });
    assert.match(redirectUrl, new RegExp(`^${sandbox.connectPayUrl}/widget\\?key=`));

    const choice = await fetch(redirectUrl).then((response) => response.text());
    assert.match(choice, /<h1 id="step-title">Choose how to pay<\/h1>/);
    assert.doesNotMatch(choice, /value="GooglePay"/);

    const chosen = await submit(redirectUrl, 'method', { method: 'PIS' });
    assert.equal(chosen.status, 303);
    assert.equal(chosen.location, redirectUrl);

    const search = await fetch(`${redirectUrl}&q=Fake`).then((response) => response.text());
    const bankId = /name="providerId" value="([^"]+)"><span>Fake Bank with Client Keys<\/span>/.exec(
      search,
    )?.[1];
    assert.ok(bankId, 'the search lists Fake Bank with Client Keys');

    assert.equal((await submit(redirectUrl, 'bank', { providerId: bankId })).status, 303);
    assert.equal(
      (await submit(redirectUrl, 'login', { username: 'username', password: 'wrong' })).status,
      422,
    );
    assert.equal(
      (await submit(redirectUrl, 'login', { username: 'username', password: 'secret' })).status,
      303,
    );
    assert.equal((await client.details(paymentId)).body.payment.status, 'Pending');
    assert.equal((await submit(redirectUrl, 'code', { code: '123456' })).status, 303);

    const details = await client.details(paymentId);
    assert.equal(details.body.payment.status, 'Completed');
    assert.equal(details.body.payment.providerId, bankId);

    const final = await fetch(redirectUrl).then((response) => response.text());
    assert.match(final, /<h1 id="step-title">Payment successful<\/h1>/);
    const href = /<a class="button wide" href="([^"]*)">Return to merchant<\/a>/.exec(final)?.[1];
    assert.equal(href?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), MERCHANT_RETURN);
  });

  it('a card payment at 99.99 EUR stops in manual review, visible on the page and over the API', async () => {
    const { paymentId, redirectUrl } = await initiate({
      paymentMethod: ['CARD'],
      instructedAmount: { amount: '99.99', currency: 'EUR' },
    });
    const card = { number: '4485 0403 7153 6584', expiry: '12/35', cvc: '321', name: 'Review Case' };
    assert.equal((await submit(redirectUrl, 'card', card)).status, 303);
    assert.match(await fetch(redirectUrl).then((response) => response.text()), /Payment under manual review/);
    const details = await client.details(paymentId);
    assert.equal(details.body.payment.status, 'PendingProvider');
    assert.deepEqual(details.body.payment.card, { brand: 'Visa', last4: '6584' });
  });

  it('shows German pages for a payment initiated with language DE', async () => {
    const { redirectUrl } = await initiate({ paymentMethod: ['CARD'] }, { language: 'DE' });
    const page = await fetch(redirectUrl).then((response) => response.text());
    assert.match(page, /<html lang="de">/);
    assert.match(page, /<h1 id="step-title">Mit Karte bezahlen<\/h1>/);
  });

  it('answers an unknown widget key with the 404 page, not the API’s JSON', async () => {
    const response = await fetch(`${sandbox.connectPayUrl}/widget?key=unknown`);
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    await response.body?.cancel();
  });
});
