import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SANDBOX_CLIENT, startSandbox } from '@pay-checkout/sandbox';
import { ProviderError, ProviderTimeoutError } from '../src/errors.js';
import { ConnectPayApiError, ConnectPayClient } from '../src/providers/connectpay/client.js';
import { resolveConnectPayOptions } from '../src/providers/connectpay/options.js';
import { InitiatePaymentResponse, PaymentDetails } from '../src/providers/connectpay/schema.js';
import {
  fetchTransport,
  nodeTransport,
  ResponseTooLargeError,
  type TransportRequest,
} from '../src/providers/http/node-transport.js';
import { closeServer, listenOnLoopback } from './helpers/local-server.js';
import { onRequestRead, type SeenRequest } from './helpers/seen-request.js';
import { unusedPort } from './helpers/unused-port.js';

/**
 * The default ConnectPay transport (keep-alive node:http) against a real local server: what reaches
 * the wire, what comes back, and every way a call can end badly. One journey runs through the sandbox
 * (the adapter's own journeys over this transport run in kit-connectpay.test.ts).
 */

type Seen = SeenRequest;

let server: Server;
let origin: string;
let seen: Seen[] = [];
let connections: Socket[] = [];
let handle: (request: Seen, res: ServerResponse) => void;

before(async () => {
  server = createServer((req, res) =>
    onRequestRead(req, (request) => {
      seen.push(request);
      handle(request, res);
    }),
  );
  server.on('connection', (socket: Socket) => connections.push(socket));
  origin = await listenOnLoopback(server);
});

after(() => closeServer(server));

