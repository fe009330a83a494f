import assert from 'node:assert/strict';
import { createHash, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ConfigError, ProviderError, ProviderTimeoutError, ValidationError } from '../src/errors.js';
import { ConnectPayApiError, connectpay } from '../src/providers/connectpay/index.js';
import { connectPaySigningString } from '../src/providers/connectpay/request-signature.js';
import type { ProviderData, ProviderPaymentRef, ProviderSessionInput } from '../src/providers/provider.js';
import { onRequestRead, type SeenRequest } from './helpers/seen-request.js';

/**
 * The adapter's wire behaviour against a scripted node:http stand-in, for what the sandbox cannot
 * show exactly: the bytes and headers sent, hangs, and scripted 5xx sequences. The real sandbox runs
 * the journeys in connectpay-sandbox.test.ts.
 */

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

type Seen = SeenRequest;
type Answer = { status: number; json?: unknown } | 'hang';

let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let script: Array<(request: Seen) => Answer> = [];
let fallback: (request: Seen) => Answer = () => ({ status: 500, json: { error: { code: 'unscripted' } } });

before(async () => {
  server = createServer((req, res) =>
    onRequestRead(req, (request) => {
      seen.push(request);
      const answer = (script.shift() ?? fallback)(request);
      if (answer === 'hang') return; // never answers; the client's deadline must fire
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.json === undefined ? '' : JSON.stringify(answer.json));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/connectpay`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  script = [];
  fallback = () => ({ status: 500, json: { error: { code: 'unscripted' } } });
});

function adapter(extra: Record<string, unknown> = {}) {
  return connectpay({
    baseUrl,
    clientId: 'client-1',
    clientSecret: 'secret-1',
    brandId: 'brand-1',
    privateKeyPem,
    // generous, so a loaded CI machine never turns a slow first request into a timeout; the tests
    // about hanging calls set a short one themselves
    timeoutMs: 5000,
    retries: 3,
    retryBackoff: { baseMs: 1, maxMs: 5 },
    ...extra,
  });
}

function session(overrides: Partial<ProviderSessionInput> = {}): ProviderSessionInput {
  return {
    sessionId: 's1',
    reference: 'ref-s1',
    orderId: 'order-1',
    amount: { value: 1999, currency: 'EUR' },
    description: 'Order 1',
    method: 'pis',
    returnUrl: 'http://localhost:3000/checkout/return/s1',
    notificationUrl: 'http://localhost:3000/checkout/notifications/connectpay',
    state: 's1',
    ...overrides,
  };
}

/** A payment as the kit hands it back to `status()`. */
function ref(providerRef: string, providerData?: ProviderData): ProviderPaymentRef {
  return { providerRef, reference: 'ref-s1', ...(providerData ? { providerData } : {}) };
}

const created = (id = 'pay-1') => ({
  status: 201,
  json: {
    merchant: { brandId: 'brand-1' },
    payment: { paymentId: id, redirectUrl: `${baseUrl}/widget?key=k` },
  },
});
const details = (status: string, statusReason?: string) => ({
  status: 200,
  json: { payment: { paymentId: 'pay-1', status, statusReason, createdAt: '2026-11-25T00:00:00Z' } },
});

describe('connectpay(options)', () => {
  it('names a missing option in a ConfigError', () => {
    for (const name of ['baseUrl', 'clientId', 'clientSecret', 'brandId', 'privateKeyPem']) {
      const options: Record<string, unknown> = {
        baseUrl,
        clientId: 'c',
        clientSecret: 's',
        brandId: 'b',
        privateKeyPem,
      };
      delete options[name];
      assert.throws(
        () => connectpay(options as never),
        (error: unknown) =>
          error instanceof ConfigError && error.message === `connectpay: option ${name} is required`,
      );
    }
  });

  it('names a wrong option without echoing its value', () => {
    assert.throws(
      () => adapter({ baseUrl: 'ftp://example.test' }),
      /option baseUrl must be an http\(s\) URL/,
    );
    assert.throws(() => adapter({ timeoutMs: -1 }), /option timeoutMs /);
    assert.throws(
      () => adapter({ privateKeyPem: 'not a key' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /option privateKeyPem is not a readable PEM private key/);
        assert.doesNotMatch(error.message, /not a key/);
        return true;
      },
    );
  });

  it('is a sandbox on localhost and on stage hosts, live elsewhere', () => {
    assert.equal(adapter().sandbox, true);
    assert.equal(adapter({ baseUrl: 'https://api2-stage.connectpay.com' }).sandbox, true);
    assert.equal(adapter({ baseUrl: 'https://api2.connectpay.com' }).sandbox, false);
    assert.equal(adapter({ baseUrl: 'https://api2.connectpay.com', sandbox: true }).sandbox, true);
  });

  it('allows redirects to the API host and the ConnectPay widget hosts by default', () => {
    const port = new URL(baseUrl).port;
    assert.deepEqual(adapter().redirectHosts, [
      `127.0.0.1:${port}`,
      'pay-stage.connectpay.com',
      'pay.connectpay.com',
    ]);
    assert.deepEqual(adapter({ redirectHosts: ['pay.example'] }).redirectHosts, ['pay.example']);
  });

  it('declares all four methods, no operations, hint notifications, path returns and top-up support', () => {
    assert.deepEqual(adapter().capabilities, {
      methods: ['pis', 'card', 'googlepay', 'applepay'],
      operations: {},
      notifications: 'hint',
      returnStyle: 'path',
      topUp: true,
    });
    assert.equal(adapter().id, 'connectpay');
    assert.equal(adapter().kind, 'connectpay');
  });

  it('takes an instance id, so two ConnectPay accounts can coexist', () => {
    const second = adapter({ id: 'connectpay-b' });
    assert.equal(second.id, 'connectpay-b');
    assert.equal(second.kind, 'connectpay');
    assert.throws(() => adapter({ id: 'Bad Id' }), /option id must be lower-case/);
  });
});

describe('ConnectPay requests on the wire', () => {
  it('sends Basic auth, a verifiable X-Signature over the exact body, a uuid X-Request-ID and API version 2', async () => {
    script = [() => created()];
    await adapter().initiate(session());
    const [request] = seen;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/connectpay/merchant/payments');
    assert.equal(
      request.headers.authorization,
      `Basic ${Buffer.from('client-1:secret-1').toString('base64')}`,
    );
    assert.match(
      String(request.headers['x-request-id']),
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.equal(request.headers.accept, 'application/json;version=2');
    assert.equal(request.headers['content-type'], 'application/json');
    const url = new URL(request.url, `http://${request.headers.host}`);
    const verifier = createVerify('RSA-SHA256');
    verifier.update(connectPaySigningString('POST', url, request.body));
    assert.equal(verifier.verify(publicKey, String(request.headers['x-signature']), 'base64'), true);
  });

  it('maps the session onto an Initiate Payment body: method, bank, country, language, amount, URLs, reference', async () => {
    script = [() => created()];
    const result = await adapter().initiate(
      session({ bank: 'bank-1', country: 'de', language: 'de-AT', amount: { value: 105, currency: 'EUR' } }),
    );
    assert.deepEqual(JSON.parse(seen[0].body), {
      merchant: {
        brandId: 'brand-1',
        redirectUrl: 'http://localhost:3000/checkout/return/s1',
        notificationUrl: 'http://localhost:3000/checkout/notifications/connectpay',
        language: 'DE',
      },
      payment: {
        paymentMethod: ['PIS'],
        providerCountryCode: 'DE',
        providerId: 'bank-1',
        instructedAmount: { amount: '1.05', currency: 'EUR' },
        remittanceInformationUnstructured: 'Order 1',
      },
      identifiers: { merchantReference: 'ref-s1' },
    });
    assert.deepEqual(result, {
      providerRef: 'pay-1',
      next: { type: 'redirect', url: `${baseUrl}/widget?key=k` },
      status: { status: 'pending', raw: 'Initiated' },
    });
  });

  it('spells each method as ConnectPay does and falls back to EN for other languages', async () => {
    const cases = [
      ['card', 'CARD', 'lt', 'LT'],
      ['googlepay', 'GooglePay', 'sv-SE', 'SV'],
      ['applepay', 'ApplePay', 'ar', 'EN'],
      ['pis', 'PIS', undefined, 'EN'],
    ] as const;
    for (const [method, wire, language, widget] of cases) {
      seen = [];
      script = [() => created()];
      await adapter().initiate(session({ method, language }));
      const body = JSON.parse(seen[0].body);
      assert.deepEqual(body.payment.paymentMethod, [wire]);
      assert.equal(body.merchant.language, widget);
    }
  });

  it('converts zero- and three-decimal currencies from minor units', async () => {
    script = [() => created(), () => created()];
    await adapter().initiate(session({ amount: { value: 1500, currency: 'JPY' } }));
    await adapter().initiate(session({ amount: { value: 1500, currency: 'KWD' } }));
    assert.equal(JSON.parse(seen[0].body).payment.instructedAmount.amount, '1500');
    assert.equal(JSON.parse(seen[1].body).payment.instructedAmount.amount, '1.500');
  });

  it('opens a top-up at the BaaS path with the creditor account and consumer, and marks its reference', async () => {
    script = [() => created('top-1')];
    const result = await adapter({
      topUp: { creditorIban: 'LT000', consumerId: 'consumer-default' },
    }).initiate(session({ method: 'card', topUp: { creditorIban: 'LT601010012345678901' } }));
    assert.equal(seen[0].url, '/connectpay/baas/merchant/topup/pis/payments');
    const body = JSON.parse(seen[0].body);
    assert.deepEqual(body.payment.creditorAccount, { iban: 'LT601010012345678901' });
    assert.deepEqual(body.consumer, { consumerId: 'consumer-default' });
    assert.equal(result.providerRef, 'top-1');
    assert.deepEqual(result.providerData, { api: 'baas' });
  });

  it('refuses a wallet top-up before calling ConnectPay', async () => {
    await assert.rejects(
      adapter().initiate(session({ method: 'googlepay', topUp: { creditorIban: 'LT1', consumerId: 'c' } })),
      ValidationError,
    );
    assert.equal(seen.length, 0);
  });

  it("answers a top-up account rejection with ConnectPay's code, and any other 422 as provider_refused", async () => {
    const refusal = (code: string) => () => ({
      status: 422,
      json: { error: { code, message: `ConnectPay says ${code}` } },
    });
    script = [refusal('creditor_account_inactive'), refusal('amount_too_large')];
    const topUp = session({
      method: 'pis',
      topUp: { creditorIban: 'LT601010012345678901', consumerId: 'c' },
    });
    await assert.rejects(adapter().initiate(topUp), (error: unknown) => {
      assert.ok(error instanceof ConnectPayApiError);
      assert.deepEqual(
        [error.code, error.status, error.providerCode],
        ['creditor_account_inactive', 422, 'creditor_account_inactive'],
      );
      assert.equal(error.message, 'The top-up creditor account is not active, so it cannot be credited.');
      assert.ok(error.requestId, 'the request id is kept');
      return true;
    });
    await assert.rejects(adapter().initiate(session()), (error: unknown) => {
      assert.ok(error instanceof ConnectPayApiError);
      assert.deepEqual(
        [error.code, error.status, error.providerCode],
        ['provider_refused', 422, 'amount_too_large'],
      );
      return true;
    });
  });
});

