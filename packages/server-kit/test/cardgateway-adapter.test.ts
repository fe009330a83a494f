import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SessionStatus } from '@pay-checkout/contract';
import { cardGatewayTestMerchant, type RunningSandbox, startSandbox } from '@pay-checkout/sandbox';
import { runAdapterConformance } from '../src/conformance.js';
import { CheckoutError, ConfigError, SignatureError, ValidationError } from '../src/errors.js';
import type { CardEntryAdapter } from '../src/providers/cardgateway/card-entry.js';
import { signCardGatewayCallback } from '../src/providers/cardgateway/checksums.js';
import { cardGateway } from '../src/providers/cardgateway/index.js';
import { CARDGATEWAY_LONG_STATUSES, mapCardGatewayStatus } from '../src/providers/cardgateway/statuses.js';
import type { ProviderSessionInput } from '../src/providers/provider.js';

const M = cardGatewayTestMerchant;
/** Where the conformance suite pretends the kit is mounted (its default `publicUrl`). */
const KIT = 'http://127.0.0.1:9/checkout';
const FUTURE_YEAR = String(new Date().getUTCFullYear() + 2);

let sandbox: RunningSandbox;
before(async () => {
  sandbox = await startSandbox({ port: 0, providers: ['cardgateway'], log: () => {} });
});
after(async () => {
  await sandbox?.close();
});

function adapterFor(options: Partial<Parameters<typeof cardGateway>[0]> = {}): CardEntryAdapter {
  return cardGateway({
    baseUrl: sandbox.urlOf('cardgateway'),
    memberId: M.memberId,
    secureKey: M.secureKey,
    terminalId: M.terminalId,
    retries: 1,
    retryBackoff: { baseMs: 5, maxMs: 20 },
    // The suite checks next-action hosts literally; the kit itself accepts its own card page without
    // it (sessions/next-action.ts), so in a checkout only the gateway's ACS host is needed here.
    redirectHosts: [new URL(sandbox.urlOf('cardgateway')).host, new URL(KIT).host],
    ...options,
  });
}

runAdapterConformance('adapter conformance: card gateway × sandbox', {
  makeAdapter: () => adapterFor(),
  publicUrl: KIT,
  async completePayment(_initiation, input) {
    // The shopper's part: the card typed into the kit's card page, which hands it to payWithCard.
    const adapter = adapterFor();
    await adapter.payWithCard(input, {
      number: '4111111111111111',
      expiryMonth: '12',
      expiryYear: FUTURE_YEAR,
      cvc: '123',
      holder: 'Anna Test',
    });
  },
});

let seq = 0;
function input(overrides: Partial<ProviderSessionInput> = {}): ProviderSessionInput {
  const sessionId = `cs_adapter${Date.now()}${++seq}`;
  return {
    sessionId,
    reference: `pc-${sessionId}`,
    orderId: `order-${seq}`,
    amount: { value: 2500, currency: 'EUR' },
    description: 'Card gateway adapter test',
    method: 'card',
    returnUrl: `${KIT}/return/${sessionId}`,
    state: sessionId,
    notificationUrl: `${KIT}/notifications/cardgateway`,
    ...overrides,
  };
}

const card = (number: string) => ({
  number,
  expiryMonth: '12',
  expiryYear: FUTURE_YEAR,
  cvc: '123',
  holder: 'Anna Test',
});

