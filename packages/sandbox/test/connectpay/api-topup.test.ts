import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_BAAS } from '../../src/providers/connectpay/accounts.js';
import { startTestSandbox, type TestSandbox, topUpBody } from './helpers/sandbox.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string }[] };
}
const codeOf = (body: unknown) => (body as ErrorBody).error.code;

describe('ConnectPay BaaS top-up initiation', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  it('seeds Anna with an active and an inactive account and Ben with an active one', () => {
    assert.deepEqual(
      SANDBOX_BAAS.accounts.map(({ iban, consumerId, active }) => ({ iban, consumerId, active })),
      [
        { iban: 'LT601010012345678901', consumerId: 'consumer-anna', active: true },
        { iban: 'LT701010098765432109', consumerId: 'consumer-anna', active: false },
        { iban: 'LT121000011101001000', consumerId: 'consumer-ben', active: true },
      ],
    );
  });

  it("answers 201 for a top-up into the onboarded consumer's active account", async () => {
    const answer = await t.client.topUp(topUpBody());
    assert.equal(answer.status, 201);
    assert.match(answer.body.payment.redirectUrl, /\/connectpay\/widget\?key=/);
    const details = await t.client.details(answer.body.payment.paymentId, { topUp: true });
    assert.equal(details.status, 200);
    assert.deepEqual(details.body.payment.creditorAccount, { iban: 'LT601010012345678901' });
    assert.equal(details.body.payment.creditorName, 'Anna Petraitė');
    assert.equal(details.body.payment.paymentMethod, 'PIS');
    assert.equal(details.body.consumer?.consumerId, 'consumer-anna');
  });

  it('accepts an IBAN typed with spaces and lower case', async () => {
    const answer = await t.client.topUp(
      topUpBody({ payment: { creditorAccount: { iban: 'lt60 1010 0123 4567 8901' } } }),
    );
    assert.equal(answer.status, 201);
  });

  it('accepts a CARD top-up', async () => {
    const answer = await t.client.topUp(topUpBody({ payment: { paymentMethod: ['CARD'] } }));
    assert.equal(answer.status, 201);
  });

  it('rejects a top-up into an unknown creditor account with 422 creditor_account_not_found', async () => {
    const answer = await t.client.topUp(
      topUpBody({ payment: { creditorAccount: { iban: 'LT999999999999999999' } } }),
    );
    assert.equal(answer.status, 422);
    assert.equal(codeOf(answer.body), 'creditor_account_not_found');
  });

  it('rejects a top-up into an inactive creditor account with 422 creditor_account_inactive', async () => {
    const answer = await t.client.topUp(
      topUpBody({ payment: { creditorAccount: { iban: 'LT701010098765432109' } } }),
    );
    assert.equal(answer.status, 422);
    assert.equal(codeOf(answer.body), 'creditor_account_inactive');
  });

  it("rejects a top-up into another consumer's account with 422 creditor_account_not_owned", async () => {
    const answer = await t.client.topUp(
      topUpBody({
        payment: { creditorAccount: { iban: 'LT601010012345678901' } },
        consumer: { consumerId: 'consumer-ben' },
      }),
    );
    assert.equal(answer.status, 422);
    assert.equal(codeOf(answer.body), 'creditor_account_not_owned');
  });

  it("does not reveal whether another consumer's account is active (ownership is checked first)", async () => {
    const answer = await t.client.topUp(
      topUpBody({
        payment: { creditorAccount: { iban: 'LT701010098765432109' } },
        consumer: { consumerId: 'consumer-ben' },
      }),
    );
    assert.equal(codeOf(answer.body), 'creditor_account_not_owned');
  });

  it('rejects an unknown consumer with 422 consumer_not_found', async () => {
    const answer = await t.client.topUp(topUpBody({ consumer: { consumerId: 'consumer-zoe' } }));
    assert.equal(answer.status, 422);
    assert.equal(codeOf(answer.body), 'consumer_not_found');
  });

  it('answers 400 when the creditor account or the consumer id is missing', async () => {
    const body = topUpBody() as Record<string, unknown> & { payment: Record<string, unknown> };
    delete body.payment.creditorAccount;
    delete body.consumer;
    const answer = await t.client.topUp(body);
    assert.equal(answer.status, 400);
    const paths = (answer.body as unknown as ErrorBody).error.fields?.map((field) => field.path);
    assert.deepEqual(paths?.sort(), ['consumer', 'payment.creditorAccount']);
  });

  it('answers 400 for a top-up paid by GooglePay or by several methods', async () => {
    assert.equal(
      (await t.client.topUp(topUpBody({ payment: { paymentMethod: ['GooglePay'] } }))).status,
      400,
    );
    assert.equal(
      (await t.client.topUp(topUpBody({ payment: { paymentMethod: ['PIS', 'CARD'] } }))).status,
      400,
    );
  });

  it('keeps the two families apart: a top-up is not found on the merchant path, nor a payment on the BaaS path', async () => {
    const topUp = await t.client.topUp(topUpBody());
    assert.equal((await t.client.details(topUp.body.payment.paymentId)).status, 404);
    const payment = await t.client.initiate({
      merchant: { brandId: 'sandbox-brand', redirectUrl: 'https://shop.example/r' },
      payment: { instructedAmount: { amount: '1.00', currency: 'EUR' } },
    });
    assert.equal((await t.client.details(payment.body.payment.paymentId, { topUp: true })).status, 404);
  });
});
