import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import {
  CreateSessionResponse,
  type SessionStatus,
  SessionView,
  type StatusReason,
} from '@pay-checkout/contract';
import { cardGatewayTestMerchant, type RunningSandbox, startSandbox } from '@pay-checkout/sandbox';
import pino from 'pino';
import { cardGateway } from '../src/providers/cardgateway/index.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import type { CheckoutStore } from '../src/store/store.js';
import { type KitServer, orderBook, SHOP_ORIGIN, startKit } from './helpers/kit-server.js';
import { waitFor } from './helpers/wait-for.js';

const M = cardGatewayTestMerchant;
const MERCHANT_KEY = 'mk_cardgateway_kit_0123456789';
const FUTURE = `12/${String(new Date().getUTCFullYear() + 2).slice(2)}`;
/** A CVC no id, amount or timestamp of these tests contains, so finding it anywhere means a leak. */
const CVC = '482';

/**
 * The card gateway through the kit, end to end over HTTP, as a browser walks it: the session opened
 * like the element opens it, the kit's card page, its form post, the 3-D Secure step through the
 * kit's continue page to the sandbox ACS, the gateway's signed callback, and the merchant API's
 * capture, void and refund. Last, the card data is looked for everywhere the kit keeps or says
 * anything: its logs (at trace level), its store (sessions with their provider data, events,
 * attempts and operations) and every answer it gave.
 */