describe('card gateway adapter', () => {
  describe('options', () => {
    it('names a missing option and never echoes the secure key', () => {
      assert.throws(
        () => cardGateway({ baseUrl: 'http://127.0.0.1:1', memberId: '1', terminalId: '2' } as never),
        (error) => error instanceof ConfigError && /option secureKey is required/.test(error.message),
      );
      assert.throws(
        () =>
          cardGateway({
            baseUrl: 'ftp://x',
            memberId: '1',
            secureKey: 'very-secret-key',
            terminalId: '2',
          }),
        (error) =>
          error instanceof ConfigError &&
          /baseUrl/.test(error.message) &&
          !error.message.includes('very-secret'),
      );
    });

    it('wants username and partnerId together', () => {
      assert.throws(
        () => adapterFor({ username: M.username }),
        (error) => error instanceof ConfigError && /username and partnerId/.test(error.message),
      );
    });
  });

  describe('initiate and the card', () => {
    it('sends the shopper to the kit card page and opens nothing at the gateway yet', async () => {
      const adapter = adapterFor();
      const from = input();
      const initiation = await adapter.initiate(from);
      assert.deepEqual(initiation.next, { type: 'redirect', url: `${KIT}/card/${from.sessionId}` });
      assert.equal(initiation.providerRef, from.reference);
      assert.equal(initiation.status.status, 'pending');
      assert.equal(
        sandbox.stage('cardgateway').book.byMerchantTransactionId(M.memberId, from.reference),
        undefined,
      );
    });

    it('refuses a method other than card, and a currency without two decimals', async () => {
      const adapter = adapterFor();
      await assert.rejects(adapter.initiate(input({ method: 'pis' })), ValidationError);
      await assert.rejects(
        adapter.initiate(input({ amount: { value: 2500, currency: 'JPY' } })),
        ValidationError,
      );
    });

    it('pays each test card as docs/test-data.md says', async () => {
      const adapter = adapterFor();
      const cases: [string, string, string | undefined][] = [
        ['4111111111111111', 'succeeded', undefined],
        ['4000000000009995', 'failed', 'insufficient_funds'],
        ['4000000000000069', 'failed', 'declined'],
      ];
      for (const [number, status, reason] of cases) {
        const paid = await adapter.payWithCard(input(), card(number));
        assert.equal(paid.status.status, status, number);
        assert.equal(paid.status.reason, reason, number);
        assert.deepEqual(paid.next, { type: 'none' });
        assert.equal(typeof paid.providerData?.paymentId, 'string');
      }
    });

    it('answers 3-D Secure as a form post to the ACS, pending until the shopper is back', async () => {
      const paid = await adapterFor().payWithCard(input(), card('4000000000003220'));
      assert.equal(paid.status.status, 'pending');
      assert.equal(paid.status.raw, '3D Authstarted');
      assert.equal(paid.next.type, 'form_post');
      if (paid.next.type !== 'form_post') return;
      assert.match(paid.next.url, /\/cardgateway\/acs\/\d+$/);
      assert.ok(paid.next.fields.PaReq);
    });

    it('reads why a payment failed from the payment, not from the read that found it', async () => {
      // A read's `result` is "record found" (00026); the decline reason is the payment's `remark`.
      // Reading it from the read's result turned a failed challenge into a plain decline whenever the
      // kit's read came before the gateway's callback.
      const adapter = adapterFor();
      const challenged = input();
      const paid = await adapter.payWithCard(challenged, card('4000000000003220'));
      if (paid.next.type !== 'form_post') assert.fail('3-D Secure expected');
      const answer = await fetch(`${paid.next.url}/result`, {
        method: 'POST',
        body: new URLSearchParams({ PaReq: paid.next.fields.PaReq ?? '', result: 'fail', lang: 'en' }),
        redirect: 'manual',
      });
      assert.equal(answer.status, 303);
      const failedChallenge = { status: 'failed', reason: 'authentication_failed', raw: 'authfailed' };
      const ref = { reference: challenged.reference, providerRef: paid.providerRef };
      // By the gateway's paymentId (GET payments/{id}), then by our reference (the inquiry).
      assert.deepEqual(await adapter.status({ ...ref, providerData: paid.providerData }), failedChallenge);
      assert.deepEqual(await adapter.status(ref), failedChallenge);
      assert.deepEqual((await adapter.findByReference(challenged))?.status, failedChallenge);

      const declined = input();
      const refused = await adapter.payWithCard(declined, card('4000000000009995'));
      const read = await adapter.status({ reference: declined.reference, providerRef: refused.providerRef });
      assert.equal(read.reason, 'insufficient_funds');
    });

    it('authorizes only with paymentType PA, then captures part, refunds once, and voids', async () => {
      const adapter = adapterFor({ paymentType: 'PA' });
      const from = input();
      const paid = await adapter.payWithCard(from, card('4111111111111111'));
      assert.equal(paid.status.status, 'authorized');
      const payment = {
        providerRef: paid.providerRef,
        reference: from.reference,
        providerData: paid.providerData,
      };
      const op = (value: number) => ({
        payment,
        operationId: `op_${value}`,
        amount: { value, currency: 'EUR' },
        full: false,
      });
      assert.equal((await adapter.capture?.(op(1000)))?.status, 'succeeded');
      assert.equal((await adapter.status(payment)).status, 'succeeded');
      const tooMuch = await adapter.refund?.(op(1001));
      assert.equal(tooMuch?.status, 'failed');
      assert.match(tooMuch?.reason ?? '', /exceeds the captured amount/);
      assert.equal((await adapter.refund?.(op(400)))?.status, 'succeeded');
      assert.equal((await adapter.refund?.(op(100)))?.status, 'failed');

      const other = input();
      const authorized = await adapter.payWithCard(other, card('4111111111111111'));
      // Without the kept payment id the adapter asks the gateway by our reference.
      const voided = await adapter.void?.({
        payment: { providerRef: authorized.providerRef, reference: other.reference },
        operationId: 'op_void',
        amount: { value: 2500, currency: 'EUR' },
        full: true,
      });
      assert.equal(voided?.status, 'succeeded');
      assert.equal(
        (await adapter.status({ providerRef: other.reference, reference: other.reference })).status,
        'cancelled',
      );
    });

    it('reads a session whose card was not entered yet as pending', async () => {
      const from = input();
      const status = await adapterFor().status({ providerRef: from.reference, reference: from.reference });
      assert.deepEqual(status, { status: 'pending', raw: 'card_entry' });
    });

    it('asks for a token once and reuses it', async () => {
      const paths: string[] = [];
      const adapter = adapterFor({
        fetch: (url, init) => {
          paths.push(new URL(String(url)).pathname.split('/').pop() ?? '');
          return fetch(url, init);
        },
      });
      await adapter.payWithCard(input(), card('4111111111111111'));
      await adapter.payWithCard(input(), card('4111111111111111'));
      assert.deepEqual(paths, ['authToken', 'payments', 'payments']);
    });
  });

  describe('callbacks (notifications)', () => {
    const fields = {
      paymentId: '77251',
      merchantTransactionId: 'pc-cs_callback',
      amount: '156.00',
      status: 'authfailed',
      transactionStatus: 'N',
      result: { code: '20007', description: 'Insufficient funds' },
    };
    const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const json = new Headers({ 'content-type': 'application/json' });

    it('trusts a callback whose checksum matches, naming our reference', async () => {
      const parsed = await adapterFor().parseNotification(
        bytes(signCardGatewayCallback(fields, M.secureKey)),
        json,
      );
      assert.equal(parsed.type, 'status');
      if (parsed.type !== 'status') return;
      assert.equal(parsed.providerRef, 'pc-cs_callback');
      assert.deepEqual(parsed.status, { status: 'failed', reason: 'insufficient_funds', raw: 'authfailed' });
    });

    it('accepts the same callback form-encoded', async () => {
      const signed = signCardGatewayCallback({ ...fields, result: undefined }, M.secureKey);
      const form = new URLSearchParams(
        Object.entries(signed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      const parsed = await adapterFor().parseNotification(
        new TextEncoder().encode(form.toString()),
        new Headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      );
      assert.equal(parsed.type, 'status');
    });

    it('refuses an unsigned callback and a wrong checksum with 401, a changed amount too', async () => {
      const adapter = adapterFor();
      await assert.rejects(adapter.parseNotification(bytes(fields), json), (error) => {
        assert.ok(error instanceof SignatureError);
        assert.equal(error.status, 401);
        assert.match(error.message, /no checksum/);
        return true;
      });
      const signed = signCardGatewayCallback(fields, M.secureKey);
      for (const forged of [
        { ...signed, checksum: 'f'.repeat(32) },
        { ...signed, amount: '1.00' },
        { ...signed, transactionStatus: 'Y', status: 'capturesuccess' },
        signCardGatewayCallback(fields, 'another-merchants-key'),
      ]) {
        await assert.rejects(adapter.parseNotification(bytes(forged), json), (error) => {
          assert.ok(error instanceof SignatureError);
          assert.match(error.message, /does not match/);
          return true;
        });
      }
    });

    it('refuses garbage with a 4xx CheckoutError', async () => {
      const adapter = adapterFor();
      for (const raw of ['not json', '[]', JSON.stringify({ checksum: 'x' })]) {
        await assert.rejects(adapter.parseNotification(new TextEncoder().encode(raw), json), (error) => {
          assert.ok(error instanceof CheckoutError && error.status >= 400 && error.status < 500);
          return true;
        });
      }
    });
  });

  describe('statuses', () => {
    it('maps every long status of the gateway, or refuses payouts as unsupported', () => {
      for (const raw of CARDGATEWAY_LONG_STATUSES) {
        if (raw.startsWith('payout')) {
          assert.throws(
            () => mapCardGatewayStatus(raw),
            (error) => error instanceof CheckoutError && error.code === 'unsupported_status',
          );
          continue;
        }
        const mapped = mapCardGatewayStatus(raw);
        SessionStatus.parse(mapped.status);
        assert.equal(mapped.raw, raw);
      }
    });

    it('maps each status where the payment stands', () => {
      const expected: Record<string, string> = {
        begun: 'pending',
        '3D Authstarted': 'pending',
        authstarted: 'processing',
        authsuccessful: 'authorized',
        capturestarted: 'authorized',
        capturefailed: 'authorized',
        cancelstarted: 'authorized',
        capturesuccess: 'succeeded',
        settled: 'succeeded',
        markedforreversal: 'succeeded',
        reversed: 'succeeded',
        chargeback: 'succeeded',
        authfailed: 'failed',
        failed: 'failed',
        authcancelled: 'cancelled',
        cancelled: 'cancelled',
      };
      for (const [raw, status] of Object.entries(expected))
        assert.equal(mapCardGatewayStatus(raw).status, status, raw);
    });

    it('tells the decline reasons apart by the result description', () => {
      assert.equal(mapCardGatewayStatus('authfailed', 'Insufficient funds').reason, 'insufficient_funds');
      assert.equal(
        mapCardGatewayStatus('authfailed', '3-D Secure authentication failed').reason,
        'authentication_failed',
      );
      assert.equal(mapCardGatewayStatus('authfailed', 'Expired card').reason, 'declined');
      assert.equal(mapCardGatewayStatus('authcancelled').reason, 'cancelled_by_shopper');
    });

    it('never guesses an unknown status', () => {
      assert.throws(
        () => mapCardGatewayStatus('paid'),
        (error) => error instanceof CheckoutError && error.code === 'unsupported_status',
      );
    });
  });
});
