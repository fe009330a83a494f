import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { PaymentEvent } from '@pay-checkout/contract';
import { createCheckout } from '../src/checkout.js';
import { ConfigError, SignatureError } from '../src/errors.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import type { CheckoutStore } from '../src/store/store.js';
import { signWebhook, verifyWebhook, webhookHeaders } from '../src/webhooks/signature.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, startKit, TEE_ORDER } from './helpers/kit-server.js';
import { waitFor } from './helpers/wait-for.js';

// Issue 16, signed merchant webhooks: a receiver written as a merchant would (verify, then dedupe on
// the event id) sees every payment event exactly once, across a receiver outage and a kit restart (a
// new kit instance on the same store: nothing of the first one's memory survives, only the outbox); a
// tampered delivery is refused by the exported verifier. That PGlite's data directory survives a
// process kill is store-pglite.test.ts's concern.

const SECRET = `whsec_${Buffer.from('merchant-webhook-test-secret-32b').toString('base64')}`;

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A merchant's webhook endpoint: verifies, dedupes by id, and can be told to fail. */
class Receiver {
  readonly deliveries: Delivery[] = [];
  readonly accepted = new Map<string, PaymentEvent>();
  readonly refused: string[] = [];
  /** Answers 503 to the first delivery of every event id (the kit must retry). */
  failFirst = true;
  readonly #seen = new Set<string>();
  #server: Server | undefined;
  port = 0;

  async start(port = 0): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.deliveries.push({ headers: req.headers, body });
        let event: PaymentEvent;
        try {
          event = verifyWebhook(SECRET, req.headers, body);
        } catch {
          this.refused.push(body);
          res.writeHead(401).end();
          return;
        }
        if (this.failFirst && !this.#seen.has(event.id)) {
          this.#seen.add(event.id);
          res.writeHead(503).end();
          return;
        }
        // Exactly once per event id, whatever the number of deliveries.
        if (!this.accepted.has(event.id)) this.accepted.set(event.id, event);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.#server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }
}

describe('merchant webhooks: at least once, signed, across a restart', () => {
  let store: CheckoutStore;
  before(() => {
    store = pgliteStore({ memory: true });
  });
  after(async () => {
    await store.close();
  });

  async function kitOn(provider: FakeProvider, port: number): Promise<KitServer> {
    return startKit({
      providers: [provider],
      resolveOrder: async (id) => (id.startsWith('order-') ? TEE_ORDER : undefined),
      store,
      poll: true,
      pollIntervalMs: 50,
      webhooks: {
        url: `http://127.0.0.1:${port}/hooks/pay`,
        secret: SECRET,
        // A delivery in flight when the first kit closes stays leased for timeoutMs + 5 s; with the 10 s
        // default the restarted kit could not retry it inside this test's wait (a fresh-clone run saw that)
        timeoutMs: 1000,
        retryBaseMs: 20,
        retryCapMs: 100,
      },
    });
  }

  it('delivers every event exactly once per id to a verifying receiver, after an outage and a kit restart', async () => {
    const receiver = new Receiver();
    await receiver.start();
    const port = receiver.port;
    await receiver.stop(); // down while the first kit writes its events

    const provider = new FakeProvider();
    const first = await kitOn(provider, port);
    const sessions: string[] = [];
    for (const [order, status] of [
      ['order-a', 'succeeded'],
      ['order-b', 'failed'],
    ] as const) {
      const response = await first.createSession({ order, method: 'card' });
      const { sessionId } = (await response.json()) as { sessionId: string };
      sessions.push(sessionId);
      const ref = provider.paymentFor(sessionId).providerRef;
      provider.setStatus(ref, { status, raw: status });
      await fetch(first.url('notifications/fakepay'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paymentId: ref }),
      });
    }
    // The kit tried (and logged) a delivery of each event to the dead receiver before it stops: counted
    // per event, since the first event's retries alone can reach any total first.
    await waitFor(async () => {
      const tried = new Set((await first.store.listWebhookDeliveries()).map((entry) => entry.eventId));
      return tried.size === sessions.length;
    }, 'a try of each event at the dead receiver');
    const failedTries = await first.store.listWebhookDeliveries();
    assert.ok(failedTries.every((delivery) => delivery.responseStatus === undefined && delivery.error));
    await first.close();

    // The receiver comes back (on the same port), and so does the kit, on the same data directory.
    await receiver.start(port);
    const second = await kitOn(provider, port);
    try {
      const expected = [`evt_${sessions[0]}_succeeded`, `evt_${sessions[1]}_failed`];
      await waitFor(() => receiver.accepted.size === expected.length, 'every event accepted', 10_000);
      assert.deepEqual([...receiver.accepted.keys()].sort(), expected.sort());
      const paid = receiver.accepted.get(`evt_${sessions[0]}_succeeded`);
      assert.deepEqual(paid?.data, {
        orderId: 'order-a',
        sessionId: sessions[0],
        provider: 'fakepay',
        method: 'card',
        amount: { value: 1999, currency: 'EUR' },
        status: 'succeeded',
      });
      assert.equal(paid?.type, 'payment.succeeded');
      // Each id reached the receiver more than once (its 503, then the retry) with the same body.
      for (const id of expected) {
        const bodies = receiver.deliveries.filter((d) => d.headers['webhook-id'] === id).map((d) => d.body);
        assert.ok(bodies.length >= 2, `${id} was retried`);
        assert.equal(new Set(bodies).size, 1, 'a redelivery carries the same event');
      }
      assert.deepEqual(receiver.refused, []);
      // The delivery log: the outage, the 503s and the final 2xx, per event. The kit writes a try's row
      // once its answer is in, so the receiver can have accepted an event a moment before its 2xx row.
      await waitFor(async () => {
        for (const id of expected) {
          if ((await second.store.listWebhookDeliveries(id)).at(-1)?.responseStatus !== 204) return false;
        }
        return true;
      }, 'the 2xx of each event in the delivery log');
      for (const id of expected) {
        const log = await second.store.listWebhookDeliveries(id);
        assert.deepEqual(
          log.map((entry) => entry.attempt),
          log.map((_, index) => index + 1),
        );
        assert.equal(log.at(-1)?.responseStatus, 204);
        assert.ok(log.some((entry) => entry.responseStatus === 503));
        assert.ok(log.some((entry) => entry.error !== undefined && entry.responseStatus === undefined));
      }
      // Delivered events are not sent again.
      const count = receiver.deliveries.length;
      await second.checkout.reconcileDue();
      assert.equal(receiver.deliveries.length, count);
    } finally {
      await second.close();
      await receiver.stop();
    }
  });
});

