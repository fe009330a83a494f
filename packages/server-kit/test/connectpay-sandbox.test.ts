import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  CONFIRMATION_CODE,
  FAKE_BANK_ID,
  FAKE_BANK_NAME,
  FAKE_BANK_PASSWORD,
  FAKE_BANK_USERNAME,
  SANDBOX_BAAS,
  SANDBOX_CLIENT,
  SIAULIU_BANK_ID,
  SIAULIU_BANK_NAME,
  startSandbox,
  TEST_CARDS,
} from '@pay-checkout/sandbox';
import { ProviderError, ProviderTimeoutError } from '../src/errors.js';
import { connectpay } from '../src/providers/connectpay/index.js';
import type {
  ProviderAdapter,
  ProviderInitiation,
  ProviderPaymentRef,
  ProviderSessionInput,
  ProviderStatus,
} from '../src/providers/provider.js';

/**
 * The ConnectPay adapter against the real sandbox over HTTP: every ConnectPay row of docs/test-data.md,
 * merchant payments and BaaS top-ups, driven through the sandbox widget with plain form posts as
 * connectpay-sandbox-wire.md describes ("Journeys").
 */

const FAKE_BANK = FAKE_BANK_ID;
const SIAULIU_BANK = SIAULIU_BANK_ID;
/** Seeded BaaS accounts: Anna owns an active and an inactive one, Ben an active one. */
const account = (consumerId: string, active: boolean) =>
  SANDBOX_BAAS.accounts.find((item) => item.consumerId === consumerId && item.active === active)!.iban;
const ANNA_ACTIVE = account('consumer-anna', true);
const ANNA_INACTIVE = account('consumer-anna', false);
const BEN_ACTIVE = account('consumer-ben', true);

let sandbox: { url: string; connectPayUrl: string; close(): Promise<void> };
let base: string;
let receiver: Server;
let notificationUrl: string;
let notifications: Uint8Array[] = [];

/** Every API call the adapter makes, and headers to add to the next one (sandbox knobs). */
let calls: string[] = [];
let nextCallHeaders: Record<string, string> | undefined;
/** When set, the next response is received but withheld until the caller gives up: a lost answer. */
let loseNextAnswer = false;

const recordingFetch: typeof fetch = async (input, init) => {
  calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
  const headers = { ...(init?.headers as Record<string, string>), ...nextCallHeaders };
  nextCallHeaders = undefined;
  const response = await fetch(input, { ...init, headers });
  if (loseNextAnswer) {
    loseNextAnswer = false;
    await response.body?.cancel();
    const signal = init?.signal;
    return new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
  }
  return response;
};

function adapter(options: { timeoutMs?: number } = {}): ProviderAdapter {
  return connectpay({
    baseUrl: base,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    brandId: SANDBOX_CLIENT.brandId,
    privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
    timeoutMs: options.timeoutMs ?? 5_000,
    retries: 3,
    retryBackoff: { baseMs: 5, maxMs: 20 },
    topUp: { creditorIban: ANNA_ACTIVE, consumerId: 'consumer-anna' },
    fetch: recordingFetch,
  });
}

let sequence = 0;
function session(overrides: Partial<ProviderSessionInput> = {}): ProviderSessionInput {
  sequence++;
  return {
    sessionId: `session-${sequence}`,
    reference: `ref-${process.pid}-${sequence}`,
    orderId: `order-${sequence}`,
    amount: { value: 1999, currency: 'EUR' },
    description: `Order ${sequence}`,
    method: 'card',
    returnUrl: `http://localhost:3000/checkout/return/session-${sequence}`,
    notificationUrl,
    state: `session-${sequence}`,
    ...overrides,
  };
}

/** Where the adapter sends the shopper (ConnectPay always answers a widget redirect). */
function urlOf(initiation: ProviderInitiation): string {
  assert.equal(initiation.next.type, 'redirect');
  return initiation.next.type === 'redirect' ? initiation.next.url : '';
}

/** A payment as the kit hands it back to `status()`. */
function refOf(payment: Pick<ProviderInitiation, 'providerRef' | 'providerData'>): ProviderPaymentRef {
  return { providerRef: payment.providerRef, reference: '', providerData: payment.providerData };
}