describe('ConnectPay timeouts and retries', () => {
  it('turns a hanging initiation into a ProviderTimeoutError and does not send it twice', async () => {
    script = [() => 'hang'];
    await assert.rejects(adapter({ timeoutMs: 300 }).initiate(session()), (error: unknown) => {
      assert.ok(error instanceof ProviderTimeoutError);
      assert.equal(error.code, 'provider_timeout');
      assert.equal(error.message, 'ConnectPay did not answer within 300 ms.');
      return true;
    });
    assert.equal(seen.length, 1);
  });

  it('does not retry an initiation answered 500', async () => {
    script = [() => ({ status: 500, json: { error: { code: 'boom' } } }), () => created()];
    await assert.rejects(adapter().initiate(session()), (error: unknown) => {
      assert.ok(error instanceof ProviderError);
      assert.equal(error.providerStatus, 500);
      return true;
    });
    assert.equal(seen.length, 1);
  });

  it('retries a status read after 500, 500 and returns the one result', async () => {
    script = [() => ({ status: 500 }), () => ({ status: 503 }), () => details('Completed')];
    assert.deepEqual(await adapter().status(ref('pay-1')), { status: 'succeeded', raw: 'Completed' });
    assert.equal(seen.length, 3);
    assert.ok(seen.every((request) => request.url === '/connectpay/merchant/payments/pay-1'));
    assert.equal(new Set(seen.map((request) => request.headers['x-request-id'])).size, 3);
  });

  it('retries a status read that timed out', async () => {
    script = [() => 'hang', () => details('Pending')];
    assert.equal((await adapter({ timeoutMs: 300 }).status(ref('pay-1'))).status, 'processing');
    assert.equal(seen.length, 2);
  });

  it('does not retry a status read answered 4xx', async () => {
    script = [
      () => ({ status: 404, json: { error: { code: 'payment_not_found', message: 'No such payment' } } }),
    ];
    await assert.rejects(adapter().status(ref('pay-x')), (error: unknown) => {
      assert.ok(error instanceof ProviderError);
      assert.equal(error.providerStatus, 404);
      assert.match(error.message, /404 \(payment_not_found: No such payment\)/);
      return true;
    });
    assert.equal(seen.length, 1);
  });

  it('gives up after the configured retries with the last 5xx', async () => {
    fallback = () => ({ status: 502 });
    await assert.rejects(adapter({ retries: 2 }).status(ref('pay-1')), { providerStatus: 502 });
    assert.equal(seen.length, 3);
  });

  it('reads a top-up at the BaaS details path (its provider data says so)', async () => {
    script = [() => details('Rejected', 'TopUpCardDeclined')];
    assert.deepEqual(await adapter().status(ref('top-1', { api: 'baas' })), {
      status: 'failed',
      reason: 'declined',
      raw: 'Rejected',
    });
    assert.equal(seen[0].url, '/connectpay/baas/merchant/payments/top-1');
  });

  it('still reads a top-up stored before provider data by its baas: reference', async () => {
    script = [() => details('Completed')];
    assert.equal((await adapter().status(ref('baas:top-2'))).status, 'succeeded');
    assert.equal(seen[0].url, '/connectpay/baas/merchant/payments/top-2');
  });

  it('logs and refuses a status word it does not know, without leaking secrets into the log', async () => {
    const warnings: Array<{ details: Record<string, unknown>; message: string }> = [];
    const logger = {
      warn: (details: Record<string, unknown>, message: string) => warnings.push({ details, message }),
    };
    script = [() => details('Settled')];
    await assert.rejects(adapter({ logger }).status(ref('pay-1')), { code: 'unsupported_status' });
    assert.deepEqual(warnings, [
      {
        details: { provider: 'connectpay', providerRef: 'pay-1', status: 'Settled' },
        message: 'ConnectPay reported an unsupported payment status',
      },
    ]);
  });

  it('logs each retried read with its attempt and delay', async () => {
    const warnings: Array<Record<string, unknown>> = [];
    const logger = { warn: (details: Record<string, unknown>) => warnings.push(details) };
    script = [() => ({ status: 503 }), () => details('Pending')];
    await adapter({ logger }).status(ref('pay-1'));
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].attempt, 1);
    assert.equal(warnings[0].path, 'merchant/payments/pay-1');
    assert.doesNotMatch(JSON.stringify(warnings), /secret-1|Basic /);
  });

  it('reports an unexpected body as provider_bad_response', async () => {
    script = [() => ({ status: 200, json: { payment: { paymentId: 'pay-1' } } })];
    await assert.rejects(adapter().status(ref('pay-1')), { code: 'provider_bad_response' });
  });
});

