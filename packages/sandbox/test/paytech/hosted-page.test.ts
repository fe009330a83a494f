import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  cancelPaytechCheckout,
  PAYTECH_TEST_CARDS,
  payPaytechCheckout,
  type RunningSandbox,
} from '../../src/index.js';
import { type PaytechApi, startPaytech } from './helpers.js';

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual',
});

describe('pay.tech stage: the hosted payment page and the test cards', () => {
  let sandbox: RunningSandbox;
  let api: PaytechApi;
  before(async () => {
    ({ sandbox, api } = await startPaytech());
  });
  after(() => sandbox.close());

  const ROWS = [
    { card: PAYTECH_TEST_CARDS.threeDsSuccess, challenge: true, state: 'COMPLETED', errorCode: undefined },
    { card: PAYTECH_TEST_CARDS.threeDsDeclined, challenge: true, state: 'DECLINED', errorCode: '4.00' },
    { card: PAYTECH_TEST_CARDS.noThreeDsSuccess, challenge: false, state: 'COMPLETED', errorCode: undefined },
    { card: PAYTECH_TEST_CARDS.noThreeDsDeclined, challenge: false, state: 'DECLINED', errorCode: '4.00' },
  ];

  for (const row of ROWS) {
    it(`card ${row.card}: ${row.challenge ? '3-D Secure challenge' : 'no 3-D Secure'}, ${row.state}`, async () => {
      const { body } = await api.deposit({ referenceId: `card-${row.card}` });
      const page = body.result.redirectUrl as string;
      const card = await fetch(
        `${page}/card`,
        form({ number: row.card, expiry: '12/39', cvc: '123', name: 'Ada' }),
      );
      assert.equal(card.status, 303);
      const next = await (await fetch(page)).text();
      assert.equal(next.includes(`${new URL(page).pathname}/3ds`), row.challenge);
      if (row.challenge) {
        assert.equal((await api.get(body.result.id)).body.result.state, 'PENDING');
        assert.equal((await fetch(`${page}/3ds`, form({ result: 'pass' }))).status, 303);
      }
      const result = (await api.get(body.result.id)).body.result;
      assert.equal(result.state, row.state);
      assert.equal(result.errorCode, row.errorCode);
      const outcome = await (await fetch(page)).text();
      const link = /<a class="button wide" href="([^"]*)"/.exec(outcome)?.[1];
      assert.equal(
        link,
        `https://shop.example/return/${result.id}/card-${row.card}/${row.state}/DEPOSIT`,
        'Return to merchant fills in the returnUrl placeholders',
      );
    });
  }

  it('a failed 3-D Secure challenge is DECLINED 5.00 Declined by 3DS', async () => {
    const { body } = await api.deposit();
    await payPaytechCheckout(body.result.redirectUrl, PAYTECH_TEST_CARDS.threeDsSuccess, { threeDs: 'fail' });
    const result = (await api.get(body.result.id)).body.result;
    assert.equal(result.state, 'DECLINED');
    assert.equal(result.errorCode, '5.00');
    assert.equal(result.errorMessage, 'Declined by 3DS');
  });

  it('a card the sandbox does not know is declined 3.07; a pre-authorization ends AUTHORIZED', async () => {
    const unknown = await api.deposit();
    await payPaytechCheckout(unknown.body.result.redirectUrl, '4111111111111111');
    assert.equal((await api.get(unknown.body.result.id)).body.result.errorCode, '3.07');
    const preAuth = await api.deposit({ preAuth: true });
    const outcome = await payPaytechCheckout(
      preAuth.body.result.redirectUrl,
      PAYTECH_TEST_CARDS.threeDsSuccess,
    );
    assert.equal((await api.get(preAuth.body.result.id)).body.result.state, 'AUTHORIZED');
    assert.match(outcome.returnUrl ?? '', /\/AUTHORIZED\/DEPOSIT$/);
  });

  it('shows a typing mistake at its field with 422 and never echoes the number', async () => {
    const { body } = await api.deposit();
    const page = body.result.redirectUrl as string;
    const answer = await fetch(
      `${page}/card`,
      form({ number: '4000000000000003', expiry: '12/39', cvc: '123', name: 'Ada' }),
    );
    assert.equal(answer.status, 422);
    const text = await answer.text();
    assert.match(text, /The card number is not valid/);
    assert.ok(!text.includes('4000000000000003'));
    assert.equal((await api.get(body.result.id)).body.result.state, 'CHECKOUT');
  });

  it('Cancel ends the payment CANCELLED 2.00; an abandoned checkout ends CANCELLED 1.04', async () => {
    const cancelled = await api.deposit();
    assert.equal(await cancelPaytechCheckout(cancelled.body.result.redirectUrl), 303);
    const result = (await api.get(cancelled.body.result.id)).body.result;
    assert.deepEqual(
      [result.state, result.errorCode, result.errorMessage],
      ['CANCELLED', '2.00', 'Cancelled by Customer'],
    );
    const abandoned = await api.deposit();
    const expired = await fetch(
      `${sandbox.urlOf('paytech')}/admin/payments/${abandoned.body.result.id}/expire`,
      {
        method: 'POST',
      },
    );
    assert.equal(expired.status, 200);
    const after = (await api.get(abandoned.body.result.id)).body.result;
    assert.deepEqual(
      [after.state, after.errorCode, after.errorMessage],
      ['CANCELLED', '1.04', 'Cancelled by Timeout'],
    );
  });

  it('answers a finished payment 409 and an unknown one 404, as pages', async () => {
    const { body } = await api.deposit();
    await payPaytechCheckout(body.result.redirectUrl, PAYTECH_TEST_CARDS.noThreeDsSuccess);
    const again = await fetch(
      `${body.result.redirectUrl}/card`,
      form({ number: PAYTECH_TEST_CARDS.noThreeDsSuccess, expiry: '12/39', cvc: '123', name: 'Ada' }),
    );
    assert.equal(again.status, 409);
    assert.match(again.headers.get('content-type') ?? '', /text\/html/);
    assert.equal((await fetch(`${sandbox.urlOf('paytech')}/payment/${'f'.repeat(32)}`)).status, 404);
  });

  it('speaks German when asked, and keeps the language through the form', async () => {
    const { body } = await api.deposit();
    const page = await (await fetch(`${body.result.redirectUrl}?lang=de`)).text();
    assert.match(page, /<html lang="de/);
    assert.match(page, /Mit Karte bezahlen/);
    assert.match(page, /name="lang" value="de"/);
  });
});
