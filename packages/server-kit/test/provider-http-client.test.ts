import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SANDBOX_CLIENT, startSandbox } from '@pay-checkout/sandbox';
import { z } from 'zod';
import { ProviderError, ProviderTimeoutError } from '../src/errors.js';
import { connectPaySigner } from '../src/providers/connectpay/request-signature.js';
import { basicAuth, bearerAuth } from '../src/providers/http/auth.js';
import { fetchTransport, nodeTransport } from '../src/providers/http/node-transport.js';
import {
  createProviderClient,
  type ProviderClientOptions,
  type SignableRequest,
} from '../src/providers/http/provider-client.js';
import { ProviderRequestError } from '../src/providers/http/provider-request-error.js';
import { closeServer, listenOnLoopback } from './helpers/local-server.js';
import { onRequestRead, type SeenRequest } from './helpers/seen-request.js';
import { unusedPort } from './helpers/unused-port.js';

/**
 * The provider HTTP client against a stand-in provider (a local node:http server): what goes on the
 * wire for every method and body, the signer hook, which calls are retried, and how every failure
 * names the provider's request id. One suite runs against the real sandbox with ConnectPay's signer.
 */

let server: Server;
let origin: string;
let seen: SeenRequest[] = [];
let handle: (request: SeenRequest, res: ServerResponse) => void;

before(async () => {
  server = createServer((req, res) =>
    onRequestRead(req, (request) => {
      seen.push(request);
      handle(request, res);
    }),
  );
  origin = await listenOnLoopback(server);
});

after(() => closeServer(server));

beforeEach(() => {
  seen = [];
  handle = (_, res) => json(res, 200, { ok: true });
});

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

const transport = nodeTransport();
after(() => transport.close());

function client(overrides: Partial<ProviderClientOptions> = {}) {
  return createProviderClient({
    provider: 'Stub',
    baseUrl: new URL(`${origin}/api`),
    auth: basicAuth('client', 'secret'),
    timeoutMs: 500,
    retries: 2,
    retryBackoff: { baseMs: 1, maxMs: 5 },
    transport,
    ...overrides,
  });
}

