import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { MerchantOrderView, type PaymentEvent, SessionView } from '@pay-checkout/contract';
import { pgliteStore } from '../src/store/pglite-store.js';
import { postgresStore } from '../src/store/postgres-store.js';
import type { CheckoutStore } from '../src/store/store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, SHOP_ORIGIN, startKit, TEE_ORDER } from './helpers/kit-server.js';
import { type PgCluster, pgClusterUnavailable, startPgCluster } from './helpers/pg-cluster.js';

// Issue 16, "one payment per order": POST sessions for a paid order answers 409, a second success of
// one order is marked duplicate and given back, and the merchant hears of both. Every scenario runs on
// both stores; the concurrent ones are the point of running it on PostgreSQL (a pool of connections).

const MERCHANT_KEY = 'orders-test-merchant-key-0123456789';
const unavailable = pgClusterUnavailable();
let cluster: Promise<PgCluster> | undefined;
let databases = 0;
after(async () => {
  await (await cluster)?.stop();
});

const STORES: { name: string; skip?: string; open: () => Promise<CheckoutStore> }[] = [
  { name: 'PGlite', open: async () => pgliteStore({ memory: true }) },
  {
    name: 'PostgreSQL',
    ...(unavailable ? { skip: unavailable } : {}),
    open: async () => {
      cluster ??= startPgCluster();
      return postgresStore(await (await cluster).createDatabase(`orders_${++databases}`));
    },
  },
];

interface OrdersKit extends KitServer {
  provider: FakeProvider;
  events: PaymentEvent[];
  order(id: string): Promise<MerchantOrderView>;
  notify(providerRef: string): Promise<Response>;
}

async function ordersKit(
  store: CheckoutStore,
  provider: FakeProvider,
  onPaymentEvent?: (event: PaymentEvent) => Promise<void>,
): Promise<OrdersKit> {
  const events: PaymentEvent[] = [];
  const book = orderBook();
  book.resolveOrder = async (id) => (id.startsWith('order-') ? TEE_ORDER : undefined);
  const kit = await startKit({
    providers: [provider],
    resolveOrder: book.resolveOrder,
    store,
    merchantKey: MERCHANT_KEY,
    onPaymentEvent: async (event) => {
      await onPaymentEvent?.(event);
      events.push(event);
    },
  });
  return {
    ...kit,
    provider,
    events,
    async order(id) {
      const response = await fetch(kit.url(`merchant/orders/${id}`), {
        headers: { authorization: `Bearer ${MERCHANT_KEY}` },
      });
      assert.equal(response.status, 200);
      return MerchantOrderView.parse(await response.json());
    },
    notify: (providerRef) =>
      fetch(kit.url(`notifications/${provider.id}`), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paymentId: providerRef }),
      }),
  };
}

let orders = 0;
const newOrder = () => `order-${Date.now()}-${++orders}`;

async function created(response: Response): Promise<{ sessionId: string; status: string }> {
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as { sessionId: string; status: string };
}

