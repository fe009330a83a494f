import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateSessionResponse,
  MerchantSessionView,
  type SessionStatus,
  SessionView,
  type StatusReason,
} from '@pay-checkout/contract';
import { SANDBOX_BAAS, type WidgetOutcome } from '@pay-checkout/sandbox';
import type { ResolvedOrder } from '../src/config.js';
import { CheckoutError } from '../src/errors.js';
import { sendsAfterGate } from '../src/providers/http/send-gate.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import { type ConnectPayKit, startConnectPayKit } from './helpers/connectpay-kit.js';
import { errorCode } from './helpers/error-code.js';
import { SHOP_ORIGIN } from './helpers/kit-server.js';
import { waitFor } from './helpers/wait-for.js';

const FAKE_BANK = 'c3e4f215-dde4-4d0c-9a48-bc7274c90977';
const SIAULIU = 'a7640cb7-4dec-4a44-a9ad-b918c803254e';
const ANNA_ACTIVE = 'LT601010012345678901';
const ANNA_INACTIVE = 'LT701010098765432109';
const BEN_ACTIVE = 'LT121000011101001000';

function order(amount: string, topUp?: ResolvedOrder['topUp']): ResolvedOrder {
  return {
    amount,
    currency: 'EUR',
    description: 'Order',
    returnUrl: `${SHOP_ORIGIN}/thanks`,
    ...(topUp ? { topUp } : {}),
  };
}

/**
 * Both ConnectPay flows through the kit, end to end over HTTP, for every row of docs/test-data.md: the kit
 * opens the session, the shopper walks the sandbox widget, the sandbox's (unsigned-in-spirit)
 * notification makes the kit re-fetch the payment, and the session ends where the test data says.
 * The poller is off, and `GET sessions/:id` never reconciles, so a pass proves the notification path.
 */
const MERCHANT_KEY = 'mk_connectpay_kit_0123456789';

