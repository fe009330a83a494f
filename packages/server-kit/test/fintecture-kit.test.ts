import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateSessionResponse,
  type SessionStatus,
  SessionView,
  type StatusReason,
} from '@pay-checkout/contract';
import {
  type FintectureStage,
  fintectureTestApp,
  fintectureTestShopper,
  type RunningSandbox,
  startSandbox,
} from '@pay-checkout/sandbox';
import { fintecture } from '../src/providers/fintecture/index.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import { type KitServer, orderBook, SHOP_ORIGIN, startKit } from './helpers/kit-server.js';
import { waitFor } from './helpers/wait-for.js';

/**
 * Fintecture through the kit, end to end over HTTP: the kit opens the session (signed requests, OAuth
 * token), the shopper walks Connect, Fintecture's signed webhook moves the session (the poller is off
 * and `GET sessions/:id` never reconciles, so a pass proves the webhook path), the `state` return lands
 * on the session's page, and the merchant API refunds through the operations ledger.
 */
const MERCHANT_KEY = 'mk_fintecture_kit_0123456789';

describe('Fintecture through the kit (sandbox over HTTP)', () => {
  const store = pgliteStore({ memory: true });
  const book = orderBook();
  let sandbox: RunningSandbox;
  let stage: FintectureStage;
  let kit: KitServer;
  let seq = 0;

  before(async () => {
    sandbox = await startSandbox({
      port: 0,
      providers: ['fintecture'],
      log: () => {},
      notificationRetryBaseMs: 20,
    });
    stage = sandbox.stage('fintecture');
    kit = await startKit({
      providers: [
        fintecture({
          baseUrl: sandbox.urlOf('fintecture'),
          ...fintectureTestApp,
          timeoutMs: 3000,
          retryBackoff: { baseMs: 5, maxMs: 40 },
        }),
      ],
      resolveOrder: book.resolveOrder,
      store,
      merchantKey: MERCHANT_KEY,
    });
    stage.setWebhookUrl(fintectureTestApp.appId, kit.url('notifications/fintecture'));
  });
  after(async () => {
    await kit.close();
    await sandbox.close();
    await store.close();
  });

  async function open(
    body: { bank?: string; country?: string } = {},
  ): Promise<{ sessionId: string; redirectUrl: string }> {
    const orderId = `order-${++seq}`;
    book.orders.set(orderId, {
      amount: '19.99',
      currency: 'EUR',
      description: 'Tee',
      returnUrl: `${SHOP_ORIGIN}/thanks`,
    });
    const response = await kit.createSession({ order: orderId, method: 'pis', country: 'FR', ...body });
    const text = await response.text();
    assert.equal(response.status, 201, text);
    return CreateSessionResponse.parse(JSON.parse(text));
  }

  async function settles(sessionId: string, status: SessionStatus, reason?: StatusReason): Promise<void> {
    const view = await waitFor(async () => {
      const current = SessionView.parse(await (await fetch(kit.url(`sessions/${sessionId}`))).json());
      return current.status === status ? current : undefined;
    }, `session ${sessionId} → ${status}`);
    assert.equal(view.reason, reason);
  }

  it('pre-selects the bank the shopper chose in the element (x-provider) and opens Connect at its login', async () => {
    const { redirectUrl } = await open({ bank: 'bnpafr' });
    const page = await (await fetch(redirectUrl)).text();
    assert.match(page, /Log in to BNP Paribas/);
    const session = stage.book.list().at(-1);
    assert.deepEqual([session?.provider, session?.country, session?.psuType], ['bnpafr', 'FR', 'retail']);
  });

  it('lists FR banks in the options with their BICs, from Fintecture', async () => {
    book.orders.set('banks-order', {
      amount: '19.99',
      currency: 'EUR',
      description: 'Tee',
      returnUrl: `${SHOP_ORIGIN}/thanks`,
    });
    const options = (await (await fetch(kit.url('options?order=banks-order&country=FR'))).json()) as {
      banks: { id: string; bic?: string; provider: string }[];
    };
    assert.ok(
      options.banks.some(
        (bank) => bank.id === 'sogefr' && bank.bic === 'SOGEFRPP' && bank.provider === 'fintecture',
      ),
    );
  });

  const outcomes: [string, SessionStatus, StatusReason | undefined][] = [
    ['paid', 'succeeded', undefined],
    ['refused', 'failed', 'declined'],
    ['nofunds', 'failed', 'insufficient_funds'],
    ['pending', 'processing', undefined],
  ];
  for (const [username, status, reason] of outcomes) {
    it(`login ${username} → ${status}${reason ? ` (${reason})` : ''} by the signed webhook`, async () => {
      const { sessionId, redirectUrl } = await open();
      await fintectureTestShopper(redirectUrl).pay({ bank: 'cmcifrpp', username });
      await settles(sessionId, status, reason);
    });
  }

  it('cancel at Connect → cancelled, and the state return goes to the session page', async () => {
    const { sessionId, redirectUrl } = await open();
    const { returnUrl } = await fintectureTestShopper(redirectUrl).cancel();
    assert.ok(returnUrl.startsWith(kit.url('return/fintecture?')), returnUrl);
    assert.equal(new URL(returnUrl).searchParams.get('state'), sessionId);
    const back = await fetch(returnUrl, { redirect: 'manual' });
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('location'), `/checkout/return/${sessionId}`);
    await settles(sessionId, 'cancelled', 'cancelled_by_shopper');
  });

  it('refunds a paid session in parts through the merchant API, and refuses more than is left', async () => {
    const { sessionId, redirectUrl } = await open();
    await fintectureTestShopper(redirectUrl).pay();
    await settles(sessionId, 'succeeded');
    const refund = (amount: number, key: string) =>
      fetch(kit.url(`merchant/sessions/${sessionId}/refund`), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${MERCHANT_KEY}`,
          'idempotency-key': key,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ amount }),
      });
    const first = await refund(500, `${sessionId}-1`);
    assert.equal(first.status, 201, await first.clone().text());
    const body = (await first.json()) as {
      operation: { status: string };
      session: { amounts: { refunded: number } };
    };
    assert.deepEqual([body.operation.status, body.session.amounts.refunded], ['succeeded', 500]);
    const refunds = stage.book.get(stage.book.list().at(-1)?.id ?? '')?.refunds;
    assert.deepEqual(
      refunds?.map((r) => r.amount),
      ['5.00'],
    );
    const tooMuch = await refund(1500, `${sessionId}-2`);
    assert.equal(tooMuch.status, 422);
  });

  it('fetches one OAuth token for many concurrent calls, and exactly one new one after the tokens are revoked', async () => {
    const adapter = fintecture({ baseUrl: sandbox.urlOf('fintecture'), ...fintectureTestApp });
    const { redirectUrl } = await open();
    const sessionRef = stage.book.list().at(-1)?.id ?? '';
    assert.ok(redirectUrl.includes(sessionRef));
    const before = stage.tokens.issued();
    const ref = { providerRef: sessionRef, reference: 'r' };
    await Promise.all(Array.from({ length: 8 }, () => adapter.status(ref)));
    assert.equal(stage.tokens.issued() - before, 1, 'one token for eight concurrent first calls');
    await Promise.all(Array.from({ length: 4 }, () => adapter.status(ref)));
    assert.equal(stage.tokens.issued() - before, 1, 'the cached token is reused');
    stage.tokens.revokeAll();
    await Promise.all(Array.from({ length: 8 }, () => adapter.status(ref)));
    assert.equal(stage.tokens.issued() - before, 2, 'one refresh for all the callers refused together');
  });
});
