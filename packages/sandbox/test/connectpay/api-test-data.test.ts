import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FAKE_BANK_ID, SIAULIU_BANK_ID, TEST_CARDS } from '../../src/providers/connectpay/test-data.js';
import { startReceiver } from '../helpers/receiver.js';
import { paymentBody, startTestSandbox, type TestSandbox, topUpBody } from './helpers/sandbox.js';

/**
 * Every ConnectPay row of docs/test-data.md (merchant payments and BaaS top-up), played through the
 * real sandbox: initiated over the signed API, walked through the hosted widget with form posts (the
 * `connectPayTestClient` drivers), and read back with Get payment details.
 */
describe('ConnectPay stage test data, end to end over HTTP', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  async function initiate(payment: Record<string, unknown>, extra: { notificationUrl?: string } = {}) {
    const answer = await t.client.initiate(paymentBody({ payment, merchant: extra }));
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return answer.body.payment;
  }

  /** The statuses a payment went through, from the admin history (one entry per status). */
  async function statusTrail(paymentId: string): Promise<string[]> {
    const view = (await (await fetch(`${t.base}/admin/payments/${paymentId}`)).json()) as {
      history: { status: string }[];
    };
    return view.history
      .map((entry) => entry.status)
      .filter((status, index, all) => status !== all[index - 1]);
  }

  async function details(paymentId: string, topUp = false) {
    const answer = await t.client.details(paymentId, { topUp });
    assert.equal(answer.status, 200);
    return answer.body.payment;
  }

  describe('merchant payments', () => {
    it('PIS DE: "Fake" finds Fake Bank with Client Keys; username / secret / 123456 completes the payment', async () => {
      const { paymentId, redirectUrl } = await initiate({
        paymentMethod: ['PIS'],
        providerCountryCode: 'DE',
      });
      const search = await fetch(`${redirectUrl}&q=Fake`).then((response) => response.text());
      assert.match(search, /Fake Bank with Client Keys/);
      const outcome = await t.client.payWithFakeBank(redirectUrl);
      assert.equal(outcome.status, 'Completed');
      const payment = await details(paymentId);
      assert.equal(payment.status, 'Completed');
      assert.equal(payment.providerId, FAKE_BANK_ID);
      assert.equal(payment.paymentMethod, 'PIS');
      assert.equal(typeof payment.debtorAccount?.bban, 'string');
      assert.deepEqual(await statusTrail(paymentId), ['Initiated', 'Pending', 'Completed']);
    });

    it('PIS DE: a wrong Fake Bank password does not authorise the payment', async () => {
      const { paymentId, redirectUrl } = await initiate({ paymentMethod: ['PIS'], providerId: FAKE_BANK_ID });
      await assert.rejects(t.client.payWithBank(redirectUrl, { password: 'wrong' }), /login answered 422/);
      assert.equal((await details(paymentId)).status, 'Initiated');
    });

    it('PIS LT: Siauliu bankas completes the payment', async () => {
      const { paymentId, redirectUrl } = await initiate({
        paymentMethod: ['PIS'],
        providerCountryCode: 'LT',
      });
      const outcome = await t.client.payWithBank(redirectUrl, {
        providerId: SIAULIU_BANK_ID,
        username: 'any-user',
        password: 'any-password',
      });
      assert.equal(outcome.status, 'Completed');
      const payment = await details(paymentId);
      assert.equal(payment.providerName, 'Siauliu bankas');
      assert.equal(payment.providerCountryCode, 'LT');
    });

    for (const [label, number, brand] of [
      ['CARD 4242424242424242 (Visa)', TEST_CARDS.visaChallenge, 'Visa'],
      ['CARD 5436031030606378 (MasterCard)', TEST_CARDS.mastercardChallenge, 'Mastercard'],
    ] as const) {
      it(`${label}: 3-D Secure challenge, then success`, async () => {
        const { paymentId, redirectUrl } = await initiate({ paymentMethod: ['CARD'] });
        const outcome = await t.client.payWithCard(redirectUrl, number, { threeDs: 'pass' });
        assert.equal(outcome.status, 'Completed');
        assert.deepEqual(await statusTrail(paymentId), ['Initiated', 'Pending', 'Completed']);
        const payment = await details(paymentId);
        assert.equal(payment.card?.last4, number.slice(-4));
        assert.equal(payment.card?.brand.toLowerCase(), brand.toLowerCase());
      });
    }

    it('CARD 4242424242424242 with a failed 3-D Secure challenge: Failed / AuthenticationFailed', async () => {
      const { paymentId, redirectUrl } = await initiate({ paymentMethod: ['CARD'] });
      const outcome = await t.client.payWithCard(redirectUrl, TEST_CARDS.visaChallenge, { threeDs: 'fail' });
      assert.equal(outcome.status, 'Failed');
      assert.equal((await details(paymentId)).statusReason, 'AuthenticationFailed');
    });

    it('CARD 4485040371536584: frictionless 3-D Secure, success without a challenge', async () => {
      const { paymentId, redirectUrl } = await initiate({ paymentMethod: ['CARD'] });
      const outcome = await t.client.payWithCard(redirectUrl, TEST_CARDS.visaFrictionless);
      assert.equal(outcome.status, 'Completed');
      assert.deepEqual(await statusTrail(paymentId), ['Initiated', 'Completed']);
    });

    it('CARD 4544249167673670: Rejected / InsufficientFunds', async () => {
      const { paymentId, redirectUrl } = await initiate({ paymentMethod: ['CARD'] });
      await t.client.payWithCard(redirectUrl, TEST_CARDS.insufficientFunds);
      const payment = await details(paymentId);
      assert.equal(payment.status, 'Rejected');
      assert.equal(payment.statusReason, 'InsufficientFunds');
    });

    it('CARD 4539253655711767: Rejected / StolenCard', async () => {
      const { paymentId, redirectUrl } = await initiate({ paymentMethod: ['CARD'] });
      await t.client.payWithCard(redirectUrl, TEST_CARDS.stolenCard);
      const payment = await details(paymentId);
      assert.equal(payment.status, 'Rejected');
      assert.equal(payment.statusReason, 'StolenCard');
    });

    it('any other Luhn-valid card gets a challenge and succeeds (4111111111111111, and the top-up decline card)', async () => {
      for (const number of ['4111111111111111', TEST_CARDS.topUpDeclined]) {
        const { paymentId, redirectUrl } = await initiate({ paymentMethod: ['CARD'] });
        assert.equal((await t.client.payWithCard(redirectUrl, number)).status, 'Completed');
        assert.deepEqual(await statusTrail(paymentId), ['Initiated', 'Pending', 'Completed']);
      }
    });

    it('amount 99.99 EUR: PendingProvider (manual review) by PIS and by card, until an admin approves', async () => {
      const pis = await initiate({
        paymentMethod: ['PIS'],
        providerId: FAKE_BANK_ID,
        instructedAmount: { amount: '99.99', currency: 'EUR' },
      });
      assert.equal((await t.client.payWithFakeBank(pis.redirectUrl)).status, 'PendingProvider');
      assert.equal((await details(pis.paymentId)).status, 'PendingProvider');
      const card = await initiate({
        paymentMethod: ['CARD'],
        instructedAmount: { amount: '99.99', currency: 'EUR' },
      });
      assert.equal(
        (await t.client.payWithCard(card.redirectUrl, TEST_CARDS.visaFrictionless)).status,
        'PendingProvider',
      );
      assert.equal((await t.client.approve(pis.paymentId)).status, 200);
      assert.equal((await details(pis.paymentId)).status, 'Completed');
      assert.equal((await t.client.reject(card.paymentId)).status, 200);
      assert.equal((await details(card.paymentId)).statusReason, 'ManualReviewRejected');
    });

    for (const method of ['GooglePay', 'ApplePay'] as const) {
      it(`${method}: the simulated sheet confirmed completes the payment`, async () => {
        const { paymentId, redirectUrl } = await initiate({});
        assert.equal((await t.client.payWithWallet(redirectUrl, method)).status, 'Completed');
        assert.equal((await details(paymentId)).paymentMethod, method);
      });
    }

    it('Cancel at the widget: Cancelled / CancelledByConsumer', async () => {
      const { paymentId, redirectUrl } = await initiate({});
      assert.equal((await t.client.cancel(redirectUrl)).status, 'Cancelled');
      assert.equal((await details(paymentId)).statusReason, 'CancelledByConsumer');
    });

    it('notifies the merchant of the widget-driven changes with the Get payment details body', async () => {
      const receiver = await startReceiver();
      try {
        const { paymentId, redirectUrl } = await initiate(
          { paymentMethod: ['CARD'] },
          { notificationUrl: receiver.url },
        );
        await t.client.payWithCard(redirectUrl, TEST_CARDS.visaChallenge);
        await receiver.waitFor(2);
        assert.deepEqual(
          receiver.received.map((item) => item.body.payment.status),
          ['Pending', 'Completed'],
        );
        assert.deepEqual(receiver.received[1].body, (await t.client.details(paymentId)).body);
      } finally {
        await t.sandbox.connectPay.notifier.idle();
        await receiver.close();
      }
    });
  });

  describe('BaaS top-up', () => {
    async function topUp(payment: Record<string, unknown>) {
      const answer = await t.client.topUp(topUpBody({ payment }));
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      return answer.body.payment;
    }

    it('PIS DE (Fake Bank) and PIS LT (Siauliu bankas): success', async () => {
      const de = await topUp({ providerId: FAKE_BANK_ID });
      assert.equal((await t.client.payWithFakeBank(de.redirectUrl)).status, 'Completed');
      const lt = await topUp({ providerCountryCode: 'LT' });
      const outcome = await t.client.payWithBank(lt.redirectUrl, {
        providerId: SIAULIU_BANK_ID,
        username: 'anna',
        password: 'pw',
      });
      assert.equal(outcome.status, 'Completed');
      assert.equal((await details(lt.paymentId, true)).creditorAccount.iban, 'LT601010012345678901');
    });

    it('CARD 4242424242424242: success', async () => {
      const { paymentId, redirectUrl } = await topUp({ paymentMethod: ['CARD'] });
      assert.equal((await t.client.payWithCard(redirectUrl, TEST_CARDS.visaChallenge)).status, 'Completed');
      assert.equal((await details(paymentId, true)).status, 'Completed');
    });

    it('CARD 4539467987109256: failure (Rejected / TopUpCardDeclined)', async () => {
      const { paymentId, redirectUrl } = await topUp({ paymentMethod: ['CARD'] });
      await t.client.payWithCard(redirectUrl, TEST_CARDS.topUpDeclined);
      const payment = await details(paymentId, true);
      assert.equal(payment.status, 'Rejected');
      assert.equal(payment.statusReason, 'TopUpCardDeclined');
    });

    it("creditor account not active, or not the onboarded consumer's: rejected with a clear 422 error", async () => {
      const inactive = await t.client.topUp(
        topUpBody({ payment: { creditorAccount: { iban: 'LT701010098765432109' } } }),
      );
      const foreign = await t.client.topUp(topUpBody({ consumer: { consumerId: 'consumer-ben' } }));
      assert.deepEqual([inactive.status, foreign.status], [422, 422]);
      const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;
      assert.equal(errorOf(inactive.body).code, 'creditor_account_inactive');
      assert.equal(errorOf(foreign.body).code, 'creditor_account_not_owned');
      assert.match(errorOf(foreign.body).message, /does not belong to the onboarded consumer/);
    });
  });
});
