import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { it } from 'node:test';
import { pgliteStore } from '../src/store/pglite-store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { startKit, TEE_ORDER } from './helpers/kit-server.js';

const SECRET = `whsec_${Buffer.from('merchant-webhook-test-secret-32b').toString('base64')}`;

// docs/several-instances.md "Stopping an instance": close() gives back the webhook deliveries it had
// leased but not sent, so another instance sends them at once instead of after the lease.
it('close() releases the webhook deliveries its last pass leased but did not send', async () => {
  const store = pgliteStore({ memory: true });
  const provider = new FakeProvider();
  const resolveOrder = async (id: string) => (id.startsWith('order-') ? TEE_ORDER : undefined);
  try {
    // Three payment events in the outbox, written by a kit without webhooks.
    const writer = await startKit({ providers: [provider], resolveOrder, store });
    for (const order of ['order-a', 'order-b', 'order-c']) {
      const { sessionId } = (await (await writer.createSession({ order, method: 'card' })).json()) as {
        sessionId: string;
      };
      const ref = provider.paymentFor(sessionId).providerRef;
      provider.setStatus(ref, { status: 'succeeded', raw: 'Completed' });
      await fetch(writer.url('notifications/fakepay'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paymentId: ref }),
      });
    }
    await writer.close();

    // A receiver that holds the first delivery until the kit is closing.
    let held: ServerResponse | undefined;
    let arrived!: () => void;
    const first = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const receiver = createServer((req, res) => {
      req.resume();
      if (held === undefined) {
        held = res;
        arrived();
        return;
      }
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    const kit = await startKit({
      providers: [provider],
      resolveOrder,
      store,
      poll: true,
      pollIntervalMs: 50,
      webhooks: { url: `http://127.0.0.1:${port}/hooks`, secret: SECRET, timeoutMs: 10_000 },
    });
    await first;
    const closing = kit.close();
    held?.writeHead(204).end();
    await closing;
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));

    // The two events of that pass left unsent are due now, not in timeoutMs + 5 s.
    const due = await store.leaseDueWebhooks(new Date(), 50, 1000);
    assert.equal(due.length, 2);
    assert.equal((await store.listWebhookDeliveries()).length, 1);
  } finally {
    await store.close();
  }
});