describe('verifyWebhook', () => {
  const event: PaymentEvent = {
    id: 'evt_cs_1_succeeded',
    type: 'payment.succeeded',
    timestamp: '2026-11-30T12:00:00.000Z',
    data: {
      orderId: 'order-1',
      sessionId: 'cs_1',
      provider: 'connectpay',
      method: 'pis',
      amount: { value: 1999, currency: 'EUR' },
      status: 'succeeded',
    },
  };
  const body = JSON.stringify(event);

  it('signs as Standard Webhooks specifies (its published example)', () => {
    assert.equal(
      signWebhook(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('accepts a genuine delivery (Headers or node headers, among several signatures) and returns its event', () => {
    const headers = webhookHeaders(SECRET, event.id, body);
    assert.deepEqual(verifyWebhook(SECRET, new Headers(headers), body), event);
    const rotated = { ...headers, 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` };
    assert.deepEqual(verifyWebhook(SECRET, rotated, new TextEncoder().encode(body)), event);
  });

  it('refuses a tampered body, another id, a wrong secret, a stale timestamp and missing headers', () => {
    const headers = webhookHeaders(SECRET, event.id, body);
    const refuses = (fn: () => unknown) => assert.throws(fn, SignatureError);
    refuses(() => verifyWebhook(SECRET, headers, body.replace('1999', '1')));
    refuses(() => verifyWebhook(SECRET, { ...headers, 'webhook-id': 'evt_other' }, body));
    const other = `whsec_${Buffer.from('another-secret-of-32-bytes-long!').toString('base64')}`;
    refuses(() => verifyWebhook(other, headers, body));
    const old = webhookHeaders(SECRET, event.id, body, new Date(Date.now() - 10 * 60_000));
    refuses(() => verifyWebhook(SECRET, old, body));
    refuses(() => verifyWebhook(SECRET, { 'webhook-id': event.id }, body));
    // A signed body whose id differs from the header's is not this delivery's event.
    const swapped = JSON.stringify({ ...event, id: 'evt_x' });
    refuses(() => verifyWebhook(SECRET, webhookHeaders(SECRET, event.id, swapped), swapped));
  });
});

describe('webhooks config', () => {
  it('refuses a secret that is not whsec_ and a URL that is not http(s), naming the field', () => {
    const base = {
      providers: [new FakeProvider()],
      resolveOrder: async () => undefined,
      publicUrl: 'http://127.0.0.1:1/checkout',
      allowedOrigins: [],
      poll: false,
    };
    assert.throws(
      () => createCheckout({ ...base, webhooks: { url: 'http://127.0.0.1:1/hooks', secret: 'hunter2' } }),
      (error: unknown) => error instanceof ConfigError && /config\.webhooks\.secret/.test(error.message),
    );
    assert.throws(
      () => createCheckout({ ...base, webhooks: { url: 'ftp://127.0.0.1/hooks', secret: SECRET } }),
      (error: unknown) => error instanceof ConfigError && /config\.webhooks\.url/.test(error.message),
    );
  });
});
