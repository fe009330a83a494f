import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, SessionView } from '@pay-checkout/contract';
import { pgliteStore } from '../src/store/pglite-store.js';
import { errorCode } from './helpers/error-code.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';
import { SIGNATURE_HEADER, SignedFakeProvider, signTestPayload } from './helpers/signed-provider.js';

/**
 * docs/reliability.md 4–9. ConnectPay's callbacks are unsigned, so the signature rules (5, 8) are proven
 * with a test-only provider that signs stripe-style (HMAC over `t.rawBody`, helpers/signed-provider.ts);
 * the ConnectPay forged-callback case is in reliability-connectpay.test.ts, and an unsigned fake here.
 */
describe('reliability: notifications', () => {
  const store = pgliteStore({ memory: true });
  const book = orderBook({ 'order-1': TEE_ORDER });
  const signed = new SignedFakeProvider();
  const unsigned = new FakeProvider({ methods: ['pis'] });
  let kit: KitServer;
  let verifyCalls = 0;
  const verify = signed.parseNotification.bind(signed);
  signed.parseNotification = (raw, headers) => {
    verifyCalls++;
    return verify(raw, headers);
  };

  before(async () => {
    kit = await startKit({ providers: [signed, unsigned], resolveOrder: book.resolveOrder, store });
  });
  after(async () => {
    await kit.close();
    await store.close();
  });

  async function openSession(
    method: 'card' | 'pis' = 'card',
  ): Promise<{ sessionId: string; providerRef: string }> {
    // One payment per order: every session here gets its own order.
    const response = await kit.createSession({ order: book.fresh(), method });
    assert.equal(response.status, 201);
    const { sessionId } = CreateSessionResponse.parse(await response.json());
    const provider = method === 'card' ? signed : unsigned;
    return { sessionId, providerRef: provider.paymentFor(sessionId).providerRef };
  }

  async function view(sessionId: string): Promise<SessionView> {
    return SessionView.parse(await (await fetch(kit.url(`sessions/${sessionId}`))).json());
  }

  async function eventCount(sessionId: string): Promise<number> {
    return (await store.eventsSince(sessionId, 0)).length;
  }

  function notify(provider: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(kit.url(`notifications/${provider}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  }

  function signedNotification(id: string, paymentId: string, status: string, reason?: string) {
    const body = JSON.stringify({ id, paymentId, status, ...(reason ? { reason } : {}) });
    return { body, headers: { [SIGNATURE_HEADER]: signTestPayload(body) } };
  }

  it('applies a correctly signed notification and answers 200 {received: true}', async () => {
    const { sessionId, providerRef } = await openSession();
    const { body, headers } = signedNotification('evt-ok', providerRef, 'succeeded');
    const response = await notify('signedpay', body, headers);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { received: true });
    assert.equal((await view(sessionId)).status, 'succeeded');
  });

  it('R4: a bad or missing signature → 401, nothing stored, status unchanged', async () => {
    const { sessionId, providerRef } = await openSession();
    const before = await eventCount(sessionId);
    const { body } = signedNotification('evt-forged', providerRef, 'succeeded');
    const wrongKey = signTestPayload(body, Math.floor(Date.now() / 1000), 'not-the-secret');
    const attempts: Record<string, string>[] = [
      {},
      { [SIGNATURE_HEADER]: wrongKey },
      { [SIGNATURE_HEADER]: 't=1,v1=zz' },
    ];
    for (const headers of attempts) {
      const response = await notify('signedpay', body, headers);
      assert.equal(response.status, 401);
      assert.equal(await errorCode(response), 'invalid_signature');
    }
    assert.equal((await view(sessionId)).status, 'pending');
    assert.equal(await eventCount(sessionId), before);
    // Nothing in the inbox: recording the same notification id now is not a duplicate.
    const probe = await store.recordNotification({
      provider: 'signedpay',
      notificationId: 'evt-forged',
      payload: '',
    });
    assert.equal(probe.duplicate, false);
  });

  it('R4: a forged unsigned callback changes nothing: the kit re-fetches from the provider API', async () => {
    const { sessionId, providerRef } = await openSession('pis');
    const statusCalls = unsigned.calls.status;
    const forged = JSON.stringify({ paymentId: providerRef, status: 'Completed' });
    const response = await notify('fakepay', forged);
    assert.equal(response.status, 200);
    assert.equal(unsigned.calls.status, statusCalls + 1, 'the provider was asked');
    assert.equal((await view(sessionId)).status, 'pending', 'the provider still says pending');
  });

  it('R5: a signed timestamp older than 5 minutes or too far ahead is rejected', async () => {
    const { sessionId, providerRef } = await openSession();
    const body = JSON.stringify({ id: 'evt-old', paymentId: providerRef, status: 'succeeded' });
    const now = Math.floor(Date.now() / 1000);
    // 30 s past the 300 s tolerance each way: a wall clock stepped by NTP mid-test (seen once on a VM:
    // 301 s passed as inside) must not flip the verdict
    for (const timestamp of [now - 330, now + 330]) {
      const response = await notify('signedpay', body, {
        [SIGNATURE_HEADER]: signTestPayload(body, timestamp),
      });
      assert.equal(response.status, 401, `timestamp ${timestamp - now}s`);
    }
    assert.equal((await view(sessionId)).status, 'pending');
    const fresh = await notify('signedpay', body, { [SIGNATURE_HEADER]: signTestPayload(body, now - 60) });
    assert.equal(fresh.status, 200, 'inside the window it is accepted');
    assert.equal((await view(sessionId)).status, 'succeeded');
  });

  it('R6: the same notification twice (also concurrently) changes state once; both answered 2xx', async () => {
    const { sessionId, providerRef } = await openSession();
    const before = await eventCount(sessionId);
    const processing = signedNotification('evt-dup-1', providerRef, 'processing');
    const responses = await Promise.all([
      notify('signedpay', processing.body, processing.headers),
      notify('signedpay', processing.body, processing.headers),
    ]);
    const again = await notify('signedpay', processing.body, processing.headers);
    for (const response of [...responses, again]) assert.equal(response.status, 200);
    assert.equal(await eventCount(sessionId), before + 1, 'exactly one status event');
    assert.equal((await view(sessionId)).status, 'processing');
  });

  it('R6: a repeated unsigned hint is deduplicated and re-fetched once', async () => {
    const { providerRef } = await openSession('pis');
    const calls = unsigned.calls.status;
    const hint = JSON.stringify({ paymentId: providerRef, n: 1 });
    const responses = await Promise.all([notify('fakepay', hint), notify('fakepay', hint)]);
    for (const response of responses) assert.equal(response.status, 200);
    assert.equal(unsigned.calls.status, calls + 1);
  });

  it('R7: out of order (final before intermediate) never moves a session backwards; final is final', async () => {
    const { sessionId, providerRef } = await openSession();
    const final = signedNotification('evt-final', providerRef, 'succeeded');
    const late = signedNotification('evt-late', providerRef, 'processing');
    const contradictory = signedNotification('evt-contra', providerRef, 'failed', 'declined');
    assert.equal((await notify('signedpay', final.body, final.headers)).status, 200);
    const events = await eventCount(sessionId);
    assert.equal((await notify('signedpay', late.body, late.headers)).status, 200);
    assert.equal((await notify('signedpay', contradictory.body, contradictory.headers)).status, 200);
    const current = await view(sessionId);
    assert.equal(current.status, 'succeeded');
    assert.equal(current.reason, undefined);
    assert.equal(await eventCount(sessionId), events, 'late notifications recorded, not applied');
    const probe = await store.recordNotification({
      provider: 'signedpay',
      notificationId: 'evt-late',
      payload: '',
    });
    assert.equal(probe.duplicate, true, 'the late notification is in the inbox for audit');
  });

  it('R8: a re-serialized body (whitespace changed) fails verification: the raw bytes are verified', async () => {
    const { sessionId, providerRef } = await openSession();
    const compact = JSON.stringify({ id: 'evt-ws', paymentId: providerRef, status: 'succeeded' });
    const signature = signTestPayload(compact);
    const pretty = JSON.stringify(JSON.parse(compact), null, 2);
    const response = await notify('signedpay', pretty, { [SIGNATURE_HEADER]: signature });
    assert.equal(response.status, 401);
    assert.equal((await view(sessionId)).status, 'pending');
    const exact = await notify('signedpay', compact, { [SIGNATURE_HEADER]: signature });
    assert.equal(exact.status, 200);
  });

  it('R9: an oversized body → 413 before any parsing or verification', async () => {
    const calls = verifyCalls;
    const huge = JSON.stringify({
      id: 'evt-big',
      paymentId: 'x',
      status: 'succeeded',
      pad: 'x'.repeat(70 * 1024),
    });
    const declared = await notify('signedpay', huge, { [SIGNATURE_HEADER]: signTestPayload(huge) });
    assert.equal(declared.status, 413);
    assert.equal(await errorCode(declared), 'payload_too_large');
    // Without a Content-Length (chunked), the streamed bytes are counted.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 70; i++) controller.enqueue(new Uint8Array(1024).fill(32));
        controller.close();
      },
    });
    const streamed = await fetch(kit.url('notifications/signedpay'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413);
    assert.equal(verifyCalls, calls, 'the adapter never saw the body');
  });

  it('answers 404 provider_not_found for an unknown provider', async () => {
    const response = await notify('nopay', '{}');
    assert.equal(response.status, 404);
    assert.equal(await errorCode(response), 'provider_not_found');
  });
});