beforeEach(() => {
  seen = [];
  connections = [];
  handle = (_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
});

function request(path: string, overrides: Partial<TransportRequest> = {}): TransportRequest {
  return {
    url: new URL(path, origin),
    method: 'GET',
    headers: {},
    signal: new AbortController().signal,
    ...overrides,
  };
}

/** Resolves when the server's side of a socket has closed (a reset on the way is expected, not a failure). */
function closed(socket: Socket): Promise<void> {
  if (socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => socket.once('close', () => resolve()));
}

/** A broken abort or deadline would hang a test forever; this turns the hang into a failure. */
const HANG_GUARD = { timeout: 10_000 };

describe('nodeTransport against a local node:http server', HANG_GUARD, () => {
  const transport = nodeTransport({ maxResponseBytes: 1000 });
  after(() => transport.close());

  it('returns the status and the body decoded as UTF-8, even when a character spans two chunks', async () => {
    const euro = Buffer.from('{"price":"12 €","name":"Šiaulių"}', 'utf8');
    const split = euro.indexOf(0xe2) + 1; // inside the three bytes of €
    handle = (_, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.write(euro.subarray(0, split));
      setImmediate(() => res.end(euro.subarray(split)));
    };
    const response = await transport(request('/payments'));
    assert.equal(response.status, 201);
    assert.equal(response.text, '{"price":"12 €","name":"Šiaulių"}');
  });

  it("returns the answer's headers with lowercase names, the provider's request id among them", async () => {
    handle = (_, res) =>
      res.writeHead(200, { 'X-Request-ID': 'theirs-1', 'Content-Type': 'application/json' }).end('{}');
    const response = await transport(request('/payments/1'));
    assert.equal(response.headers['x-request-id'], 'theirs-1');
    assert.equal(response.headers['content-type'], 'application/json');
  });

  it('drops a leading byte order mark, as Response.text() does, so the JSON still parses', async () => {
    handle = (_, res) => res.writeHead(200).end('\uFEFF{"ok":true}');
    assert.equal((await transport(request('/bom'))).text, '{"ok":true}');
  });

  it('returns an error status with its body instead of rejecting', async () => {
    handle = (_, res) => res.writeHead(503).end('{"error":{"code":"down"}}');
    const response = await transport(request('/x'));
    assert.equal(response.status, 503);
    assert.equal(response.text, '{"error":{"code":"down"}}');
  });

  it('sends method, path, query, headers and the body with its byte length as content-length', async () => {
    const body = JSON.stringify({ remittance: 'Užsakymas №7' });
    await transport(
      request('/merchant/payments?page=2', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-1', authorization: 'Basic eA==' },
        body,
      }),
    );
    assert.equal(seen.length, 1);
    const [sent] = seen;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, '/merchant/payments?page=2');
    assert.equal(sent.body, body);
    assert.equal(sent.headers['content-length'], String(Buffer.byteLength(body)));
    assert.notEqual(Buffer.byteLength(body), body.length, 'the body has multi-byte characters');
    assert.equal(sent.headers['transfer-encoding'], undefined);
    assert.equal(sent.headers['content-type'], 'application/json');
    assert.equal(sent.headers['x-request-id'], 'req-1');
    assert.equal(sent.headers.authorization, 'Basic eA==');
  });

  for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
    it(`sends a ${method} with its body and its byte length`, async () => {
      const body = JSON.stringify({ customerIp: '203.0.113.7', note: '№1' });
      const response = await transport(
        request('/api/v1/payments/p-1', { method, headers: { 'content-type': 'application/json' }, body }),
      );
      assert.equal(response.status, 200);
      assert.equal(seen[0].method, method);
      assert.equal(seen[0].url, '/api/v1/payments/p-1');
      assert.equal(seen[0].body, body);
      assert.equal(seen[0].headers['content-length'], String(Buffer.byteLength(body)));
    });
  }

  it('declares an empty PUT or PATCH as content-length 0 and sends a bare DELETE without one', async () => {
    await transport(request('/a', { method: 'PUT' }));
    await transport(request('/b', { method: 'PATCH' }));
    await transport(request('/c', { method: 'DELETE' }));
    assert.deepEqual(
      seen.map((item) => [item.method, item.headers['content-length'], item.headers['transfer-encoding']]),
      [
        ['PUT', '0', undefined],
        ['PATCH', '0', undefined],
        ['DELETE', undefined, undefined],
      ],
    );
  });

  it('sends a GET without a body and without content-length', async () => {
    await transport(request('/payments/1'));
    assert.equal(seen[0].method, 'GET');
    assert.equal(seen[0].body, '');
    assert.equal(seen[0].headers['content-length'], undefined);
    assert.equal(seen[0].headers['transfer-encoding'], undefined);
  });

  it('keeps the connection alive: sequential calls reuse one socket', async () => {
    const fresh = nodeTransport();
    try {
      await fresh(request('/one'));
      await fresh(request('/two', { method: 'POST', body: '{}' }));
      await fresh(request('/three'));
    } finally {
      fresh.close();
    }
    assert.equal(seen.length, 3);
    assert.equal(connections.length, 1);
    assert.equal(seen[1].socket, seen[0].socket);
    assert.equal(seen[2].socket, seen[0].socket);
  });

  it('returns a 302 as its status and does not follow it', async () => {
    handle = (req, res) =>
      req.url === '/moved'
        ? res.writeHead(302, { location: `${origin}/target` }).end()
        : res.writeHead(200).end('followed');
    const response = await transport(request('/moved'));
    assert.equal(response.status, 302);
    assert.equal(response.text, '');
    assert.equal(response.headers.location, `${origin}/target`);
    assert.deepEqual(
      seen.map((item) => item.url),
      ['/moved'],
    );
  });

  it('rejects with the signal reason when aborted mid-request, and closes the socket', async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    handle = () => controller.abort(reason); // the request arrived; the answer never comes
    await assert.rejects(
      transport(request('/slow', { signal: controller.signal })),
      (error) => error === reason,
    );
    assert.equal(seen.length, 1);
    await closed(seen[0].socket);
  });

  it('rejects with the signal reason when aborted while the body is streaming, and closes the socket', async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    handle = (_, res) => {
      res.writeHead(200, { 'content-length': '10' });
      res.write('12345', () => setImmediate(() => controller.abort(reason)));
    };
    await assert.rejects(
      transport(request('/half', { signal: controller.signal })),
      (error) => error === reason,
    );
    await closed(seen[0].socket);
  });

  it('rejects an already aborted signal without sending anything', async () => {
    const controller = new AbortController();
    const reason = new Error('already gone');
    controller.abort(reason);
    await assert.rejects(
      transport(request('/never', { signal: controller.signal })),
      (error) => error === reason,
    );
    assert.equal(connections.length, 0);
    assert.equal(seen.length, 0);
  });

  it('rejects a body over maxResponseBytes announced by content-length, and drops the socket', async () => {
    handle = (_, res) => res.writeHead(200, { 'content-length': '1001' }).end('x'.repeat(1001));
    await assert.rejects(transport(request('/big')), ResponseTooLargeError);
    await closed(seen[0].socket);
  });

  it('rejects a chunked body that grows over maxResponseBytes, and drops the socket', async () => {
    handle = (_, res) => {
      res.writeHead(200);
      res.write('x'.repeat(600));
      setImmediate(() => res.end('x'.repeat(600)));
    };
    await assert.rejects(transport(request('/growing')), {
      name: 'ResponseTooLargeError',
      message: "The provider's answer exceeded 1000 bytes.",
    });
    await closed(seen[0].socket);
  });

  it('accepts a body of exactly maxResponseBytes', async () => {
    handle = (_, res) => res.writeHead(200).end('x'.repeat(1000));
    assert.equal((await transport(request('/edge'))).text.length, 1000);
  });

  it('rejects when the connection is refused', async () => {
    const port = await unusedPort();
    await assert.rejects(transport(request(`http://127.0.0.1:${port}/x`)), { code: 'ECONNREFUSED' });
  });

  it('rejects, without retrying, a POST whose reused socket the server drops before answering', async () => {
    const fresh = nodeTransport();
    try {
      await fresh(request('/warm'));
      handle = (req) => req.socket.destroy();
      await assert.rejects(fresh(request('/payments', { method: 'POST', body: '{"amount":1}' })), {
        code: 'ECONNRESET',
      });
    } finally {
      fresh.close();
    }
    assert.deepEqual(
      seen.map((item) => `${item.method} ${item.url}`),
      ['GET /warm', 'POST /payments'],
    );
    assert.equal(connections.length, 1, 'the POST went out on the reused socket, once');
  });

  it('rejects when the server closes the connection in the middle of the body', async () => {
    handle = (req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial', () => req.socket.destroy());
    };
    await assert.rejects(transport(request('/cut')));
  });
});