/** Posts one widget form (post/redirect/get: success is a 303 back to the widget). */
async function widget(redirectUrl: string, step: string, fields: Record<string, string> = {}): Promise<void> {
  const url = new URL(redirectUrl);
  const key = url.searchParams.get('key') ?? '';
  const response = await fetch(`${url.origin}${url.pathname}/${step}`, {
    method: 'POST',
    body: new URLSearchParams({ key, ...fields }),
    redirect: 'manual',
  });
  await response.body?.cancel();
  assert.equal(response.status, 303, `widget/${step} answered ${response.status}`);
}

async function payByBank(
  redirectUrl: string,
  login = { username: FAKE_BANK_USERNAME, password: FAKE_BANK_PASSWORD },
): Promise<void> {
  await widget(redirectUrl, 'login', login);
  await widget(redirectUrl, 'code', { code: CONFIRMATION_CODE });
}

async function payByCard(redirectUrl: string, number: string, threeDs?: 'pass' | 'fail'): Promise<void> {
  await widget(redirectUrl, 'card', { number, expiry: '12/30', cvc: '123', name: 'Test Shopper' });
  if (threeDs) await widget(redirectUrl, '3ds', { result: threeDs });
}

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}/admin/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Queues statuses that the sandbox client's next API calls answer (knob "fail next"). */
async function queueFailures(statuses: number[]): Promise<void> {
  const response = await admin('POST', 'fail-next', { clientId: SANDBOX_CLIENT.clientId, statuses });
  assert.equal(response.status, 200);
}