const Ok = z.object({ ok: z.literal(true) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HANG_GUARD = { timeout: 10_000 };

describe('provider client: requests on the wire', HANG_GUARD, () => {
  it('sends every method under the base path with the query and a JSON body, and parses the answer', async () => {
    const http = client();
    const body = { amount: '19.99', note: 'Užsakymas №7' };
    assert.deepEqual(await http.get({ path: 'payments/p-1', query: { expand: 'all', page: 2 } }, Ok), {
      ok: true,
    });
    await http.post({ path: 'payments', body }, Ok);
    await http.put({ path: 'customer/c-1/confirm', body }, Ok);
    await http.patch({ path: 'payments/p-1', body }, Ok);
    await http.delete({ path: 'payments/p-1' }, Ok);
    await http.request({ method: 'PATCH', path: 'payments/p-2', body }, Ok);
    assert.deepEqual(
      seen.map((request) => [request.method, request.url, request.body]),
      [
        ['GET', '/api/payments/p-1?expand=all&page=2', ''],
        ['POST', '/api/payments', JSON.stringify(body)],
        ['PUT', '/api/customer/c-1/confirm', JSON.stringify(body)],
        ['PATCH', '/api/payments/p-1', JSON.stringify(body)],
        ['DELETE', '/api/payments/p-1', ''],
        ['PATCH', '/api/payments/p-2', JSON.stringify(body)],
      ],
    );
    assert.equal(seen[1].headers['content-type'], 'application/json');
    assert.equal(seen[0].headers['content-type'], undefined);
  });

  it('sends a form body once, form-encoded with its content type, leaving undefined fields out', async () => {
    await client().post(
      {
        path: 'authToken',
        body: {
          'authentication.partnerId': 'p 1',
          'merchant.username': 'Šarūnas&Co',
          amount: 5,
          skip: undefined,
        },
        bodyType: 'form',
      },
      Ok,
    );
    assert.equal(seen[0].headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(
      seen[0].body,
      'authentication.partnerId=p+1&merchant.username=%C5%A0ar%C5%ABnas%26Co&amount=5',
    );
    assert.equal(new URLSearchParams(seen[0].body).get('merchant.username'), 'Šarūnas&Co');
  });

  it('sends the default headers, the call headers, the auth header and a fresh UUID X-Request-ID', async () => {
    const http = client({
      auth: bearerAuth('tok-1'),
      defaultHeaders: { Accept: 'application/json;version=2' },
    });
    await http.post({ path: 'payments', body: {}, headers: { 'Idempotency-Key': 'key-1' } }, Ok);
    await http.get({ path: 'payments/1' }, Ok);
    const [first, second] = seen;
    assert.equal(first.headers.accept, 'application/json;version=2');
    assert.equal(first.headers['idempotency-key'], 'key-1');
    assert.equal(first.headers.authorization, 'Bearer tok-1');
    assert.match(String(first.headers['x-request-id']), UUID);
    assert.match(String(second.headers['x-request-id']), UUID);
    assert.notEqual(first.headers['x-request-id'], second.headers['x-request-id']);
    assert.equal(second.headers['idempotency-key'], undefined, 'call headers belong to their call');
  });

  it('hands the signer the exact bytes sent, with the URL and headers, and sends what it adds', async () => {
    const signed: SignableRequest[] = [];
    const http = client({
      sign: (request) => {
        signed.push(request);
        return { 'X-Signature': `sig:${request.method}:${request.body.length}` };
      },
    });
    const body = { text: 'spaces  and\nnewlines €', nested: { a: [1, 2] } };
    await http.put({ path: 'payments/p-1', query: { v: '2' }, body }, Ok);
    await http.post({ path: 'authToken', body: { user: 'u', secret: 's e' }, bodyType: 'form' }, Ok);
    await http.get({ path: 'payments/p-1' }, Ok);
    assert.equal(signed[0].body, seen[0].body);
    assert.equal(signed[0].url.href, `${origin}/api/payments/p-1?v=2`);
    assert.equal(signed[0].method, 'PUT');
    assert.equal(signed[0].headers['x-request-id'], seen[0].headers['x-request-id']);
    assert.equal(signed[0].headers.authorization, seen[0].headers.authorization);
    assert.equal(seen[0].headers['x-signature'], `sig:PUT:${seen[0].body.length}`);
    assert.equal(signed[1].body, 'user=u&secret=s+e');
    assert.equal(signed[1].body, seen[1].body);
    assert.equal(signed[2].body, '', 'a request without a body is signed over the empty string');
    assert.equal(seen[2].headers['x-signature'], 'sig:GET:0');
  });

  it('goes through an injected fetch when given one', async () => {
    handle = (_, res) => json(res, 500, {}, { 'x-request-id': 'theirs-fetch' });
    const http = client({ transport: fetchTransport(fetch), retries: 0, requestIdHeader: 'x-request-id' });
    await assert.rejects(http.patch({ path: 'payments/p-1', body: { a: 1 } }, Ok), {
      requestId: 'theirs-fetch',
      providerStatus: 500,
    });
    assert.equal(seen[0].method, 'PATCH');
    assert.equal(seen[0].body, '{"a":1}');
  });
});

describe('provider client: retries', HANG_GUARD, () => {
  it('retries a read after 503 and 500 and returns the one result, each attempt with its own request id', async () => {
    const answers = [503, 500, 200];
    handle = (_, res) => json(res, answers.shift()!, { ok: true });
    assert.deepEqual(await client().get({ path: 'payments/p-1' }, Ok), { ok: true });
    assert.equal(seen.length, 3);
    assert.equal(new Set(seen.map((request) => request.headers['x-request-id'])).size, 3);
  });

  it('retries a read that timed out', async () => {
    let calls = 0;
    handle = (_, res) => {
      if (++calls === 2) json(res, 200, { ok: true }); // the first attempt never gets an answer
    };
    assert.deepEqual(await client({ timeoutMs: 150 }).get({ path: 'slow' }, Ok), { ok: true });
    assert.equal(seen.length, 2);
  });

  it('retries a read whose provider cannot be reached, then reports provider_unreachable', async () => {
    const port = await unusedPort();
    await assert.rejects(
      client({ baseUrl: new URL(`http://127.0.0.1:${port}/api/`) }).get({ path: 'x' }, Ok),
      (error: unknown) => {
        assert.ok(error instanceof ProviderRequestError);
        assert.equal(error.code, 'provider_unreachable');
        assert.equal((error.cause as { code?: string }).code, 'ECONNREFUSED');
        assert.match(error.requestId ?? '', UUID);
        assert.equal(error.message, `Stub could not be reached (GET /api/x, request ${error.requestId}).`);
        return true;
      },
    );
  });

  it('does not retry a read answered 4xx', async () => {
    handle = (_, res) => json(res, 404, { error: 'gone' });
    await assert.rejects(client().get({ path: 'payments/p-x' }, Ok), { providerStatus: 404 });
    assert.equal(seen.length, 1);
  });

  it('stops a retried read at its overall deadline, retries and backoff included', async () => {
    handle = () => undefined; // a provider that never answers
    // Without the deadline: 6 attempts of 150 ms each, then "within 150 ms". With it the call ends at
    // 400 ms, so at most 3 attempts can have started (at 0, ≥ 150 and ≥ 300 ms).
    await assert.rejects(client({ timeoutMs: 150, retries: 5, deadlineMs: 400 }).get({ path: 'hang' }, Ok), {
      code: 'provider_timeout',
      message: 'Stub did not answer within 400 ms.',
    });
    assert.ok(seen.length <= 3, `${seen.length} attempts`);
  });

  it('gives up after the configured retries with the last answer', async () => {
    const answers = [502, 503, 504];
    handle = (_, res) => json(res, answers.shift()!, {});
    await assert.rejects(client({ retries: 2 }).get({ path: 'x' }, Ok), { providerStatus: 504 });
    assert.equal(seen.length, 3);
  });

  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    it(`sends a ${method} once even when it is answered 503`, async () => {
      handle = (_, res) => json(res, 503, {});
      await assert.rejects(client().request({ method, path: 'payments', body: { a: 1 } }, Ok), {
        providerStatus: 503,
      });
      assert.equal(seen.length, 1);
    });
  }

  it('sends a write once when it times out: the provider may have acted', async () => {
    handle = () => {};
    await assert.rejects(
      client({ timeoutMs: 150 }).post({ path: 'payments', body: {} }, Ok),
      ProviderTimeoutError,
    );
    assert.equal(seen.length, 1);
  });

  it('retries an idempotent write after a 503 and a timeout, resending the same bytes', async () => {
    let calls = 0;
    handle = (_, res) => {
      calls++;
      if (calls === 1) json(res, 503, {});
      else if (calls === 3) json(res, 201, { ok: true });
    };
    const result = await client({ timeoutMs: 150 }).post(
      { path: 'refunds', body: { amount: 5 }, headers: { 'idempotency-key': 'k-1' }, idempotent: true },
      Ok,
    );
    assert.deepEqual(result, { ok: true });
    assert.equal(seen.length, 3);
    assert.ok(seen.every((request) => request.body === '{"amount":5}'));
    assert.ok(seen.every((request) => request.headers['idempotency-key'] === 'k-1'));
  });

  it('does not retry an idempotent write answered 4xx', async () => {
    handle = (_, res) => json(res, 409, {});
    await assert.rejects(client().put({ path: 'x', body: {}, idempotent: true }, Ok), {
      providerStatus: 409,
    });
    assert.equal(seen.length, 1);
  });
});

describe("provider client: errors and logs carry the provider's request id", HANG_GUARD, () => {
  const errorBody = (value: unknown) => {
    const parsed = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).safeParse(value);
    return parsed.success ? parsed.data.error : undefined;
  };

  it("reports an error answer with the provider's code, message and the request id of its answer header", async () => {
    handle = (_, res) =>
      json(res, 503, { error: { code: 'down', message: 'maintenance' } }, { 'X-Request-ID': '7f3-theirs' });
    const http = client({ requestIdHeader: 'X-Request-ID', errorBody, retries: 0 });
    await assert.rejects(http.post({ path: 'payments', body: {} }, Ok), (error: unknown) => {
      assert.ok(error instanceof ProviderRequestError);
      assert.ok(error instanceof ProviderError);
      assert.equal(error.code, 'provider_error');
      assert.equal(error.status, 502);
      assert.equal(error.providerStatus, 503);
      assert.equal(error.providerCode, 'down');
      assert.equal(error.requestId, '7f3-theirs');
      assert.equal(
        error.message,
        'Stub answered POST /api/payments with 503 (down: maintenance) (request 7f3-theirs).',
      );
      return true;
    });
  });

  it('reports the X-Request-ID we sent when the answer carries none, and the status alone for an HTML body', async () => {
    handle = (_, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    await assert.rejects(
      client({ requestIdHeader: 'x-request-id', errorBody, retries: 0 }).get({ path: 'x' }, Ok),
      (error: unknown) => {
        assert.ok(error instanceof ProviderRequestError);
        assert.equal(error.requestId, seen[0].headers['x-request-id']);
        assert.equal(error.providerCode, undefined);
        assert.equal(error.message, `Stub answered GET /api/x with 502 (request ${error.requestId}).`);
        return true;
      },
    );
  });

  it('reports a body that is not JSON as provider_bad_response', async () => {
    handle = (_, res) => res.writeHead(200).end('<html>');
    await assert.rejects(client().get({ path: 'x' }, Ok), (error: unknown) => {
      assert.ok(error instanceof ProviderRequestError);
      assert.equal(error.code, 'provider_bad_response');
      assert.equal(error.providerStatus, 200);
      assert.equal(error.requestId, seen[0].headers['x-request-id']);
      assert.match(
        error.message,
        /^Stub answered GET \/api\/x with a body that is not JSON \(request [0-9a-f-]{36}\)\.$/,
      );
      return true;
    });
  });

  it('reports a body the schema refuses as provider_bad_response, naming the field', async () => {
    handle = (_, res) => json(res, 200, { ok: 'yes' }, { 'x-request-id': 'theirs-9' });
    await assert.rejects(
      client({ requestIdHeader: 'x-request-id' }).get({ path: 'x' }, Ok),
      (error: unknown) => {
        assert.ok(error instanceof ProviderRequestError);
        assert.equal(error.code, 'provider_bad_response');
        assert.equal(error.requestId, 'theirs-9');
        assert.match(
          error.message,
          /^Stub answered GET \/api\/x with an unexpected body: ok .* \(request theirs-9\)\.$/,
        );
        return true;
      },
    );
  });

  it('accepts an empty 204 where the schema allows no body', async () => {
    handle = (_, res) => res.writeHead(204).end();
    assert.equal(await client().delete({ path: 'payments/p-1' }, z.undefined()), undefined);
  });

  it('turns a hung call into ProviderTimeoutError (504) carrying the request id we sent', async () => {
    handle = () => {};
    await assert.rejects(
      client({ timeoutMs: 100 }).post({ path: 'payments', body: {} }, Ok),
      (error: unknown) => {
        assert.ok(error instanceof ProviderTimeoutError);
        assert.equal(error.code, 'provider_timeout');
        assert.equal(error.status, 504);
        assert.equal(error.message, 'Stub did not answer within 100 ms.');
        assert.equal(error.requestId, seen[0].headers['x-request-id']);
        return true;
      },
    );
  });

  it("rejects with the caller's reason when the caller aborts, and does not retry", async () => {
    const caller = new AbortController();
    handle = () => caller.abort(new Error('shopper left'));
    await assert.rejects(client().get({ path: 'x', signal: caller.signal }, Ok), { message: 'shopper left' });
    assert.equal(seen.length, 1);
  });

  it('throws the adapter’s own error class', async () => {
    class AcmeApiError extends ProviderRequestError {}
    handle = (_, res) => json(res, 400, {});
    await assert.rejects(client({ errorClass: AcmeApiError }).get({ path: 'x' }, Ok), AcmeApiError);
  });

  it('logs each retry with the request id of the failed attempt, and never the credentials', async () => {
    const lines: Array<{ details: Record<string, unknown>; message: string }> = [];
    const logger = {
      warn: (details: Record<string, unknown>, message: string) => lines.push({ details, message }),
    };
    const answers = [503, 200];
    handle = (request, res) =>
      json(
        res,
        answers.shift()!,
        { ok: true },
        { 'x-request-id': `theirs-${request.headers['x-request-id']}` },
      );
    await client({ logger, requestIdHeader: 'x-request-id' }).get({ path: 'payments/p-1' }, Ok);
    assert.equal(lines.length, 1);
    const [{ details, message }] = lines;
    assert.equal(message, 'Stub read failed; retrying');
    assert.equal(details.provider, 'Stub');
    assert.equal(details.method, 'GET');
    assert.equal(details.path, 'payments/p-1');
    assert.equal(details.attempt, 1);
    assert.equal(details.requestId, `theirs-${seen[0].headers['x-request-id']}`);
    assert.match(
      String(details.error),
      new RegExp(`\\(request theirs-${seen[0].headers['x-request-id']}\\)`),
    );
    assert.doesNotMatch(JSON.stringify(lines), /secret|Basic /);
  });
});

describe(
  'provider client × the real sandbox, with ConnectPay’s Basic auth and RSA signer',
  HANG_GUARD,
  () => {
    let sandbox: Awaited<ReturnType<typeof startSandbox>>;
    before(async () => {
      sandbox = await startSandbox({ port: 0, log: () => {} });
    });
    after(() => sandbox.close());

    function connectPay(privateKeyPem: string) {
      return client({
        provider: 'ConnectPay',
        baseUrl: new URL(sandbox.connectPayUrl),
        auth: basicAuth(SANDBOX_CLIENT.clientId, SANDBOX_CLIENT.clientSecret),
        sign: connectPaySigner(createPrivateKey(privateKeyPem)),
        defaultHeaders: { accept: 'application/json;version=2' },
        requestIdHeader: 'x-request-id',
        errorBody: (value) => (value as { error?: { code?: string; message?: string } }).error,
      });
    }

    it('opens a payment with a signed POST and reads it back with a signed GET', async () => {
      const http = connectPay(SANDBOX_CLIENT.privateKeyPem);
      const reference = `ref-http-${process.pid}`;
      const created = await http.post(
        {
          path: 'merchant/payments',
          body: {
            merchant: {
              brandId: SANDBOX_CLIENT.brandId,
              redirectUrl: 'http://localhost:3000/checkout/return/s1',
            },
            payment: {
              paymentMethod: ['CARD'],
              instructedAmount: { amount: '19.99', currency: 'EUR' },
              remittanceInformationUnstructured: 'Užsakymas 1',
            },
            identifiers: { merchantReference: reference },
          },
        },
        z.object({ payment: z.object({ paymentId: z.string(), redirectUrl: z.url() }) }),
      );
      assert.equal(new URL(created.payment.redirectUrl).pathname, '/connectpay/widget');
      const listed = await http.get(
        { path: 'merchant/payments', query: { merchantReference: reference } },
        z.object({ payments: z.array(z.object({ payment: z.object({ paymentId: z.string() }) })) }),
      );
      assert.deepEqual(
        listed.payments.map((item) => item.payment.paymentId),
        [created.payment.paymentId],
      );
    });

    it('reports the sandbox’s refusal of a wrong signature with its code and our request id', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const http = connectPay(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
      await assert.rejects(http.get({ path: 'merchant/providers' }, z.unknown()), (error: unknown) => {
        assert.ok(error instanceof ProviderRequestError);
        assert.equal(error.providerStatus, 401);
        assert.equal(error.providerCode, 'invalid_signature');
        assert.match(error.requestId ?? '', UUID);
        assert.match(
          error.message,
          /^ConnectPay answered GET \/connectpay\/merchant\/providers with 401 \(invalid_signature: /,
        );
        return true;
      });
    });
  },
);
