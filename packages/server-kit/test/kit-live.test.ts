import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, ErrorBody, SessionView } from '@pay-checkout/contract';
import { backoffDelay, POLL_BACKOFF_CAP_MS } from '../src/sessions/backoff.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';
import { SseClient } from './helpers/sse-client.js';
import { waitFor } from './helpers/wait-for.js';

describe('live status and background reconciliation', () => {
  const store = pgliteStore({ memory: true });
  const book = orderBook({ 'order-1': TEE_ORDER });
  const provider = new FakeProvider();
  let kit: KitServer;

  before(async () => {
    kit = await startKit({ providers: [provider], resolveOrder: book.resolveOrder, store, heartbeatMs: 50 });
  });
  after(async () => {
    await kit.close();
    await store.close();
  });

  async function openSession(target: KitServer = kit): Promise<{ sessionId: string; providerRef: string }> {
    const response = await target.createSession({ order: book.fresh(), method: 'pis' });
    assert.equal(response.status, 201);
    const { sessionId } = CreateSessionResponse.parse(await response.json());
    return { sessionId, providerRef: provider.paymentFor(sessionId).providerRef };
  }

  function hint(providerRef: string, n: number): Promise<Response> {
    return fetch(kit.url('notifications/fakepay'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ paymentId: providerRef, n }),
    });
  }

  describe('GET sessions/:id/events (SSE)', () => {
    it('sends retry and the current state first, then each change, heartbeats, and ends after a final status', async () => {
      const { sessionId, providerRef } = await openSession();
      const { client, response } = await SseClient.open(kit.url(`sessions/${sessionId}/events`));
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
      const [first] = await client.waitForEvents(1);
      assert.equal(client.retry, 3000);
      assert.equal(first.event, 'status');
      assert.match(first.id ?? '', /^\d+$/);
      assert.equal(SessionView.parse(JSON.parse(first.data)).status, 'pending');

      provider.setStatus(providerRef, {
        status: 'processing',
        reason: 'manual_review',
        raw: 'PendingProvider',
      });
      assert.equal((await hint(providerRef, 1)).status, 200);
      const second = (await client.waitForEvents(2))[1];
      const processing = SessionView.parse(JSON.parse(second.data));
      assert.equal(processing.status, 'processing');
      assert.equal(processing.reason, 'manual_review');
      assert.ok(Number(second.id) > Number(first.id));

      await waitFor(() => client.comments.includes('ping'), 'a heartbeat');

      provider.setStatus(providerRef, { status: 'succeeded', raw: 'Completed' });
      await hint(providerRef, 2);
      await client.waitForEnd();
      assert.equal(SessionView.parse(JSON.parse(client.events[2].data)).status, 'succeeded');
      assert.equal(client.events.length, 3);
    });

    it('honours Last-Event-ID by replaying the events after it', async () => {
      const { sessionId, providerRef } = await openSession();
      const events = await store.eventsSince(sessionId, 0);
      const firstId = events[0].id;
      provider.setStatus(providerRef, { status: 'processing', raw: 'Pending' });
      await hint(providerRef, 1);
      provider.setStatus(providerRef, { status: 'failed', reason: 'insufficient_funds', raw: 'Rejected' });
      await hint(providerRef, 2);
      const { client } = await SseClient.open(kit.url(`sessions/${sessionId}/events`), {
        'last-event-id': String(firstId),
      });
      await client.waitForEnd();
      const statuses = client.events.map((e) => SessionView.parse(JSON.parse(e.data)).status);
      // Everything after the created event: pending (initiation), processing, failed.
      assert.deepEqual(statuses, ['pending', 'processing', 'failed']);
      assert.equal(SessionView.parse(JSON.parse(client.events[2].data)).reason, 'insufficient_funds');
    });

    it('sends only the final state and ends at once for a session that is already final', async () => {
      const { sessionId, providerRef } = await openSession();
      provider.setStatus(providerRef, {
        status: 'cancelled',
        reason: 'cancelled_by_shopper',
        raw: 'Cancelled',
      });
      await hint(providerRef, 1);
      const { client } = await SseClient.open(kit.url(`sessions/${sessionId}/events`));
      await client.waitForEnd();
      assert.equal(client.events.length, 1);
      assert.equal(SessionView.parse(JSON.parse(client.events[0].data)).status, 'cancelled');
    });

    it('caps open streams per session (429 too_many_streams with Retry-After) and frees a slot when one closes', async () => {
      const capped = await startKit({
        providers: [provider],
        resolveOrder: book.resolveOrder,
        store,
        liveStreams: { perSession: 2 },
      });
      try {
        const { sessionId } = await openSession(capped);
        const url = capped.url(`sessions/${sessionId}/events`);
        const first = await SseClient.open(url);
        const second = await SseClient.open(url);
        await Promise.all([first.client.waitForEvents(1), second.client.waitForEvents(1)]);
        const third = await fetch(url);
        assert.equal(third.status, 429);
        assert.equal(third.headers.get('retry-after'), '1');
        assert.equal(ErrorBody.parse(await third.json()).error.code, 'too_many_streams');
        const other = await openSession(capped); // another session has slots of its own
        const elsewhere = await SseClient.open(capped.url(`sessions/${other.sessionId}/events`));
        assert.equal(elsewhere.response.status, 200);
        elsewhere.client.close();

        first.client.close();
        const again = await waitFor(async () => {
          const response = await fetch(url);
          if (response.status === 200) return response;
          await response.body?.cancel();
          return undefined;
        }, 'a freed slot');
        await again.body?.cancel();
        second.client.close();
      } finally {
        await capped.close();
      }
    });

    it('answers 404 session_not_found for an unknown session', async () => {
      const response = await fetch(kit.url('sessions/AAAAAAAAAAAAAAAAAAAAAA/events'));
      assert.equal(response.status, 404);
    });
  });

  describe('background poller', () => {
    it('reconciles a session the provider never notifies about, and stops at a final status', async () => {
      const polling = await startKit({
        providers: [provider],
        resolveOrder: book.resolveOrder,
        store,
        poll: true,
        pollIntervalMs: 20,
      });
      try {
        const { sessionId, providerRef } = await openSession(polling);
        provider.setStatus(providerRef, { status: 'succeeded', raw: 'Completed' });
        await waitFor(async () => (await store.getSession(sessionId))?.status === 'succeeded', 'the poller');
        const session = await store.getSession(sessionId);
        assert.equal(session?.nextPollAt, null, 'no further polls after final');
      } finally {
        await polling.close();
      }
    });

    it('reschedules a non-final session with backoff and counts the attempts', async () => {
      const { sessionId } = await openSession();
      await store.schedulePoll(sessionId, new Date(Date.now() - 1000), 3);
      const before = Date.now();
      await kit.checkout.reconcileDue();
      const session = await store.getSession(sessionId);
      assert.equal(session?.status, 'pending');
      assert.equal(session?.pollAttempts, 4);
      assert.ok(session?.nextPollAt && session.nextPollAt.getTime() > before, 'rescheduled into the future');
    });

    it('expires at expiresAt a session no provider payment exists for (none attached, none found)', async () => {
      const short = await startKit({
        providers: [provider],
        resolveOrder: book.resolveOrder,
        store,
        sessionTtlMs: 1,
      });
      try {
        provider.next.push('timeout'); // the provider never created anything
        const response = await short.createSession({ order: 'order-1', method: 'pis' });
        assert.equal(response.status, 504, await response.text());
        const [session] = await store.listSessionsByOrder('order-1'); // newest first
        assert.ok(session && !session.providerRef, 'a session without a provider payment');
        await store.schedulePoll(session.id, new Date(Date.now() - 1000), 0);
        const lookups = provider.calls.findByReference;
        await short.checkout.reconcileDue();
        assert.equal(provider.calls.findByReference, lookups + 1, 'asked the provider by reference first');
        const expired = await store.getSession(session.id);
        assert.equal(expired?.status, 'expired');
        assert.equal(expired?.reason, 'expired');
      } finally {
        await short.close();
      }
    });

    it('keeps a session the provider still has open past expiresAt, looking at most an hour apart', async () => {
      const short = await startKit({
        providers: [provider],
        resolveOrder: book.resolveOrder,
        store,
        sessionTtlMs: 1,
      });
      try {
        const { sessionId, providerRef } = await openSession(short);
        await store.schedulePoll(sessionId, new Date(Date.now() - 1000), 40);
        const before = Date.now();
        await short.checkout.reconcileDue();
        const open = await store.getSession(sessionId);
        assert.equal(open?.status, 'pending');
        const wait = (open?.nextPollAt?.getTime() ?? 0) - before;
        assert.ok(wait >= 30 * 60_000 && wait <= 60 * 60_000 + 1000, `next look in ${wait} ms`);

        provider.setStatus(providerRef, { status: 'succeeded', raw: 'Completed' });
        await store.schedulePoll(sessionId, new Date(Date.now() - 1000), 41);
        await short.checkout.reconcileDue();
        assert.equal((await store.getSession(sessionId))?.status, 'succeeded');
      } finally {
        await short.close();
      }
    });

    it('backs off exponentially with jitter, capped at five minutes', () => {
      assert.equal(
        backoffDelay(0, 5000, POLL_BACKOFF_CAP_MS, () => 0),
        2500,
      );
      assert.equal(
        backoffDelay(0, 5000, POLL_BACKOFF_CAP_MS, () => 1),
        5000,
      );
      assert.equal(
        backoffDelay(3, 5000, POLL_BACKOFF_CAP_MS, () => 1),
        40_000,
      );
      assert.equal(
        backoffDelay(20, 5000, POLL_BACKOFF_CAP_MS, () => 1),
        POLL_BACKOFF_CAP_MS,
      );
      assert.equal(
        backoffDelay(20, 5000, POLL_BACKOFF_CAP_MS, () => 0),
        POLL_BACKOFF_CAP_MS / 2,
      );
    });
  });
});
