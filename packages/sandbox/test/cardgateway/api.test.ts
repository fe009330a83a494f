import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  amountOperationChecksum,
  callbackChecksum,
  inquiryChecksum,
  paymentChecksum,
  paymentIdChecksum,
} from '../../src/providers/cardgateway/checksum.js';
import {
  cardGatewayOtherMerchant,
  cardGatewayTestMerchant,
} from '../../src/providers/cardgateway/merchants.js';
import { type RunningSandbox, startSandbox } from '../../src/server.js';
import { startReceiver } from '../helpers/receiver.js';

const M = cardGatewayTestMerchant;
const API = '/transactionServices/REST/v1';

interface PaymentAnswer {
  paymentId: string;
  merchantTransactionId: string;
  status: string;
  transactionStatus: string;
  result: { code: string; description: string };
  amount: string;
  card: { bin: string; last4Digits: string };
  redirect?: { url: string; method: string; parameters: { name: string; value: string }[] };
}

describe('card gateway stage: the REST API', () => {
  let sandbox: RunningSandbox;
  let base: string;
  let token: string;
  let counter = 0;

  before(async () => {
    sandbox = await startSandbox({
      port: 0,
      providers: ['cardgateway'],
      notificationRetryBaseMs: 5,
      log: () => {},
    });
    base = sandbox.urlOf('cardgateway');
  });
  after(() => sandbox.close());
  beforeEach(async () => {
    token = await tokenFor({ 'authentication.memberId': M.memberId, 'authentication.sKey': M.secureKey });
  });

  async function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return fetch(`${base}${API}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async function tokenFor(fields: Record<string, string>): Promise<string> {
    const response = await post('authToken', fields);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { AuthToken: string; result: { code: string } };
    assert.equal(body.result.code, '200');
    return body.AuthToken;
  }

  function paymentFields(card: string, overrides: Record<string, string> = {}): Record<string, string> {
    const merchantTransactionId = `mtx-${Date.now()}-${++counter}`;
    const amount = overrides.amount ?? '19.99';
    return {
      'authentication.memberId': M.memberId,
      'authentication.terminalId': M.terminalId,
      'authentication.checksum': paymentChecksum(M.memberId, M.secureKey, merchantTransactionId, amount),
      merchantTransactionId,
      amount,
      currency: 'EUR',
      paymentMode: 'CC',
      paymentType: 'DB',
      'card.number': card,
      'card.expiryMonth': '12',
      'card.expiryYear': String(new Date().getUTCFullYear() + 2),
      'card.cvv': '123',
      'card.holder': 'Anna Test',
      ...overrides,
    };
  }

  async function pay(card: string, overrides: Record<string, string> = {}) {
    const response = await post('payments', paymentFields(card, overrides), { AuthToken: token });
    return { status: response.status, body: (await response.json()) as PaymentAnswer };
  }

  async function backOffice(paymentId: string, paymentType: string, amount?: string) {
    const checksum = amount
      ? amountOperationChecksum(M.memberId, M.secureKey, paymentId, amount)
      : paymentIdChecksum(M.memberId, M.secureKey, paymentId);
    const response = await post(
      `payments/${paymentId}`,
      {
        'authentication.memberId': M.memberId,
        'authentication.checksum': checksum,
        paymentType,
        ...(amount ? { amount } : {}),
      },
      { authtoken: token },
    );
    return { status: response.status, body: (await response.json()) as PaymentAnswer };
  }

  describe('authToken', () => {
    it('issues a token for memberId + sKey and for partnerId + username + sKey', async () => {
      const byLogin = await tokenFor({
        'authentication.partnerId': M.partnerId,
        'merchant.username': M.username,
        'authentication.sKey': M.secureKey,
      });
      assert.match(byLogin, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    });

    it('refuses a wrong key with 401', async () => {
      const response = await post('authToken', {
        'authentication.memberId': M.memberId,
        'authentication.sKey': 'nope',
      });
      assert.equal(response.status, 401);
      assert.equal(((await response.json()) as PaymentAnswer).result.code, '10004');
    });

    it('refuses a payment without a token, or with a forged one, with 401', async () => {
      assert.equal((await post('payments', paymentFields('4111111111111111'))).status, 401);
      const forged = `${token.slice(0, -4)}AAAA`;
      const response = await post('payments', paymentFields('4111111111111111'), { AuthToken: forged });
      assert.equal(response.status, 401);
    });
  });

  describe('payments with the test cards', () => {
    it('4111 1111 1111 1111: success without 3-D Secure, captured at once for DB', async () => {
      const { status, body } = await pay('4111111111111111');
      assert.equal(status, 200);
      assert.equal(body.status, 'capturesuccess');
      assert.equal(body.transactionStatus, 'Y');
      assert.equal(body.result.code, '00001');
      assert.deepEqual(body.card, { bin: '411111', last4Digits: '1111' });
      assert.equal(body.amount, '19.99');
    });

    it('4111 1111 1111 1111 as PA: authorized, waiting for a capture', async () => {
      const { body } = await pay('4111111111111111', { paymentType: 'PA' });
      assert.equal(body.status, 'authsuccessful');
      assert.equal(body.transactionStatus, 'Y');
    });

    it('4000 0000 0000 9995: declined, insufficient funds', async () => {
      const { body } = await pay('4000000000009995');
      assert.equal(body.status, 'authfailed');
      assert.equal(body.transactionStatus, 'N');
      assert.deepEqual(body.result, { code: '20007', description: 'Insufficient funds' });
    });

    it('4000 0000 0000 0069: declined, expired card', async () => {
      const { body } = await pay('4000000000000069');
      assert.deepEqual(body.result, { code: '20007', description: 'Expired card' });
    });

    it('4000 0000 0000 3220: a 3-D Secure redirect to the ACS; passing it succeeds, the shopper returns', async () => {
      const { body } = await pay('4000000000003220', { merchantRedirectUrl: 'http://127.0.0.1:9/return/s1' });
      assert.equal(body.status, '3D Authstarted');
      assert.equal(body.transactionStatus, '3D');
      assert.ok(body.redirect);
      assert.equal(body.redirect.method, 'POST');
      const paReq = body.redirect.parameters.find((p) => p.name === 'PaReq')?.value ?? '';
      const challenge = await fetch(body.redirect.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ PaReq: paReq }).toString(),
      });
      assert.equal(challenge.status, 200);
      assert.match(await challenge.text(), /3-D Secure/);
      const answer = await fetch(`${body.redirect.url}/result`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ PaReq: paReq, result: 'pass' }).toString(),
        redirect: 'manual',
      });
      assert.equal(answer.status, 303);
      const back = new URL(answer.headers.get('location') ?? '');
      assert.equal(back.searchParams.get('status'), 'Y');
      assert.equal(back.searchParams.get('paymentId'), body.paymentId);
      const read = await fetch(`${base}${API}/payments/${body.paymentId}`, { headers: { AuthToken: token } });
      assert.equal(((await read.json()) as PaymentAnswer).status, 'capturesuccess');
      // The token is spent: the same form again finds nothing.
      const replay = await fetch(`${body.redirect.url}/result`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ PaReq: paReq, result: 'fail' }).toString(),
      });
      assert.equal(replay.status, 404);
    });

    it('failing the challenge declines the payment', async () => {
      const { body } = await pay('4000000000003220');
      const paReq = body.redirect?.parameters[0].value ?? '';
      await fetch(`${body.redirect?.url}/result`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ PaReq: paReq, result: 'fail' }).toString(),
      });
      const read = await backOffice(body.paymentId, 'IN');
      assert.equal(read.body.status, 'authfailed');
      assert.equal(read.body.result.code, '00026');
    });

    it('accepts JSON with the same dotted fields', async () => {
      const response = await fetch(`${base}${API}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', AuthToken: token },
        body: JSON.stringify(paymentFields('4111111111111111')),
      });
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as PaymentAnswer).transactionStatus, 'Y');
    });
  });

  describe('refusals', () => {
    it('refuses a wrong checksum with 400 10003, and creates nothing', async () => {
      const fields = paymentFields('4111111111111111');
      fields['authentication.checksum'] = paymentChecksum(
        M.memberId,
        M.secureKey,
        fields.merchantTransactionId,
        '1.00',
      );
      const response = await post('payments', fields, { AuthToken: token });
      assert.equal(response.status, 400);
      assert.deepEqual(((await response.json()) as PaymentAnswer).result, {
        code: '10003',
        description: 'Checksum mismatch.',
      });
      assert.equal(
        sandbox.stage('cardgateway').book.byMerchantTransactionId(M.memberId, fields.merchantTransactionId),
        undefined,
      );
    });

    it('refuses a second payment for one merchantTransactionId with 409', async () => {
      const fields = paymentFields('4111111111111111');
      assert.equal((await post('payments', fields, { AuthToken: token })).status, 200);
      assert.equal((await post('payments', fields, { AuthToken: token })).status, 409);
    });

    it('never echoes the card number or CVV in an error answer', async () => {
      const response = await post('payments', paymentFields('4111111111111112', { 'card.cvv': '98' }), {
        AuthToken: token,
      });
      assert.equal(response.status, 400);
      const text = await response.text();
      assert.doesNotMatch(text, /4111111111111112|98\b/);
    });

    it("keeps one merchant's payments from another (404)", async () => {
      const { body } = await pay('4111111111111111');
      const other = await tokenFor({
        'authentication.memberId': cardGatewayOtherMerchant.memberId,
        'authentication.sKey': cardGatewayOtherMerchant.secureKey,
      });
      const read = await fetch(`${base}${API}/payments/${body.paymentId}`, { headers: { AuthToken: other } });
      assert.equal(read.status, 404);
    });
  });

  describe('back office: capture, reverse, refund, inquiry', () => {
    it('captures part of a PA, then refunds once, at most the captured amount', async () => {
      const { body } = await pay('4111111111111111', { paymentType: 'PA' });
      assert.equal((await backOffice(body.paymentId, 'CP', '25.00')).body.transactionStatus, 'N');
      const captured = await backOffice(body.paymentId, 'CP', '10.00');
      assert.equal(captured.body.transactionStatus, 'Y');
      assert.equal(captured.body.status, 'capturesuccess');
      assert.equal(captured.body.result.code, '00004');
      assert.equal((await backOffice(body.paymentId, 'CP', '5.00')).body.transactionStatus, 'N');
      assert.equal((await backOffice(body.paymentId, 'RF', '10.01')).body.transactionStatus, 'N');
      const refunded = await backOffice(body.paymentId, 'RF', '4.00');
      assert.equal(refunded.body.transactionStatus, 'Y');
      assert.equal(refunded.body.status, 'reversed');
      const again = await backOffice(body.paymentId, 'RF', '1.00');
      assert.equal(again.body.transactionStatus, 'N');
      assert.equal(again.body.result.description, 'Transaction already refunded.');
    });

    it('reverses a PA in full; a reversed one cannot be captured', async () => {
      const { body } = await pay('4111111111111111', { paymentType: 'PA' });
      const reversed = await backOffice(body.paymentId, 'RV');
      assert.equal(reversed.body.transactionStatus, 'Y');
      assert.equal(reversed.body.status, 'cancelled');
      assert.equal((await backOffice(body.paymentId, 'CP', '1.00')).body.transactionStatus, 'N');
    });

    it('refuses a back-office call with a wrong checksum', async () => {
      const { body } = await pay('4111111111111111', { paymentType: 'PA' });
      const response = await post(
        `payments/${body.paymentId}`,
        {
          'authentication.memberId': M.memberId,
          'authentication.checksum': 'f'.repeat(32),
          paymentType: 'RV',
        },
        { AuthToken: token },
      );
      assert.equal(response.status, 400);
    });

    it('finds a payment by merchantTransactionId (inquiry), and answers 404 for an unknown one', async () => {
      const { body } = await pay('4111111111111111');
      const found = await post(
        'inquiry',
        {
          'authentication.memberId': M.memberId,
          'authentication.checksum': inquiryChecksum(M.memberId, M.secureKey, body.merchantTransactionId),
          idType: 'MID',
          merchantTransactionId: body.merchantTransactionId,
        },
        { AuthToken: token },
      );
      assert.equal(found.status, 200);
      assert.equal(((await found.json()) as PaymentAnswer).paymentId, body.paymentId);
      const missing = await post(
        'inquiry',
        {
          'authentication.memberId': M.memberId,
          'authentication.checksum': inquiryChecksum(M.memberId, M.secureKey, 'nope'),
          idType: 'MID',
          merchantTransactionId: 'nope',
        },
        { AuthToken: token },
      );
      assert.equal(missing.status, 404);
    });
  });

  describe('callbacks', () => {
    it('posts the final status to notificationUrl with the documented checksum', async () => {
      const receiver = await startReceiver();
      try {
        const { body } = await pay('4000000000009995', { notificationUrl: receiver.url });
        await receiver.waitFor(1);
        const callback = JSON.parse(receiver.received[0].rawBody) as PaymentAnswer & { checksum: string };
        assert.equal(callback.paymentId, body.paymentId);
        assert.equal(callback.transactionStatus, 'N');
        assert.equal(
          callback.checksum,
          callbackChecksum(body.paymentId, body.merchantTransactionId, '19.99', 'N', M.secureKey),
        );
      } finally {
        await receiver.close();
      }
    });
  });

  describe('admin', () => {
    it('lists payments without card numbers, and fails the next call on request', async () => {
      const { body } = await pay('4111111111111111');
      const listed = await fetch(
        `${base}/admin/payments?merchantTransactionId=${body.merchantTransactionId}`,
      );
      const text = await listed.text();
      assert.match(text, new RegExp(body.paymentId));
      assert.doesNotMatch(text, /4111111111111111/);
      await fetch(`${base}/admin/fail-next`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ statuses: [503] }),
      });
      assert.equal(
        (await post('payments', paymentFields('4111111111111111'), { AuthToken: token })).status,
        503,
      );
    });
  });
});