describe('ConnectPay banks', () => {
  it('maps providers to bank options with their BIC and this instance, and caches them per country', async () => {
    fallback = () => ({
      status: 200,
      json: {
        providers: [
          {
            providerId: 'b1',
            name: 'Fake Bank with Client Keys',
            countryCode: 'DE',
            logoUrl: 'https://logo.test/b1.png',
          },
          { providerId: 'b2', name: 'Other Bank', countryCode: 'DE', bic: 'OTHERDE' },
        ],
      },
    });
    const connect = adapter();
    const banks = await connect.banks('de');
    assert.deepEqual(banks, [
      {
        id: 'b1',
        name: 'Fake Bank with Client Keys',
        country: 'DE',
        logo: 'https://logo.test/b1.png',
        provider: 'connectpay',
      },
      { id: 'b2', name: 'Other Bank', country: 'DE', bic: 'OTHERDE', provider: 'connectpay' },
    ]);
    await connect.banks('DE');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].url, '/connectpay/merchant/providers?countryCode=DE');
    await connect.banks('LT');
    assert.equal(seen.length, 2);
  });

  it('does not cache a failed bank list', async () => {
    script = [() => ({ status: 400, json: { error: { code: 'validation_failed' } } })];
    fallback = () => ({ status: 200, json: { providers: [] } });
    const connect = adapter();
    await assert.rejects(connect.banks('NL'), ProviderError);
    assert.deepEqual(await connect.banks('NL'), []);
    assert.equal(seen.length, 2);
  });
});

describe('ConnectPay notifications (unsigned hints)', () => {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  it('returns only the payment reference and a digest of the raw bytes, never a status', async () => {
    const raw = encode({ payment: { paymentId: 'pay-9', status: 'Completed' } });
    const verified = await adapter().parseNotification(raw, new Headers());
    assert.deepEqual(verified, {
      type: 'status',
      providerRef: 'pay-9',
      notificationId: createHash('sha256').update(raw).digest('hex'),
    });
    assert.equal(seen.length, 0);
  });

  it('names a top-up by its bare payment id (the session knows it is a top-up)', async () => {
    const raw = encode({
      payment: { paymentId: 'top-9', status: 'Completed' },
      consumer: { consumerId: 'consumer-anna' },
    });
    const parsed = await adapter().parseNotification(raw, new Headers());
    assert.equal(parsed.type === 'status' && parsed.providerRef, 'top-9');
  });

  it('rejects a body that is not JSON or names no payment with ValidationError', async () => {
    for (const raw of [
      new TextEncoder().encode('not json'),
      encode({ payment: {} }),
      new Uint8Array([0xff, 0xfe]),
    ]) {
      await assert.rejects(adapter().parseNotification(raw, new Headers()), ValidationError);
    }
  });
});
