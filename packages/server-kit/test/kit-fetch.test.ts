import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { type Checkout, createCheckout } from '../src/checkout.js';
import { toNodeHandler } from '../src/node-handler.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { orderBook, TEE_ORDER } from './helpers/kit-server.js';

/** The fetch-style API on its own (Hono, Next.js route handlers, Bun, Deno, Workers): no node:http involved. */
describe('checkout.fetch mounted under any base path', () => {
  const store = pgliteStore({ memory: true });
  const book = orderBook({ 'order-1': TEE_ORDER });
  before(() => store.migrate());
  after(() => store.close());

  for (const publicUrl of [
    'https://pay.example',
    'https://pay.example/api/pay/v2/',
    'https://pay.example/checkout',
  ]) {
    it(`matches routes under ${publicUrl}`, async () => {
      const checkout = createCheckout({
        providers: [new FakeProvider()],
        resolveOrder: book.resolveOrder,
        publicUrl,
        allowedOrigins: ['https://shop.example'],
        store,
        poll: false,
        logger: pino({ level: 'silent' }),
      });
      try {
        const base = publicUrl.replace(/\/$/, '');
        const ok = await checkout.fetch(new Request(`${base}/options?order=order-1`));
        assert.equal(ok.status, 200);
        const created = await checkout.fetch(
          new Request(`${base}/sessions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `k-${publicUrl}` },
            body: JSON.stringify({ order: 'order-1', method: 'card' }),
          }),
        );
        assert.equal(created.status, 201, await created.clone().text());
        const { sessionId } = (await created.json()) as { sessionId: string };
        assert.equal((await checkout.fetch(new Request(`${base}/sessions/${sessionId}`))).status, 200);
        if (new URL(publicUrl).pathname !== '/') {
          const outside = await checkout.fetch(new Request('https://pay.example/options?order=order-1'));
          assert.equal(outside.status, 404);
        }
      } finally {
        await checkout.close();
      }
    });
  }
  it('toNodeHandler works under an Express-style mount (req.url stripped, req.originalUrl kept)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const checkout = createCheckout({
      providers: [new FakeProvider()],
      resolveOrder: book.resolveOrder,
      publicUrl: `${origin}/shop/checkout`,
      allowedOrigins: [origin],
      store,
      poll: false,
      logger: pino({ level: 'silent' }),
    });
    const handler = toNodeHandler(checkout);
    // What `app.use('/shop/checkout', handler)` does to the request before calling the handler.
    server.on('request', (req: IncomingMessage & { originalUrl?: string }, res) => {
      req.originalUrl = req.url;
      req.url = req.url?.slice('/shop/checkout'.length) || '/';
      handler(req, res);
    });
    try {
      const response = await fetch(`${origin}/shop/checkout/options?order=order-1`);
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { amount: { value: number } }).amount.value, 1999);
    } finally {
      await checkout.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('toNodeHandler and the client connection', () => {
  /** A node:http server around a fetch handler that records the requests it was given. */
  async function serve(fetchHandler: (request: Request) => Promise<Response>) {
    const server = createServer(toNodeHandler({ fetch: fetchHandler } as Checkout));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  it('answers a handler that throws with 500 internal_error, without leaking its message', async () => {
    const server = await serve(async () => {
      throw new Error('secret detail');
    });
    try {
      const response = await fetch(`${server.url}/options`);
      assert.equal(response.status, 500);
      assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.deepEqual(await response.json(), {
        error: { code: 'internal_error', message: 'Something went wrong on our side.' },
      });
    } finally {
      await server.close();
    }
  });

  it('aborts the request signal and cancels the stream when the client leaves a live stream', async () => {
    let signal: AbortSignal | undefined;
    let cancelled!: () => void;
    const streamCancelled = new Promise<void>((resolve) => {
      cancelled = resolve;
    });
    const server = await serve(async (request) => {
      signal = request.signal;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(': hello\n\n'));
        },
        cancel: () => cancelled(),
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    try {
      const client = new AbortController();
      const response = await fetch(`${server.url}/events`, { signal: client.signal });
      const reader = response.body!.getReader();
      assert.match(new TextDecoder().decode((await reader.read()).value), /hello/);
      client.abort();
      await streamCancelled;
      assert.equal(signal?.aborted, true);
    } finally {
      await server.close();
    }
  });

  it('leaves the signal of a request whose answer was sent in full alone', async () => {
    let signal: AbortSignal | undefined;
    const server = await serve(async (request) => {
      signal = request.signal;
      return Response.json({ ok: true });
    });
    try {
      const response = await fetch(`${server.url}/options`);
      assert.deepEqual(await response.json(), { ok: true });
      await server.close();
      assert.equal(signal?.aborted, false);
    } finally {
      await server.close();
    }
  });
});

describe('toNodeHandler behind a body parser', () => {
  it('answers 500 body_already_read at once instead of hanging when the body was read before the kit', async () => {
    let reached = false;
    const handler = toNodeHandler({
      fetch: async () => {
        reached = true;
        return Response.json({});
      },
    } as unknown as Checkout);
    // What `app.use(express.json())` before the kit does: reads the whole body, then passes the request on.
    const server = createServer((req, res) => {
      req.on('data', () => {});
      req.on('end', () => handler(req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ order: 'order-1', method: 'card' }),
        signal: AbortSignal.timeout(10_000),
      });
      assert.equal(response.status, 500);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'body_already_read');
      assert.match(body.error.message, /before any body parser/);
      assert.equal(reached, false);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