describe('ConnectPay through the kit (sandbox over HTTP, every docs/test-data.md row)', () => {
  const store = pgliteStore({ memory: true });
  let env: ConnectPayKit;
  let seq = 0;

  before(async () => {
    env = await startConnectPayKit({ store, merchantKey: MERCHANT_KEY });
  });
  after(async () => {
    await env.close();
    await store.close();
  });

  async function open(
    body: { method: string; bank?: string; country?: string },
    resolved: ResolvedOrder,
  ): Promise<{ sessionId: string; redirectUrl: string }> {
    const orderId = `order-${++seq}`;
    env.book.orders.set(orderId, resolved);
    const response = await env.kit.createSession({ order: orderId, ...body });
    const text = await response.text();
    assert.equal(response.status, 201, text);
    const created = CreateSessionResponse.parse(JSON.parse(text));
    assert.equal(created.status, 'pending');
    return created;
  }

  async function settles(
    sessionId: string,
    status: SessionStatus,
    reason?: StatusReason,
  ): Promise<SessionView> {
    const view = await waitFor(async () => {
      const current = SessionView.parse(await (await fetch(env.kit.url(`sessions/${sessionId}`))).json());
      return current.status === status ? current : undefined;
    }, `session ${sessionId} → ${status}`);
    assert.equal(view.reason, reason);
    return view;
  }

  function paymentIdOf(outcome: WidgetOutcome): string {
    return outcome.paymentId;
  }

  describe('merchant payments', () => {
    it('PIS at Fake Bank with Client Keys (DE, username/secret, code 123456) succeeds', async () => {
      const { sessionId, redirectUrl } = await open(
        { method: 'pis', bank: FAKE_BANK, country: 'DE' },
        order('19.99'),
      );
      assert.equal((await env.shopper.payWithFakeBank(redirectUrl)).status, 'Completed');
      await settles(sessionId, 'succeeded');
    });

    it('PIS at Siauliu bankas (LT, any login, code 123456) succeeds', async () => {
      const { sessionId, redirectUrl } = await open(
        { method: 'pis', bank: SIAULIU, country: 'LT' },
        order('19.99'),
      );
      await env.shopper.payWithBank(redirectUrl, { providerId: SIAULIU, username: 'jonas', password: 'x' });
      await settles(sessionId, 'succeeded');
    });

    for (const [number, label] of [
      ['4242424242424242', 'Visa 4242… (3-D Secure challenge passed)'],
      ['5436031030606378', 'Mastercard 5436… (3-D Secure challenge passed)'],
      ['4485040371536584', 'Visa 4485… (frictionless)'],
    ] as const) {
      it(`CARD ${label} succeeds`, async () => {
        const { sessionId, redirectUrl } = await open({ method: 'card' }, order('19.99'));
        await env.shopper.payWithCard(redirectUrl, number, { threeDs: 'pass' });
        await settles(sessionId, 'succeeded');
      });
    }

    it('CARD 4242… with a failed 3-D Secure challenge fails with authentication_failed', async () => {
      const { sessionId, redirectUrl } = await open({ method: 'card' }, order('19.99'));
      await env.shopper.payWithCard(redirectUrl, '4242424242424242', { threeDs: 'fail' });
      await settles(sessionId, 'failed', 'authentication_failed');
    });

    it('CARD 4544249167673670 fails with insufficient_funds', async () => {
      const { sessionId, redirectUrl } = await open({ method: 'card' }, order('19.99'));
      await env.shopper.payWithCard(redirectUrl, '4544249167673670');
      await settles(sessionId, 'failed', 'insufficient_funds');
    });

    it('CARD 4539253655711767 fails with card_lost_or_stolen', async () => {
      const { sessionId, redirectUrl } = await open({ method: 'card' }, order('19.99'));
      await env.shopper.payWithCard(redirectUrl, '4539253655711767');
      await settles(sessionId, 'failed', 'card_lost_or_stolen');
    });

    it('99.99 EUR stops in manual review (processing/manual_review); approving it succeeds', async () => {
      const { sessionId, redirectUrl } = await open({ method: 'card' }, order('99.99'));
      const outcome = await env.shopper.payWithCard(redirectUrl, '4485040371536584');
      await settles(sessionId, 'processing', 'manual_review');
      assert.equal((await env.shopper.approve(paymentIdOf(outcome))).status, 200);
      await settles(sessionId, 'succeeded');
    });

    it('99.99 EUR in manual review, rejected, fails with declined', async () => {
      const { sessionId, redirectUrl } = await open(
        { method: 'pis', bank: FAKE_BANK, country: 'DE' },
        order('99.99'),
      );
      const outcome = await env.shopper.payWithFakeBank(redirectUrl);
      await settles(sessionId, 'processing', 'manual_review');
      await env.shopper.reject(paymentIdOf(outcome));
      await settles(sessionId, 'failed', 'declined');
    });

    for (const [method, wallet] of [
      ['googlepay', 'GooglePay'],
      ['applepay', 'ApplePay'],
    ] as const) {
      it(`${wallet} through the provider's page succeeds`, async () => {
        const { sessionId, redirectUrl } = await open({ method }, order('19.99'));
        await env.shopper.payWithWallet(redirectUrl, wallet);
        await settles(sessionId, 'succeeded');
      });
    }

    it('Cancel on the provider page ends the session cancelled', async () => {
      const { sessionId, redirectUrl } = await open({ method: 'card' }, order('19.99'));
      await env.shopper.cancel(redirectUrl);
      await settles(sessionId, 'cancelled', 'cancelled_by_shopper');
    });
  });

  describe('BaaS top-up', () => {
    const anna = { creditorIban: ANNA_ACTIVE, consumerId: 'consumer-anna' };

    it('PIS at Fake Bank (DE) into an active account succeeds', async () => {
      const { sessionId, redirectUrl } = await open(
        { method: 'pis', bank: FAKE_BANK, country: 'DE' },
        order('25.00', anna),
      );
      await env.shopper.payWithFakeBank(redirectUrl);
      await settles(sessionId, 'succeeded');
    });

    it('PIS at Siauliu bankas (LT) into an active account succeeds', async () => {
      const { sessionId, redirectUrl } = await open(
        { method: 'pis', bank: SIAULIU, country: 'LT' },
        order('25.00', { creditorIban: BEN_ACTIVE, consumerId: 'consumer-ben' }),
      );
      await env.shopper.payWithBank(redirectUrl, { providerId: SIAULIU, username: 'ben', password: 'x' });
      await settles(sessionId, 'succeeded');
    });

    it('CARD 4242424242424242 top-up succeeds', async () => {
      const { sessionId, redirectUrl } = await open({ method: 'card' }, order('25.00', anna));
      await env.shopper.payWithCard(redirectUrl, '4242424242424242', { threeDs: 'pass' });
      await settles(sessionId, 'succeeded');
    });

    it('CARD 4539467987109256 top-up fails with declined', async () => {
      const { sessionId, redirectUrl } = await open({ method: 'card' }, order('25.00', anna));
      await env.shopper.payWithCard(redirectUrl, '4539467987109256');
      await settles(sessionId, 'failed', 'declined');
    });

    for (const [label, topUp, code] of [
      [
        'an inactive creditor account',
        { creditorIban: ANNA_INACTIVE, consumerId: 'consumer-anna' },
        'creditor_account_inactive',
      ],
      [
        "another consumer's account",
        { creditorIban: BEN_ACTIVE, consumerId: 'consumer-anna' },
        'creditor_account_not_owned',
      ],
      [
        'an unknown account',
        { creditorIban: 'LT000000000000000000', consumerId: 'consumer-anna' },
        'creditor_account_not_found',
      ],
    ] as const) {
      it(`refuses a top-up into ${label} with a clear error (${code})`, async () => {
        const orderId = `refused-${++seq}`;
        env.book.orders.set(orderId, order('25.00', topUp));
        const response = await env.kit.createSession({
          order: orderId,
          method: 'pis',
          bank: FAKE_BANK,
          country: 'DE',
        });
        assert.equal(response.status, 422, 'a refusal, not a provider outage');
        const body = (await response.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, code);
        assert.match(body.error.message, /creditor account/i);
      });
    }

    it('the seeded BaaS data matches what these tests assume', () => {
      assert.ok(JSON.stringify(SANDBOX_BAAS).includes(ANNA_INACTIVE));
    });
  });

  it('GET options lists the sandbox banks of a country and says sandbox', async () => {
    env.book.orders.set('opts', order('19.99'));
    const response = await fetch(env.kit.url('options?order=opts&country=DE'));
    const body = (await response.json()) as { mode: string; banks: { id: string; name: string }[] };
    assert.equal(body.mode, 'sandbox');
    assert.ok(body.banks.some((bank) => bank.id === FAKE_BANK && /Fake Bank/.test(bank.name)));
  });

  it('the return page shows the final status after the shopper comes back', async () => {
    const { sessionId, redirectUrl } = await open({ method: 'card' }, order('19.99'));
    await env.shopper.payWithCard(redirectUrl, '4544249167673670');
    const html = await (await fetch(env.kit.url(`return/${sessionId}`))).text();
    assert.match(html, /<h1 id="status-heading">Payment failed<\/h1>/);
    assert.match(html, /insufficient funds/);
  });

  describe('merchant operations', () => {
    it('answers 409 operation_unsupported for capture, void and refund of a paid ConnectPay session, over HTTP and in code, sending and storing nothing', async () => {
      const { sessionId, redirectUrl } = await open(
        { method: 'pis', bank: FAKE_BANK, country: 'DE' },
        order('19.99'),
      );
      await env.shopper.payWithFakeBank(redirectUrl);
      await settles(sessionId, 'succeeded');
      for (const kind of ['capture', 'void', 'refund'] as const) {
        const response = await fetch(env.kit.url(`merchant/sessions/${sessionId}/${kind}`), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${MERCHANT_KEY}`,
            'idempotency-key': `op-${kind}-${sessionId}`,
            'content-type': 'application/json',
          },
          body: '{}',
        });
        assert.equal(response.status, 409, kind);
        assert.equal(await errorCode(response), 'operation_unsupported');
        await assert.rejects(
          env.kit.checkout[kind](sessionId, { idempotencyKey: `code-${kind}-${sessionId}` }),
          (error: unknown) => error instanceof CheckoutError && error.code === 'operation_unsupported',
        );
      }
      assert.deepEqual(await store.listOperations(sessionId), []);
      const view = MerchantSessionView.parse(
        await (
          await fetch(env.kit.url(`merchant/sessions/${sessionId}`), {
            headers: { authorization: `Bearer ${MERCHANT_KEY}` },
          })
        ).json(),
      );
      assert.deepEqual(view.amounts, { authorized: 1999, captured: 1999, refunded: 0 });
      assert.deepEqual(
        view.attempts.map((a) => [a.provider, a.outcome]),
        [['connectpay', 'created']],
      );
    });
  });
});

/**
 * POST sessions builds and signs ConnectPay's Initiate Payment while the session is being written
 * (providers/http/send-gate.ts). What must hold: the request leaves only after the write is stored
 * and answered (docs/reliability.md: a crash then leaves a session the poller adopts by reference), and
 * a request whose key turns out to be held sends nothing at all.
 */
describe('ConnectPay initiation prepared during the session write', () => {
  const inner = pgliteStore({ memory: true });
  /** `<reference>:<payments the sandbox had for it>` at the moment each session write was answered. */
  const atWrite: string[] = [];
  let env: ConnectPayKit;
  const payments = (reference: string) =>
    env.sandbox.connectPay.book.list((payment) => payment.merchantReference === reference).length;
  // The real store, with each session write held 150 ms after it committed, before it is answered.
  const store = new Proxy(inner, {
    get(target, property) {
      if (property === 'openSession')
        return async (input: Parameters<typeof inner.openSession>[0]) => {
          const result = await target.openSession(input);
          await new Promise((resolve) => setTimeout(resolve, 150));
          atWrite.push(`${input.session.reference}:${payments(input.session.reference)}`);
          return result;
        };
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

  before(async () => {
    env = await startConnectPayKit({ store });
  });
  after(async () => {
    await env.close();
    await inner.close();
  });

  it('the ConnectPay adapter takes the prepared path (it hands its signal to the provider client)', () => {
    assert.equal(sendsAfterGate(env.adapter), true);
    assert.equal(sendsAfterGate({ ...env.adapter }), false, 'a copy with its own initiate does not');
  });

  it('sends the initiation only after the session write, once', async () => {
    env.book.orders.set('order-gate-1', order('12.34'));
    atWrite.length = 0;
    const response = await env.kit.createSession({ order: 'order-gate-1', method: 'card' });
    assert.equal(response.status, 201);
    const { sessionId } = CreateSessionResponse.parse(await response.json());
    assert.deepEqual(atWrite, [`pc-${sessionId}:0`], 'nothing had left while the write was pending');
    assert.equal(payments(`pc-${sessionId}`), 1);
  });

  it('a request whose Idempotency-Key is held sends nothing', async () => {
    env.book.orders.set('order-gate-2', order('12.35'));
    atWrite.length = 0;
    const before = env.sandbox.connectPay.book.list().length;
    const [a, b] = await Promise.all([
      env.kit.createSession({ order: 'order-gate-2', method: 'card' }, 'gate-key'),
      env.kit.createSession({ order: 'order-gate-2', method: 'card' }, 'gate-key'),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [201, 409]);
    assert.equal(atWrite.length, 2, 'both requests wrote (one claimed, one found the key held)');
    assert.equal(env.sandbox.connectPay.book.list().length, before + 1, 'one payment, not two');
  });
});