for (const { name, skip, open: openStore } of STORES) {
  describe(`one payment per order (${name})`, { skip }, () => {
    // One store for the suite (opening one is the slow part); every test uses its own orders.
    let shared: CheckoutStore | undefined;
    const open = async () => {
      shared ??= await openStore();
      return shared;
    };
    after(async () => {
      await shared?.close();
    });
    it('answers 409 order_already_paid for a paid order, with the return link; a retry of the paying request still replays 201', async () => {
      const store = await open();
      const kit = await ordersKit(store, new FakeProvider({ methods: ['card', 'pis'] }));
      try {
        const order = newOrder();
        const first = await kit.createSession({ order, method: 'card' }, 'pay-1');
        const { sessionId } = await created(first);
        kit.provider.setStatus(kit.provider.paymentFor(sessionId).providerRef, {
          status: 'succeeded',
          raw: 'Paid',
        });
        assert.equal((await kit.notify(kit.provider.paymentFor(sessionId).providerRef)).status, 200);

        const again = await kit.createSession({ order, method: 'pis', bank: 'fake-bank', country: 'DE' });
        assert.equal(again.status, 409);
        const body = (await again.json()) as { error: { code: string; returnUrl?: string } };
        assert.equal(body.error.code, 'order_already_paid');
        assert.equal(body.error.returnUrl, `${SHOP_ORIGIN}/thanks?session=${sessionId}`);
        assert.equal(kit.provider.calls.initiate, 1, 'the refused attempt reached no provider');

        const replay = await kit.createSession({ order, method: 'card' }, 'pay-1');
        assert.equal(replay.status, 201);
        assert.equal(replay.headers.get('idempotent-replayed'), 'true');

        // GET sessions/:id names the order; the merchant's order view names the payment.
        const view = SessionView.parse(await (await fetch(kit.url(`sessions/${sessionId}`))).json());
        assert.equal(view.orderId, order);
        const merchant = await kit.order(order);
        assert.deepEqual(
          [merchant.status, merchant.paidSessionId, merchant.sessions.length],
          ['paid', sessionId, 1],
        );
      } finally {
        await kit.close();
      }
    });

    it('blocks a new attempt while one is processing, and allows one after a failure or beside an open one', async () => {
      const store = await open();
      const kit = await ordersKit(store, new FakeProvider());
      try {
        const order = newOrder();
        const open1 = await created(await kit.createSession({ order, method: 'card' }));
        // The shopper changed their mind: a second attempt beside an open one is allowed; the first
        // stays watched by the poller (no provider here can cancel a payment that is not authorized).
        const open2 = await created(await kit.createSession({ order, method: 'card' }));
        assert.notEqual((await store.getSession(open1.sessionId))?.nextPollAt, null);

        const ref1 = kit.provider.paymentFor(open1.sessionId).providerRef;
        kit.provider.setStatus(ref1, { status: 'failed', reason: 'declined', raw: 'Declined' });
        await kit.notify(ref1);
        await created(await kit.createSession({ order, method: 'card' }));

        const ref2 = kit.provider.paymentFor(open2.sessionId).providerRef;
        kit.provider.setStatus(ref2, { status: 'processing', raw: 'Processing' });
        await kit.notify(ref2);
        const blocked = await kit.createSession({ order, method: 'card' });
        assert.equal(blocked.status, 409);
        assert.equal(
          ((await blocked.json()) as { error: { code: string } }).error.code,
          'order_already_paid',
        );
        assert.equal((await kit.order(order)).status, 'processing');
      } finally {
        await kit.close();
      }
    });

    it('lets exactly one of many concurrent payments of one order pay it; the others are duplicates, refunded and reported', async () => {
      const store = await open();
      // Final at once: every initiation that gets through is a success, all racing to pay the order.
      const provider = new FakeProvider({
        methods: ['card'],
        nextAction: 'none',
        initialStatus: { status: 'succeeded', raw: 'Paid' },
        operations: { void: true, refund: 'partial' },
      });
      provider.initiateDelayMs = 20;
      const kit = await ordersKit(store, provider);
      try {
        const order = newOrder();
        const answers = await Promise.all(
          Array.from({ length: 6 }, () => kit.createSession({ order, method: 'card' })),
        );
        const statuses = answers.map((answer) => answer.status);
        for (const answer of answers) {
          if (answer.status === 409) {
            assert.equal(
              ((await answer.json()) as { error: { code: string } }).error.code,
              'order_already_paid',
            );
          } else assert.equal(answer.status, 201);
        }
        assert.ok(statuses.includes(201));

        const view = await kit.order(order);
        assert.equal(view.status, 'paid');
        const payers = view.sessions.filter((s) => s.status === 'succeeded' && s.duplicateOf === undefined);
        assert.equal(payers.length, 1, 'exactly one session pays the order');
        assert.equal(view.paidSessionId, payers[0]?.sessionId);
        const duplicates = view.sessions.filter((s) => s.duplicateOf !== undefined);
        assert.equal(duplicates.length, statuses.filter((s) => s === 201).length - 1);
        for (const duplicate of duplicates) {
          assert.equal(duplicate.duplicateOf, payers[0]?.sessionId);
          assert.deepEqual(
            duplicate.operations.map((op) => [op.kind, op.status, op.amount.value]),
            [['refund', 'succeeded', 1999]],
          );
          assert.equal(duplicate.amounts.refunded, 1999);
        }
        // Reported: one payment.succeeded for the order, a payment.duplicate and a payment.refunded per duplicate.
        const types = (type: string) => kit.events.filter((event) => event.type === type);
        assert.deepEqual(
          types('payment.succeeded').map((event) => event.data.sessionId),
          [payers[0]?.sessionId],
        );
        assert.equal(types('payment.duplicate').length, duplicates.length);
        assert.equal(types('payment.refunded').length, duplicates.length);
      } finally {
        await kit.close();
      }
    });

    it('two tabs: a card payment finished after the bank payment paid the order is a duplicate, voided automatically', async () => {
      const store = await open();
      const provider = new FakeProvider({ operations: { void: true, refund: 'partial' } });
      const kit = await ordersKit(store, provider);
      try {
        const order = newOrder();
        const card = await created(await kit.createSession({ order, method: 'card' }));
        const bank = await created(
          await kit.createSession({ order, method: 'pis', bank: 'fake-bank', country: 'DE' }),
        );
        const bankRef = provider.paymentFor(bank.sessionId).providerRef;
        provider.setStatus(bankRef, { status: 'succeeded', raw: 'Paid' });
        await kit.notify(bankRef);
        // The first tab's card payment is only authorized when the shopper finishes it: a void gives it back.
        const cardRef = provider.paymentFor(card.sessionId).providerRef;
        provider.setStatus(cardRef, { status: 'authorized', raw: 'Authorized' });
        await kit.notify(cardRef);

        const view = await kit.order(order);
        assert.equal(view.paidSessionId, bank.sessionId);
        const duplicate = view.sessions.find((s) => s.sessionId === card.sessionId);
        assert.equal(duplicate?.duplicateOf, bank.sessionId);
        assert.equal(duplicate?.status, 'cancelled', 'the void cancels the authorization');
        assert.deepEqual(
          duplicate?.operations.map((op) => [op.kind, op.status]),
          [['void', 'succeeded']],
        );
        assert.deepEqual(
          provider.payments.get(cardRef)?.operations.map((op) => op.operationId.length > 0),
          [true],
        );
        assert.deepEqual(
          kit.events.map((event) => [event.type, event.data.sessionId]),
          [
            ['payment.succeeded', bank.sessionId],
            ['payment.duplicate', card.sessionId],
            ['payment.cancelled', card.sessionId],
          ],
        );
      } finally {
        await kit.close();
      }
    });

    it('reports a duplicate its provider cannot give back, and leaves it to the merchant', async () => {
      const store = await open();
      const provider = new FakeProvider(); // no operations, like ConnectPay
      const kit = await ordersKit(store, provider);
      try {
        const order = newOrder();
        const a = await created(await kit.createSession({ order, method: 'card' }));
        const b = await created(await kit.createSession({ order, method: 'card' }));
        for (const { sessionId } of [a, b]) {
          const ref = provider.paymentFor(sessionId).providerRef;
          provider.setStatus(ref, { status: 'succeeded', raw: 'Paid' });
          await kit.notify(ref);
        }
        const view = await kit.order(order);
        const duplicate = view.sessions.find((s) => s.sessionId === b.sessionId);
        assert.deepEqual(
          [duplicate?.status, duplicate?.duplicateOf, duplicate?.operations],
          ['succeeded', a.sessionId, []],
        );
        const reported = kit.events.find((event) => event.type === 'payment.duplicate');
        assert.deepEqual(reported?.data, {
          orderId: order,
          sessionId: b.sessionId,
          provider: 'fakepay',
          method: 'card',
          amount: { value: 1999, currency: 'EUR' },
          status: 'succeeded',
          duplicateOf: a.sessionId,
        });
        assert.equal(reported?.id, `evt_${b.sessionId}_duplicate`);
      } finally {
        await kit.close();
      }
    });

    it('awaits onPaymentEvent before acknowledging a notification: a throw answers 500 and the redelivery hands the event over again', async () => {
      const store = await open();
      let failures = 1;
      const kit = await ordersKit(store, new FakeProvider(), async () => {
        if (failures-- > 0) throw new Error('the fulfilment database is down');
      });
      try {
        const order = newOrder();
        const { sessionId } = await created(await kit.createSession({ order, method: 'card' }));
        const ref = kit.provider.paymentFor(sessionId).providerRef;
        kit.provider.setStatus(ref, { status: 'succeeded', raw: 'Paid' });
        const first = await kit.notify(ref);
        assert.equal(first.status, 500, 'the provider is told to redeliver');
        assert.equal(kit.events.length, 0);
        const redelivered = await kit.notify(ref);
        assert.equal(redelivered.status, 200);
        assert.deepEqual(
          kit.events.map((event) => [event.id, event.type, event.data.orderId]),
          [[`evt_${sessionId}_succeeded`, 'payment.succeeded', order]],
        );
        // Acknowledged once: a third delivery hands nothing over again.
        assert.equal((await kit.notify(ref)).status, 200);
        assert.equal(kit.events.length, 1);
      } finally {
        await kit.close();
      }
    });
  });
}