describe('fetchTransport (an injected fetch)', HANG_GUARD, () => {
  it('sends PATCH with its body and returns the headers with lowercase names', async () => {
    const transport = fetchTransport(fetch);
    handle = (_, res) => res.writeHead(200, { 'X-Request-ID': 'theirs-2' }).end('{}');
    const response = await transport(
      request('/api/v1/payments/p-1', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      }),
    );
    assert.equal(response.headers['x-request-id'], 'theirs-2');
    assert.equal(seen[0].method, 'PATCH');
    assert.equal(seen[0].body, '{"a":1}');
  });

  it('round-trips status, headers and body, and returns a 302 without following it', async () => {
    const transport = fetchTransport(fetch);
    handle = (req, res) =>
      req.url === '/moved'
        ? res.writeHead(302, { location: `${origin}/target` }).end()
        : res.writeHead(200).end('followed');
    const response = await transport(
      request('/moved', { method: 'POST', headers: { 'x-request-id': 'req-2' }, body: '{"a":"€"}' }),
    );
    assert.equal(response.status, 302);
    assert.equal(response.text, '');
    assert.equal(response.headers.location, `${origin}/target`);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].headers['x-request-id'], 'req-2');
    assert.equal(seen[0].body, '{"a":"€"}');
  });
});

describe('the ConnectPay client over the default transport', HANG_GUARD, () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  function client(baseUrl: string) {
    return new ConnectPayClient(
      resolveConnectPayOptions({
        baseUrl,
        clientId: 'client',
        clientSecret: 'secret',
        brandId: 'brand',
        privateKeyPem,
        timeoutMs: 200,
        retries: 0,
      }),
    );
  }

  it('turns a hung provider into a ProviderTimeoutError and closes the socket', async () => {
    handle = () => {}; // never answers
    await assert.rejects(
      client(`${origin}/connectpay`).get({ path: 'merchant/payments/pay-1' }, PaymentDetails),
      (error) => {
        assert.ok(error instanceof ProviderTimeoutError);
        assert.equal(error.requestId, seen[0].headers['x-request-id']);
        return true;
      },
    );
    assert.equal(seen.length, 1);
    assert.equal(seen[0].url, '/connectpay/merchant/payments/pay-1');
    await closed(seen[0].socket);
  });

  it('maps a refused connection to provider_unreachable', async () => {
    const port = await unusedPort();
    const connect = client(`http://127.0.0.1:${port}/connectpay`);
    await assert.rejects(connect.get({ path: 'merchant/payments/pay-1' }, PaymentDetails), (error) => {
      assert.ok(error instanceof ConnectPayApiError);
      assert.equal(error.code, 'provider_unreachable');
      assert.equal((error.cause as { code?: string }).code, 'ECONNREFUSED');
      return true;
    });
  });

  it('maps an oversized answer to provider_unreachable, an unknown outcome the kit reconciles', async () => {
    handle = (_, res) => res.writeHead(200).end('x'.repeat(1024 * 1024 + 1));
    const connect = client(`${origin}/connectpay`);
    await assert.rejects(connect.get({ path: 'merchant/payments/pay-1' }, PaymentDetails), (error) => {
      assert.ok(error instanceof ProviderError);
      assert.equal(error.code, 'provider_unreachable');
      assert.ok(error.cause instanceof ResponseTooLargeError);
      return true;
    });
  });

  it('opens a payment and reads it back from the real sandbox', async () => {
    const sandbox = await startSandbox({ port: 0, log: () => {} });
    try {
      const connect = new ConnectPayClient(
        resolveConnectPayOptions({
          baseUrl: sandbox.connectPayUrl,
          clientId: SANDBOX_CLIENT.clientId,
          clientSecret: SANDBOX_CLIENT.clientSecret,
          brandId: SANDBOX_CLIENT.brandId,
          privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
          retries: 0,
        }),
      );
      const created = await connect.post(
        { path: 'merchant/payments' },
        {
          merchant: {
            brandId: SANDBOX_CLIENT.brandId,
            redirectUrl: 'http://localhost:3000/checkout/return/session-transport',
            notificationUrl: 'http://127.0.0.1:9/checkout/notifications/connectpay',
          },
          payment: {
            paymentMethod: ['CARD'],
            instructedAmount: { amount: '19.99', currency: 'EUR' },
            remittanceInformationUnstructured: 'Užsakymas 1',
          },
          identifiers: { merchantReference: `ref-transport-${process.pid}` },
        },
        InitiatePaymentResponse,
      );
      assert.equal(new URL(created.payment.redirectUrl).pathname, '/connectpay/widget');
      const details = await connect.get(
        { path: `merchant/payments/${created.payment.paymentId}` },
        PaymentDetails,
      );
      assert.equal(details.payment.status, 'Initiated');
    } finally {
      await sandbox.close();
    }
  });
});