before(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      notifications.push(new Uint8Array(Buffer.concat(chunks)));
      res.writeHead(200).end('OK');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  notificationUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/checkout/notifications/connectpay`;
  sandbox = await startSandbox({ port: 0, log: () => {} });
  base = sandbox.connectPayUrl;
});

after(async () => {
  await sandbox.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(() => {
  calls = [];
  nextCallHeaders = undefined;
  loseNextAnswer = false;
});

const succeeded: ProviderStatus = { status: 'succeeded', raw: 'Completed' };

describe('ConnectPay adapter × sandbox: merchant payments', () => {
  it('opens a payment for each method with a widget redirect on the allowed hosts', async () => {
    const connect = adapter();
    for (const method of ['pis', 'card', 'googlepay', 'applepay'] as const) {
      const result = await connect.initiate(session({ method, country: 'DE' }));
      assert.deepEqual(result.status, { status: 'pending', raw: 'Initiated' });
      const redirect = new URL(urlOf(result));
      assert.ok(connect.redirectHosts.includes(redirect.host), `${redirect.host} is allowed`);
      assert.equal(redirect.pathname, '/connectpay/widget');
      assert.deepEqual(await connect.status(refOf(result)), { status: 'pending', raw: 'Initiated' });
    }
  });

  it('PIS DE with Fake Bank preselected: login username/secret, code 123456 → succeeded', async () => {
    const connect = adapter();
    const result = await connect.initiate(
      session({ method: 'pis', bank: FAKE_BANK, country: 'DE', language: 'de' }),
    );
    await widget(urlOf(result), 'login', { username: FAKE_BANK_USERNAME, password: FAKE_BANK_PASSWORD });
    assert.deepEqual(await connect.status(refOf(result)), { status: 'processing', raw: 'Pending' });
    await widget(urlOf(result), 'code', { code: CONFIRMATION_CODE });
    assert.deepEqual(await connect.status(refOf(result)), succeeded);
  });

  it('PIS LT with Siauliu bankas: any login, code 123456 → succeeded', async () => {
    const connect = adapter();
    const result = await connect.initiate(
      session({ method: 'pis', bank: SIAULIU_BANK, country: 'LT', language: 'lt' }),
    );
    await payByBank(urlOf(result), { username: 'jonas', password: 'anything' });
    assert.deepEqual(await connect.status(refOf(result)), succeeded);
  });

  it('PIS without a preselected bank: the shopper picks Fake Bank at the widget → succeeded', async () => {
    const connect = adapter();
    const result = await connect.initiate(session({ method: 'pis', country: 'DE' }));
    await widget(urlOf(result), 'bank', { providerId: FAKE_BANK });
    await payByBank(urlOf(result));
    assert.deepEqual(await connect.status(refOf(result)), succeeded);
  });

  for (const [number, label] of [
    [TEST_CARDS.visaChallenge, 'Visa'],
    [TEST_CARDS.mastercardChallenge, 'MasterCard'],
  ] as const) {
    it(`CARD ${number} (${label}): 3-D Secure challenge passed → succeeded`, async () => {
      const connect = adapter();
      const result = await connect.initiate(session({ method: 'card' }));
      await widget(urlOf(result), 'card', { number, expiry: '12/30', cvc: '123', name: 'Test Shopper' });
      assert.deepEqual(await connect.status(refOf(result)), { status: 'processing', raw: 'Pending' });
      await widget(urlOf(result), '3ds', { result: 'pass' });
      assert.deepEqual(await connect.status(refOf(result)), succeeded);
    });
  }

  it('CARD 4485040371536584: frictionless → succeeded', async () => {
    const connect = adapter();
    const result = await connect.initiate(session({ method: 'card' }));
    await payByCard(urlOf(result), TEST_CARDS.visaFrictionless);
    assert.deepEqual(await connect.status(refOf(result)), succeeded);
  });

  it('CARD 4544249167673670 → failed with insufficient_funds', async () => {
    const connect = adapter();
    const result = await connect.initiate(session({ method: 'card' }));
    await payByCard(urlOf(result), TEST_CARDS.insufficientFunds);
    assert.deepEqual(await connect.status(refOf(result)), {
      status: 'failed',
      reason: 'insufficient_funds',
      raw: 'Rejected',
    });
  });

  it('CARD 4539253655711767 → failed with card_lost_or_stolen', async () => {
    const connect = adapter();
    const result = await connect.initiate(session({ method: 'card' }));
    await payByCard(urlOf(result), TEST_CARDS.stolenCard);
    assert.deepEqual(await connect.status(refOf(result)), {
      status: 'failed',
      reason: 'card_lost_or_stolen',
      raw: 'Rejected',
    });
  });

  it('CARD with a failed 3-D Secure challenge → failed with authentication_failed', async () => {
    const connect = adapter();
    const result = await connect.initiate(session({ method: 'card' }));
    await payByCard(urlOf(result), TEST_CARDS.visaChallenge, 'fail');
    assert.deepEqual(await connect.status(refOf(result)), {
      status: 'failed',
      reason: 'authentication_failed',
      raw: 'Failed',
    });
  });

  for (const method of ['googlepay', 'applepay'] as const) {
    it(`${method}: wallet sheet confirmed → succeeded`, async () => {
      const connect = adapter();
      const result = await connect.initiate(session({ method }));
      await widget(urlOf(result), 'wallet');
      assert.deepEqual(await connect.status(refOf(result)), succeeded);
    });
  }

  it('cancel at the widget → cancelled by the shopper', async () => {
    const connect = adapter();
    const result = await connect.initiate(session({ method: 'card' }));
    await widget(urlOf(result), 'cancel');
    assert.deepEqual(await connect.status(refOf(result)), {
      status: 'cancelled',
      reason: 'cancelled_by_shopper',
      raw: 'Cancelled',
    });
  });

  it('99.99 EUR → processing with manual_review; an admin approval → succeeded', async () => {
    const connect = adapter();
    const result = await connect.initiate(
      session({ method: 'card', amount: { value: 9999, currency: 'EUR' } }),
    );
    await payByCard(urlOf(result), TEST_CARDS.visaFrictionless);
    assert.deepEqual(await connect.status(refOf(result)), {
      status: 'processing',
      reason: 'manual_review',
      raw: 'PendingProvider',
    });
    assert.equal((await admin('POST', `payments/${result.providerRef}/approve`)).status, 200);
    assert.deepEqual(await connect.status(refOf(result)), succeeded);
  });

  it('99.99 EUR by PIS, rejected in manual review → failed with declined', async () => {
    const connect = adapter();
    const result = await connect.initiate(
      session({ method: 'pis', bank: FAKE_BANK, country: 'DE', amount: { value: 9999, currency: 'EUR' } }),
    );
    await payByBank(urlOf(result));
    assert.equal((await connect.status(refOf(result))).reason, 'manual_review');
    assert.equal((await admin('POST', `payments/${result.providerRef}/reject`)).status, 200);
    assert.deepEqual(await connect.status(refOf(result)), {
      status: 'failed',
      reason: 'declined',
      raw: 'Rejected',
    });
  });

  it('lists the banks of a country with their BICs, Fake Bank among DE ones', async () => {
    const banks = await adapter().banks('DE');
    assert.ok(banks.length > 0);
    assert.ok(banks.every((bank) => bank.country === 'DE'));
    assert.deepEqual(
      banks.find((bank) => bank.id === FAKE_BANK),
      { id: FAKE_BANK, name: FAKE_BANK_NAME, country: 'DE', bic: 'FAKEDEF0', provider: 'connectpay' },
    );
    assert.ok(
      banks.every((bank) => typeof bank.bic === 'string' && bank.bic.length >= 8),
      'every bank has a BIC',
    );
    const lt = await adapter().banks('LT');
    assert.ok(lt.some((bank) => bank.id === SIAULIU_BANK && bank.name === SIAULIU_BANK_NAME));
  });
});

describe('ConnectPay adapter × sandbox: BaaS top-ups', () => {
  it('top-up by PIS DE (Fake Bank) into the consumer’s active account → succeeded', async () => {
    const connect = adapter();
    const result = await connect.initiate(
      session({ method: 'pis', bank: FAKE_BANK, country: 'DE', topUp: { creditorIban: ANNA_ACTIVE } }),
    );
    assert.deepEqual(result.providerData, { api: 'baas' });
    await payByBank(urlOf(result));
    assert.deepEqual(await connect.status(refOf(result)), succeeded);
  });

  it('top-up by PIS LT (Siauliu bankas) → succeeded', async () => {
    const connect = adapter();
    const result = await connect.initiate(
      session({
        method: 'pis',
        bank: SIAULIU_BANK,
        country: 'LT',
        topUp: { creditorIban: BEN_ACTIVE, consumerId: 'consumer-ben' },
      }),
    );
    await payByBank(urlOf(result), { username: 'ben', password: 'pw' });
    assert.deepEqual(await connect.status(refOf(result)), succeeded);
  });

  it('top-up by CARD 4242424242424242 → succeeded', async () => {
    const connect = adapter();
    const result = await connect.initiate(session({ method: 'card', topUp: { creditorIban: ANNA_ACTIVE } }));
    await payByCard(urlOf(result), TEST_CARDS.visaChallenge, 'pass');
    assert.deepEqual(await connect.status(refOf(result)), succeeded);
  });

  it('top-up by CARD 4539467987109256 → failed with declined', async () => {
    const connect = adapter();
    const result = await connect.initiate(session({ method: 'card', topUp: { creditorIban: ANNA_ACTIVE } }));
    await payByCard(urlOf(result), TEST_CARDS.topUpDeclined);
    assert.deepEqual(await connect.status(refOf(result)), {
      status: 'failed',
      reason: 'declined',
      raw: 'Rejected',
    });
  });

  for (const [label, topUp, code, message] of [
    [
      'an inactive account',
      { creditorIban: ANNA_INACTIVE, consumerId: 'consumer-anna' },
      'creditor_account_inactive',
      /not active/,
    ],
    [
      'another consumer’s account',
      { creditorIban: BEN_ACTIVE, consumerId: 'consumer-anna' },
      'creditor_account_not_owned',
      /does not belong to the onboarded consumer/,
    ],
    [
      'an unknown account',
      { creditorIban: 'LT999999999999999999', consumerId: 'consumer-anna' },
      'creditor_account_not_found',
      /does not exist/,
    ],
  ] as const) {
    it(`refuses a top-up into ${label} with ProviderError ${code}`, async () => {
      await assert.rejects(adapter().initiate(session({ method: 'pis', topUp })), (error: unknown) => {
        assert.ok(error instanceof ProviderError);
        assert.equal(error.code, code);
        assert.equal(error.providerStatus, 422);
        assert.equal(error.status, 422);
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /LT\d{18}/); // no IBAN in messages (they end up in logs)
        return true;
      });
    });
  }
});

describe('ConnectPay adapter × sandbox: misbehaving provider', () => {
  it('a hanging initiation hits the timeout with ProviderTimeoutError', async () => {
    const connect = adapter({ timeoutMs: 600 });
    nextCallHeaders = { 'x-sandbox-latency-ms': '2000' };
    await assert.rejects(connect.initiate(session()), ProviderTimeoutError);
    assert.deepEqual(calls, ['POST /connectpay/merchant/payments']);
  });

  it('findByReference finds the payment created by an initiation whose answer was lost', async () => {
    const connect = adapter({ timeoutMs: 600 });
    const input = session({ method: 'pis', bank: FAKE_BANK, country: 'DE' });
    loseNextAnswer = true;
    await assert.rejects(connect.initiate(input), ProviderTimeoutError);
    const found = await connect.findByReference(input);
    assert.ok(found, 'the payment is found by our reference');
    assert.deepEqual(found.status, { status: 'pending', raw: 'Initiated' });
    assert.deepEqual(await connect.status(refOf(found)), found.status);
    // Exactly one payment exists for the reference: the lost answer created it, nothing created a second.
    const listed = (await (await admin('GET', `payments?merchantReference=${input.reference}`)).json()) as {
      payments: Array<{ paymentId: string }>;
    };
    assert.deepEqual(
      listed.payments.map((payment) => payment.paymentId),
      [found.providerRef],
    );
  });

  it('findByReference answers undefined when no payment has the reference', async () => {
    assert.equal(await adapter().findByReference(session()), undefined);
  });

  it('500, 500, then success on a status read → one result after three calls', async () => {
    const connect = adapter();
    const result = await connect.initiate(session());
    calls = [];
    nextCallHeaders = undefined;
    await queueFailures([500, 500]);
    assert.deepEqual(await connect.status(refOf(result)), { status: 'pending', raw: 'Initiated' });
    assert.equal(calls.length, 3);
  });

  it('does not retry a status read answered 404', async () => {
    await assert.rejects(adapter().status(refOf({ providerRef: '00000000-0000-4000-8000-000000000000' })), {
      providerStatus: 404,
    });
    assert.equal(calls.length, 1);
  });

  it('does not retry an initiation answered 500, and no payment is created', async () => {
    const connect = adapter();
    const input = session();
    await queueFailures([500]);
    await assert.rejects(connect.initiate(input), { providerStatus: 500 });
    assert.equal(calls.length, 1);
    assert.equal(await connect.findByReference(input), undefined);
  });
});

describe('ConnectPay adapter × sandbox: notifications', () => {
  it('turns a real sandbox notification into a hint for the right payment, merchant and top-up', async () => {
    const connect = adapter();
    const merchant = await connect.initiate(session({ method: 'card' }));
    const topUp = await connect.initiate(session({ method: 'card', topUp: { creditorIban: ANNA_ACTIVE } }));
    notifications = [];
    await payByCard(urlOf(merchant), TEST_CARDS.visaFrictionless);
    await payByCard(urlOf(topUp), TEST_CARDS.visaFrictionless);
    const refs = new Set<string>();
    for (let waited = 0; refs.size < 2 && waited < 50; waited++) {
      for (const raw of notifications.splice(0)) {
        const hint = await connect.parseNotification(
          raw,
          new Headers({ 'content-type': 'application/json' }),
        );
        assert.equal(hint.type, 'status');
        if (hint.type !== 'status') continue;
        assert.equal(hint.status, undefined, 'an unsigned hint carries no status');
        assert.match(hint.notificationId, /^[0-9a-f]{64}$/);
        refs.add(hint.providerRef);
      }
      if (refs.size < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(refs.has(merchant.providerRef), 'merchant payment notified');
    assert.ok(refs.has(topUp.providerRef), 'top-up notified by its payment id');
  });
});