describe('card gateway through the kit (sandbox over HTTP, every test card)', () => {
  let sandbox: RunningSandbox;
  let kit: KitServer;
  let store: CheckoutStore;
  const book = orderBook();
  const logLines: string[] = [];
  /** Every answer body the kit gave in these tests. */
  const answers: string[] = [];
  let seq = 0;

  before(async () => {
    sandbox = await startSandbox({
      port: 0,
      providers: ['cardgateway'],
      notificationRetryBaseMs: 20,
      log: () => {},
    });
    store = pgliteStore({ memory: true });
    const credentials = {
      baseUrl: sandbox.urlOf('cardgateway'),
      memberId: M.memberId,
      secureKey: M.secureKey,
      terminalId: M.terminalId,
      retryBackoff: { baseMs: 5, maxMs: 20 },
    };
    kit = await startKit({
      providers: [
        cardGateway(credentials),
        cardGateway({ ...credentials, id: 'cardgateway-auth', paymentType: 'PA' }),
      ],
      resolveOrder: book.resolveOrder,
      store,
      merchantKey: MERCHANT_KEY,
      logger: pino(
        { level: 'trace' },
        new Writable({
          write(chunk, _encoding, done) {
            logLines.push(String(chunk));
            done();
          },
        }),
      ),
    });
  });
  after(async () => {
    await kit.close();
    await store.close();
    await sandbox.close();
  });

  async function kept(response: Response): Promise<string> {
    const text = await response.text();
    const headers: string[] = [];
    response.headers.forEach((value, name) => {
      headers.push(`${name}: ${value}`);
    });
    answers.push(text, headers.join('\n'));
    return text;
  }

  async function open(provider = 'cardgateway'): Promise<{ sessionId: string; redirectUrl: string }> {
    const orderId = `order-${++seq}`;
    book.orders.set(orderId, {
      amount: '25.00',
      currency: 'EUR',
      description: 'Poster',
      returnUrl: `${SHOP_ORIGIN}/thanks`,
    });
    const response = await kit.createSession({ order: orderId, method: 'card', provider });
    const text = await kept(response);
    assert.equal(response.status, 201, text);
    return CreateSessionResponse.parse(JSON.parse(text));
  }

  async function postCard(sessionId: string, number: string, extra: Record<string, string> = {}) {
    const response = await fetch(kit.url(`card/${sessionId}`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(kit.base).origin },
      body: new URLSearchParams({
        number,
        expiry: FUTURE,
        cvc: CVC,
        holder: 'Anna Test',
        ...extra,
      }).toString(),
      redirect: 'manual',
    });
    const text = await kept(response);
    return { status: response.status, location: response.headers.get('location') ?? '', text };
  }

  async function settles(sessionId: string, status: SessionStatus, reason?: StatusReason): Promise<void> {
    const view = await waitFor(async () => {
      const response = await fetch(kit.url(`sessions/${sessionId}`));
      const current = SessionView.parse(JSON.parse(await kept(response)));
      return current.status === status ? current : undefined;
    }, `session ${sessionId} → ${status}`);
    assert.equal(view.reason, reason);
  }

  /** The shopper at the ACS: the kit's continue page posts PaReq there; the challenge is passed or failed. */
  async function challenge(sessionId: string, result: 'pass' | 'fail'): Promise<string> {
    const continuePage = await kept(await fetch(kit.url(`continue/${sessionId}`)));
    const action = /action="([^"]+)"/.exec(continuePage)?.[1] ?? '';
    const paReq = /name="PaReq" value="([^"]+)"/.exec(continuePage)?.[1] ?? '';
    assert.match(action, /\/cardgateway\/acs\/\d+$/);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const page = await fetch(action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ PaReq: paReq }),
    });
    assert.equal(page.status, 200);
    const answered = await fetch(`${action}/result`, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ PaReq: paReq, result }),
      redirect: 'manual',
    });
    assert.equal(answered.status, 303);
    return answered.headers.get('location') ?? '';
  }

  async function operate(sessionId: string, kind: 'capture' | 'void' | 'refund', amount?: number) {
    const response = await fetch(kit.url(`merchant/sessions/${sessionId}/${kind}`), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${MERCHANT_KEY}`,
        'content-type': 'application/json',
        'idempotency-key': `op-${sessionId}-${kind}-${amount ?? 'all'}`,
      },
      body: JSON.stringify(amount === undefined ? {} : { amount }),
    });
    const text = await kept(response);
    return {
      status: response.status,
      body: JSON.parse(text) as { operation?: { status: string }; error?: { code: string } },
    };
  }

  it('sends the shopper to the kit card page: localized, labelled, under a strict nonce CSP', async () => {
    const { sessionId, redirectUrl } = await open();
    assert.equal(redirectUrl, kit.url(`card/${sessionId}`));
    const response = await fetch(redirectUrl, { headers: { 'accept-language': 'de-DE' } });
    const page = await kept(response);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'nonce-[^']+' 'strict-dynamic'/);
    assert.match(csp, /form-action 'self';/);
    assert.match(page, /<html lang="de"/);
    assert.match(page, /autocomplete="cc-number"/);
    assert.doesNotMatch(page, /<script[^>]+src=/, 'no script is loaded from anywhere');
  });

  it('4111 1111 1111 1111: paid at once, the shopper on the return page', async () => {
    const { sessionId } = await open();
    const posted = await postCard(sessionId, '4111 1111 1111 1111');
    assert.equal(posted.status, 303);
    assert.equal(posted.location, kit.url(`return/${sessionId}`));
    await settles(sessionId, 'succeeded');
    // The page is spent: it now sends the shopper to the return page, and a second post pays nothing.
    const again = await fetch(kit.url(`card/${sessionId}`), { redirect: 'manual' });
    assert.equal(again.status, 303);
    assert.equal((await postCard(sessionId, '4111111111111111')).location, kit.url(`return/${sessionId}`));
    assert.equal(
      sandbox.stage('cardgateway').book.list((p) => p.merchantTransactionId.endsWith(sessionId.slice(3)))
        .length,
      1,
    );
  });

  it('4000 0000 0000 9995: declined, insufficient funds', async () => {
    const { sessionId } = await open();
    await postCard(sessionId, '4000000000009995');
    await settles(sessionId, 'failed', 'insufficient_funds');
  });

  it('4000 0000 0000 0069: declined, expired card', async () => {
    const { sessionId } = await open();
    await postCard(sessionId, '4000000000000069');
    await settles(sessionId, 'failed', 'declined');
  });

  it('4000 0000 0000 3220: the challenge through the continue page, passed → succeeded', async () => {
    const { sessionId } = await open();
    const posted = await postCard(sessionId, '4000000000003220');
    assert.equal(posted.location, kit.url(`continue/${sessionId}`));
    const back = new URL(await challenge(sessionId, 'pass'));
    assert.equal(back.pathname, new URL(kit.url(`return/${sessionId}`)).pathname);
    await settles(sessionId, 'succeeded');
  });

  it('4000 0000 0000 3220: the challenge failed → failed, authentication_failed', async () => {
    const { sessionId } = await open();
    await postCard(sessionId, '4000000000003220');
    await challenge(sessionId, 'fail');
    await settles(sessionId, 'failed', 'authentication_failed');
  });

  it('refuses a bad card on the page (422) without echoing the number or the CVC, and charges nothing', async () => {
    const { sessionId } = await open();
    const posted = await postCard(sessionId, '4111 1111 1111 1112', { cvc: '48', expiry: '13/30' });
    assert.equal(posted.status, 422);
    assert.match(posted.text, /id="card-number-error">Enter a valid card number\./);
    assert.match(posted.text, /Enter the 3 or 4 digit security code/);
    assert.doesNotMatch(posted.text, /4111 1111 1111 1112|4111111111111112|value="48"/);
    assert.equal(
      sandbox.stage('cardgateway').book.list((p) => p.merchantTransactionId.includes(sessionId)).length,
      0,
    );
  });

  it('refuses a card post from a foreign origin, or an opaque one that is not our own page', async () => {
    const { sessionId } = await open();
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of foreign) {
      const response = await fetch(kit.url(`card/${sessionId}`), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ number: '4111111111111111', expiry: FUTURE, cvc: CVC, holder: 'X' }),
      });
      assert.equal(response.status, 403);
      await kept(response);
    }
    // Our own page sends no referrer, so the browser's Origin is `null`; Fetch Metadata vouches for it.
    const ours = await fetch(kit.url(`card/${sessionId}`), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'null',
        'sec-fetch-site': 'same-origin',
      },
      body: new URLSearchParams({ number: '4111', expiry: FUTURE, cvc: CVC, holder: 'X' }),
    });
    assert.equal(ours.status, 422);
    await kept(ours);
  });

  it('auth → partial capture → refund, through the merchant API and the operations ledger', async () => {
    const { sessionId } = await open('cardgateway-auth');
    await postCard(sessionId, '4111111111111111');
    await settles(sessionId, 'authorized');
    const captured = await operate(sessionId, 'capture', 1500);
    assert.equal(captured.status, 201, JSON.stringify(captured.body));
    assert.equal(captured.body.operation?.status, 'succeeded');
    await settles(sessionId, 'succeeded');
    const tooMuch = await operate(sessionId, 'refund', 1501);
    assert.equal(tooMuch.body.error?.code, 'amount_exceeds_refundable');
    const refunded = await operate(sessionId, 'refund', 1500);
    assert.equal(refunded.body.operation?.status, 'succeeded');
  });

  it('auth → void (the gateway reverses the authorization)', async () => {
    const { sessionId } = await open('cardgateway-auth');
    await postCard(sessionId, '4111111111111111');
    await settles(sessionId, 'authorized');
    const voided = await operate(sessionId, 'void');
    assert.equal(voided.body.operation?.status, 'succeeded');
    await settles(sessionId, 'cancelled');
    const payment = sandbox
      .stage('cardgateway')
      .book.list((p) => p.merchantTransactionId.includes(sessionId.slice(3)))[0];
    assert.equal(payment?.status, 'cancelled');
  });

  it('refuses an unsigned callback and a forged one with 401, and changes nothing', async () => {
    const { sessionId } = await open();
    const reference = (await store.getSession(sessionId))?.reference ?? '';
    const body = {
      paymentId: '1',
      merchantTransactionId: reference,
      amount: '25.00',
      status: 'capturesuccess',
      transactionStatus: 'Y',
    };
    for (const forged of [body, { ...body, checksum: 'f'.repeat(32) }]) {
      const response = await fetch(kit.url('notifications/cardgateway'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(forged),
      });
      assert.equal(response.status, 401);
      await kept(response);
    }
    assert.equal((await store.getSession(sessionId))?.status, 'pending');
  });

  it('keeps no card data at rest: not in the logs, the store, nor any answer', async () => {
    const pans = ['4111111111111111', '4000000000009995', '4000000000000069', '4000000000003220'];
    const shapes = pans.flatMap((pan) => [pan, pan.replace(/(\d{4})(?=\d)/g, '$1 ')]);
    // A CVC is three digits, which random nonces and ids contain by chance: it is looked for as a
    // value (a field, a JSON string, a form or query parameter) or by its name.
    const cvc = new RegExp(`(?:cv[cv]\\W{0,12}|["'=:]\\s*)${CVC}(?!\\w)`, 'i');
    assert.ok(logLines.length > 20, 'the kit logged at trace level');
    const sessions = await Promise.all(
      [...book.orders.keys()].map((orderId) => store.listSessionsByOrder(orderId)),
    );
    const rows: unknown[] = [];
    for (const session of sessions.flat()) {
      rows.push(
        session,
        await store.eventsSince(session.id, 0),
        await store.listOperations(session.id),
        await store.listAttempts(session.id),
      );
    }
    const places: Record<string, string> = {
      logs: logLines.join('\n'),
      store: JSON.stringify(rows),
      answers: answers.join('\n'),
    };
    for (const [where, text] of Object.entries(places)) {
      for (const shape of shapes) assert.ok(!text.includes(shape), `a card number in the ${where}`);
      assert.doesNotMatch(text, cvc, `the CVC in the ${where}`);
    }
    assert.ok(places.store.includes('paymentId'), 'the store keeps the gateway payment ids');
  });
});
