import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { canTransition, isFinalStatus, SESSION_STATUSES, statusRank } from '@pay-checkout/contract';
import { describeAttempts } from './conformance-attempts.js';
import type { ConformanceContext } from './conformance-context.js';
import { describeOperations } from './conformance-operations.js';
import type {
  AttachPaymentInput,
  CheckoutStore,
  InitiationInput,
  NewSession,
  NotificationInput,
  SessionRecord,
  TransitionResult,
} from './store.js';
import { SessionNotFoundError, StoreConflictError } from './store-errors.js';

type Change = { sessionId: string; eventId: number };

/**
 * The behaviour every CheckoutStore must show (docs/architecture.md, docs/reliability.md 1–3, 6, 7, 16), as
 * node:test specs. One store is opened for the whole suite (opening PGlite takes seconds); every test
 * works on sessions, keys and notification ids of its own, so the tests do not see each other.
 * The payment attempts and the operations ledger have their parts in `conformance-attempts.ts` and
 * `conformance-operations.ts`; the status rank is checked through behaviour (every move from every
 * status, and which statuses are polled), so a store's SQL cannot drift from the contract's rank.
 *
 * The rollback test forces a failure at COMMIT through a notification naming an unknown session
 * (the inbox's foreign key is checked at commit), so it needs nothing beyond the public interface.
 */
export function runStoreConformance(name: string, makeStore: () => Promise<CheckoutStore>): void {
  describe(name, () => {
    let store: CheckoutStore;
    const run = randomUUID().slice(0, 8);
    let counter = 0;
    const unique = (prefix: string) => `${prefix}_${run}_${++counter}`;

    before(async () => {
      store = await makeStore();
      await store.migrate();
    });
    after(async () => {
      await store?.close();
    });

    function newSession(overrides: Partial<NewSession> = {}): NewSession {
      return {
        id: unique('cs'),
        orderId: unique('order'),
        provider: 'connectpay',
        method: 'pis',
        bank: 'SWEDBANK_LT',
        language: 'lt',
        country: 'LT',
        amount: 1250,
        currency: 'EUR',
        description: 'Order 1250',
        reference: unique('ref'),
        expiresAt: new Date(Date.now() + 30 * 60_000),
        nextPollAt: null,
        ...overrides,
      };
    }

    function notification(sessionId?: string): NotificationInput {
      return {
        provider: 'connectpay',
        notificationId: unique('ntf'),
        ...(sessionId === undefined ? {} : { sessionId }),
        payload: '{"status":"Completed"}',
      };
    }

    const context: ConformanceContext = { store: () => store, unique, newSession };

    /** A provider payment as most adapters give it: a page to redirect to, nothing kept. */
    function attach(sessionId: string, providerRef: string, redirectUrl: string): AttachPaymentInput {
      return { sessionId, providerRef, redirectUrl, next: { type: 'redirect', url: redirectUrl } };
    }

    async function sessionIn(status: 'pending' | 'processing'): Promise<SessionRecord> {
      const session = await store.createSession(newSession());
      await store.transition({ sessionId: session.id, to: 'pending', source: 'initiate' });
      if (status === 'processing') {
        await store.transition({ sessionId: session.id, to: 'processing', source: 'reconcile' });
      }
      return (await store.getSession(session.id))!;
    }

    /** Collects announced changes; `next(predicate)` resolves with the first match, past or future. */
    async function listen(): Promise<{
      seen: Change[];
      next(predicate: (change: Change) => boolean): Promise<Change>;
      stop(): Promise<void>;
    }> {
      const seen: Change[] = [];
      const waiters: { predicate: (change: Change) => boolean; resolve: (change: Change) => void }[] = [];
      const stop = await store.subscribe((change) => {
        seen.push(change);
        for (const waiter of [...waiters]) {
          if (!waiter.predicate(change)) continue;
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(change);
        }
      });
      return {
        seen,
        stop,
        next(predicate) {
          const found = seen.find(predicate);
          if (found) return Promise.resolve(found);
          return new Promise((resolve) => waiters.push({ predicate, resolve }));
        },
      };
    }

    describe('sessions', () => {
      it('creates a session in status created, with its first event, and reads it back', async () => {
        const input = newSession();
        const created = await store.createSession(input);
        assert.equal(created.status, 'created');
        assert.equal(created.reason, undefined);
        assert.equal(created.version, 1);
        assert.equal(created.pollAttempts, 0);
        assert.equal(created.providerRef, undefined);
        for (const key of Object.keys(input) as (keyof NewSession)[]) {
          assert.deepEqual(created[key], input[key], `field ${key}`);
        }
        assert.ok(created.createdAt instanceof Date && created.updatedAt instanceof Date);
        assert.deepEqual(await store.getSession(input.id), created);

        const events = await store.eventsSince(input.id, 0);
        assert.equal(events.length, 1);
        assert.equal(events[0]!.status, 'created');
        assert.equal(events[0]!.source, 'create');
        assert.equal(events[0]!.sessionId, input.id);
      });

      it('keeps optional fields out when they were not given', async () => {
        const input = newSession();
        delete input.bank;
        delete input.language;
        delete input.country;
        const created = await store.createSession(input);
        assert.equal('bank' in created, false);
        assert.equal('language' in created, false);
        assert.equal('country' in created, false);
      });

      it('answers undefined for an unknown session', async () => {
        assert.equal(await store.getSession(unique('missing')), undefined);
      });

      it("lists an order's sessions newest first, as they are now, and no other order's", async () => {
        const orderId = unique('order');
        const base = unique('cs');
        // Ids in the opposite order of creation: sorting by id instead of by creation time fails here.
        // The pauses keep the creation times apart even on a clock with millisecond resolution.
        const ids: string[] = [];
        for (const suffix of ['c', 'b', 'a']) {
          if (ids.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
          const created = await store.createSession(newSession({ id: `${base}_${suffix}`, orderId }));
          ids.push(created.id);
        }
        await store.createSession(newSession());
        const moved = await store.transition({ sessionId: ids[0]!, to: 'pending', source: 'initiate' });

        const listed = await store.listSessionsByOrder(orderId);
        assert.deepEqual(
          listed.map((session) => session.id),
          [...ids].reverse(),
        );
        assert.deepEqual(listed[2], moved.session);
        assert.deepEqual(listed[0], await store.getSession(ids[2]!));
        assert.deepEqual(await store.listSessionsByOrder(unique('order')), []);
      });

      it('refuses a second session with the same id or the same reference', async () => {
        const first = await store.createSession(newSession());
        await assert.rejects(store.createSession(newSession({ id: first.id })), StoreConflictError);
        await assert.rejects(
          store.createSession(newSession({ reference: first.reference })),
          StoreConflictError,
        );
      });

      it('keeps amounts beyond 32 bits exact (minor units of large currencies)', async () => {
        const created = await store.createSession(newSession({ amount: 9_000_000_000_00, currency: 'KRW' }));
        assert.equal((await store.getSession(created.id))!.amount, 9_000_000_000_00);
      });

      it('attaches the provider payment and finds the session by it, per provider', async () => {
        const session = await store.createSession(newSession());
        const providerRef = unique('pay');
        const attached = await store.attachProviderPayment(
          attach(session.id, providerRef, 'https://bank.example/pay/1'),
        );
        assert.equal(attached.providerRef, providerRef);
        assert.equal(attached.redirectUrl, 'https://bank.example/pay/1');
        assert.equal(attached.version, session.version + 1);
        assert.equal(attached.status, 'created');
        assert.deepEqual(await store.findByProviderRef('connectpay', providerRef), attached);
        assert.equal(await store.findByProviderRef('paytech', providerRef), undefined);
        assert.equal(await store.findByProviderRef('connectpay', unique('pay')), undefined);
      });

      it("keeps the adapter's provider data and next action with the payment, and leaves them out when absent", async () => {
        const session = await store.createSession(newSession());
        assert.equal('providerData' in session, false);
        assert.equal('next' in session, false);
        const providerData = { topUp: true, account: { iban: 'LT601010012345678901' }, tries: [1, null] };
        const next = {
          type: 'form_post' as const,
          url: 'https://acs.example/3ds',
          fields: { PaReq: 'eJx…', TermUrl: 'https://shop.example/return' },
        };
        const attached = await store.attachProviderPayment({
          sessionId: session.id,
          providerRef: unique('pay'),
          redirectUrl: 'https://shop.example/checkout/continue/1',
          providerData,
          next,
        });
        assert.deepEqual(attached.providerData, providerData);
        assert.deepEqual(attached.next, next);
        assert.deepEqual(await store.getSession(session.id), attached);

        const bare = await store.attachProviderPayment({
          ...attach(session.id, unique('pay'), 'https://shop.example/return/1'),
          next: { type: 'none' },
        });
        assert.equal('providerData' in bare, false, 'a later attach replaces what was kept');
        assert.deepEqual(bare.next, { type: 'none' });
      });

      it('keeps the provider data a session is created or opened with (a top-up target, before any provider call)', async () => {
        const providerData = { topUp: { creditorIban: 'LT601010012345678901', consumerId: 'consumer-anna' } };
        const created = await store.createSession(newSession({ providerData }));
        assert.deepEqual(created.providerData, providerData);
        const opened = await store.openSession({
          key: unique('key'),
          requestHash: 'h',
          session: newSession({ providerData }),
        });
        assert.equal(opened.kind, 'claimed');
        if (opened.kind !== 'claimed') return;
        assert.deepEqual(opened.session.providerData, providerData);
        assert.deepEqual((await store.getSession(opened.session.id))?.providerData, providerData);
      });

      it('refuses a provider payment already attached to another session, and unknown sessions', async () => {
        const providerRef = unique('pay');
        const first = await store.createSession(newSession());
        const second = await store.createSession(newSession());
        await store.attachProviderPayment(attach(first.id, providerRef, 'https://bank.example/1'));
        await assert.rejects(
          store.attachProviderPayment(attach(second.id, providerRef, 'https://bank.example/2')),
          StoreConflictError,
        );
        await assert.rejects(
          store.attachProviderPayment(attach(unique('missing'), unique('pay'), 'https://bank.example/3')),
          SessionNotFoundError,
        );
        // The same payment id at another provider is a different payment.
        const other = await store.createSession(newSession({ provider: 'paytech' }));
        await store.attachProviderPayment(attach(other.id, providerRef, 'https://pay.example/1'));
      });
    });

    describe('transitions', () => {
      it('moves forward only, one event per applied change', async () => {
        const session = await store.createSession(newSession());
        const steps: [SessionRecord['status'], TransitionResult['outcome']][] = [
          ['pending', 'applied'],
          ['created', 'ignored'],
          ['pending', 'ignored'],
          ['processing', 'applied'],
          ['pending', 'ignored'],
          ['authorized', 'applied'],
          ['processing', 'ignored'],
          ['succeeded', 'applied'],
        ];
        let version = session.version;
        for (const [to, outcome] of steps) {
          const result = await store.transition({ sessionId: session.id, to, source: 'reconcile' });
          assert.equal(result.outcome, outcome, `→ ${to}`);
          if (result.outcome === 'applied') {
            version += 1;
            assert.equal(result.session.status, to);
            assert.equal(result.event.status, to);
          }
          assert.equal(result.session.version, version);
        }
        const events = await store.eventsSince(session.id, 0);
        assert.deepEqual(
          events.map((event) => event.status),
          ['created', 'pending', 'processing', 'authorized', 'succeeded'],
        );
      });

      it('ranks every status as the contract does: each move from each status applies iff canTransition allows it', async () => {
        const cases = SESSION_STATUSES.flatMap((from) => SESSION_STATUSES.map((to) => ({ from, to })));
        await Promise.all(
          cases.map(async ({ from, to }) => {
            const session = await store.createSession(newSession());
            if (from !== 'created') {
              await store.transition({ sessionId: session.id, to: from, source: 'reconcile' });
            }
            const result = await store.transition({ sessionId: session.id, to, source: 'reconcile' });
            assert.equal(result.outcome, canTransition(from, to) ? 'applied' : 'ignored', `${from} → ${to}`);
            assert.equal(result.session.status, canTransition(from, to) ? to : from, `${from} → ${to}`);
          }),
        );
      });

      it('polls a session in every status the contract does not call final, and in no final one', async () => {
        // 1999: sessions of other tests never poll then.
        const at = new Date(Date.UTC(1999, 0, 1));
        const byStatus = new Map<string, SessionRecord['status']>();
        for (const status of SESSION_STATUSES) {
          const session = await store.createSession(newSession());
          if (status !== 'created')
            await store.transition({ sessionId: session.id, to: status, source: 'poller' });
          await store.schedulePoll(session.id, at, 1);
          byStatus.set(session.id, status);
        }
        const due = (await store.duePolls(at, 1000)).filter((session) => byStatus.has(session.id));
        assert.deepEqual(
          due.map((session) => byStatus.get(session.id)).sort(),
          SESSION_STATUSES.filter((status) => !isFinalStatus(status)).sort(),
        );
      });

      it('stores the reason and provider status with the change, and clears a stale reason', async () => {
        const session = await store.createSession(newSession());
        const review = await store.transition({
          sessionId: session.id,
          to: 'processing',
          reason: 'manual_review',
          source: 'poller',
          providerStatus: 'PendingProvider',
        });
        assert.equal(review.outcome, 'applied');
        assert.equal(review.session.reason, 'manual_review');
        assert.equal(review.outcome === 'applied' && review.event.providerStatus, 'PendingProvider');
        const done = await store.transition({ sessionId: session.id, to: 'authorized', source: 'poller' });
        assert.equal(done.session.reason, undefined);
        const [event] = await store.eventsSince(
          session.id,
          review.outcome === 'applied' ? review.event.id - 1 : 0,
        );
        assert.deepEqual(
          { status: event!.status, reason: event!.reason, source: event!.source },
          { status: 'processing', reason: 'manual_review', source: 'poller' },
        );
      });

      it('keeps a final status: a late contradictory notification is recorded, not applied', async () => {
        const session = await sessionIn('pending');
        const failed = await store.transition({
          sessionId: session.id,
          to: 'failed',
          reason: 'insufficient_funds',
          source: 'notification',
          notification: notification(),
        });
        assert.equal(failed.outcome, 'applied');
        for (const to of ['succeeded', 'cancelled', 'expired', 'processing'] as const) {
          const late = notification();
          const result = await store.transition({
            sessionId: session.id,
            to,
            source: 'notification',
            notification: late,
          });
          assert.equal(result.outcome, 'ignored', `failed → ${to}`);
          assert.equal(result.session.status, 'failed');
          assert.equal(result.session.reason, 'insufficient_funds');
          // Recorded: the inbox knows this notification id now.
          assert.deepEqual(await store.recordNotification(late), { duplicate: true });
        }
        assert.deepEqual(
          (await store.eventsSince(session.id, 0)).map((event) => event.status),
          ['created', 'pending', 'failed'],
        );
      });

      it('stops polling a session once it is final', async () => {
        const session = await store.createSession(
          newSession({ nextPollAt: new Date('2001-01-01T00:00:00Z') }),
        );
        const result = await store.transition({ sessionId: session.id, to: 'expired', source: 'expiry' });
        assert.equal(result.session.nextPollAt, null);
      });

      it('throws SessionNotFoundError for an unknown session and records nothing', async () => {
        const missing = unique('missing');
        const ntf = notification();
        await assert.rejects(
          store.transition({ sessionId: missing, to: 'pending', source: 'notification', notification: ntf }),
          SessionNotFoundError,
        );
        assert.deepEqual(await store.eventsSince(missing, 0), []);
        assert.deepEqual(await store.recordNotification(ntf), { duplicate: false });
      });

      it('applies the same notification id once when it arrives twice', async () => {
        const session = await sessionIn('pending');
        const ntf = notification();
        const first = await store.transition({
          sessionId: session.id,
          to: 'succeeded',
          source: 'notification',
          notification: ntf,
        });
        const again = await store.transition({
          sessionId: session.id,
          to: 'succeeded',
          source: 'notification',
          notification: ntf,
        });
        assert.equal(first.outcome, 'applied');
        assert.equal(again.outcome, 'duplicate');
        assert.equal(again.session.status, 'succeeded');
        assert.equal(again.session.version, first.session.version);
        // A duplicate is a no-op even when it would have been a valid change on its own.
        const dup = await store.transition({
          sessionId: (await sessionIn('pending')).id,
          to: 'processing',
          source: 'notification',
          notification: ntf,
        });
        assert.equal(dup.outcome, 'duplicate');
        assert.equal(dup.session.status, 'pending');
      });

      it('applies the same notification id exactly once when it arrives twice concurrently', async () => {
        for (let round = 0; round < 3; round++) {
          const session = await sessionIn('pending');
          const ntf = notification();
          const results = await Promise.all(
            [0, 1, 2].map(() =>
              store.transition({
                sessionId: session.id,
                to: 'succeeded',
                source: 'notification',
                notification: ntf,
              }),
            ),
          );
          assert.deepEqual(results.map((result) => result.outcome).sort(), [
            'applied',
            'duplicate',
            'duplicate',
          ]);
          const events = await store.eventsSince(session.id, 0);
          assert.equal(events.filter((event) => event.status === 'succeeded').length, 1);
        }
      });

      it('ends consistent when two different changes race', async () => {
        for (let round = 0; round < 3; round++) {
          const session = await sessionIn('pending');
          const [toProcessing, toSucceeded] = await Promise.all([
            store.transition({ sessionId: session.id, to: 'processing', source: 'poller' }),
            store.transition({
              sessionId: session.id,
              to: 'succeeded',
              source: 'notification',
              notification: notification(),
            }),
          ]);
          // Either order is fine; what may never happen is ending below the higher status.
          assert.equal(toSucceeded.outcome, 'applied');
          const final = (await store.getSession(session.id))!;
          assert.equal(final.status, 'succeeded');
          const applied = [toProcessing, toSucceeded].filter((result) => result.outcome === 'applied');
          assert.equal(final.version, session.version + applied.length);
          const events = (await store.eventsSince(session.id, 0)).map((event) => event.status);
          assert.deepEqual(events.slice(0, 2), ['created', 'pending']);
          assert.deepEqual(
            events.slice(2),
            toProcessing.outcome === 'applied' ? ['processing', 'succeeded'] : ['succeeded'],
          );
        }
      });

      it('lets exactly one of two racing final statuses win', async () => {
        for (let round = 0; round < 3; round++) {
          const session = await sessionIn('processing');
          const results = await Promise.all([
            store.transition({
              sessionId: session.id,
              to: 'failed',
              reason: 'declined',
              source: 'notification',
            }),
            store.transition({ sessionId: session.id, to: 'cancelled', source: 'reconcile' }),
          ]);
          const winners = results.filter((result) => result.outcome === 'applied');
          assert.equal(winners.length, 1);
          const final = (await store.getSession(session.id))!;
          assert.equal(final.status, winners[0]!.session.status);
          const events = await store.eventsSince(session.id, 0);
          assert.equal(events.at(-1)!.status, final.status);
          assert.equal(events.filter((event) => statusRank(event.status) === 4).length, 1);
        }
      });

      it('records a notification that changes nothing, once', async () => {
        const session = await store.createSession(newSession());
        const hint = notification(session.id);
        assert.deepEqual(await store.recordNotification(hint), { duplicate: false });
        assert.deepEqual(await store.recordNotification(hint), { duplicate: true });
        // Recorded hints dedupe later transitions that carry the same id.
        const result = await store.transition({
          sessionId: session.id,
          to: 'pending',
          source: 'notification',
          notification: hint,
        });
        assert.equal(result.outcome, 'duplicate');
        assert.deepEqual(await store.recordNotification(notification()), { duplicate: false });
      });
    });

    describe('idempotency keys', () => {
      it('claims a new key, then answers in_progress, mismatch, replay and release as documented', async () => {
        const key = unique('idem');
        assert.deepEqual(await store.claimIdempotencyKey(key, 'hash-a'), { kind: 'claimed' });
        assert.deepEqual(await store.claimIdempotencyKey(key, 'hash-a'), { kind: 'in_progress' });
        assert.deepEqual(await store.claimIdempotencyKey(key, 'hash-b'), { kind: 'mismatch' });

        const response = {
          status: 201,
          body: { sessionId: 'cs_1', redirectUrl: 'https://x.example', status: 'pending' },
        };
        await store.completeIdempotencyKey(key, response);
        assert.deepEqual(await store.claimIdempotencyKey(key, 'hash-a'), { kind: 'replay', response });
        assert.deepEqual(await store.claimIdempotencyKey(key, 'hash-b'), { kind: 'mismatch' });

        // A completed key keeps replaying: release only drops unfinished claims.
        await store.releaseIdempotencyKey(key);
        assert.deepEqual(await store.claimIdempotencyKey(key, 'hash-a'), { kind: 'replay', response });
      });

      it('frees a released claim for the next request', async () => {
        const key = unique('idem');
        assert.deepEqual(await store.claimIdempotencyKey(key, 'hash-a'), { kind: 'claimed' });
        await store.releaseIdempotencyKey(key);
        assert.deepEqual(await store.claimIdempotencyKey(key, 'hash-b'), { kind: 'claimed' });
      });

      it('replays error responses and non-object bodies exactly', async () => {
        const key = unique('idem');
        await store.claimIdempotencyKey(key, 'h');
        const response = {
          status: 422,
          body: { error: { code: 'invalid_request', message: 'ü "quoted" \\ ok' } },
        };
        await store.completeIdempotencyKey(key, response);
        assert.deepEqual(await store.claimIdempotencyKey(key, 'h'), { kind: 'replay', response });
        const listKey = unique('idem');
        await store.claimIdempotencyKey(listKey, 'h');
        await store.completeIdempotencyKey(listKey, { status: 200, body: ['a', 1] });
        assert.deepEqual(await store.claimIdempotencyKey(listKey, 'h'), {
          kind: 'replay',
          response: { status: 200, body: ['a', 1] },
        });
      });

      it('gives exactly one of several concurrent claimers the key', async () => {
        const key = unique('idem');
        const claims = await Promise.all(
          Array.from({ length: 8 }, () => store.claimIdempotencyKey(key, 'same')),
        );
        assert.equal(claims.filter((claim) => claim.kind === 'claimed').length, 1);
        assert.equal(claims.filter((claim) => claim.kind === 'in_progress').length, 7);
      });
    });

    describe('opening a session (claim + session, then initiation + response)', () => {
      function initiation(
        sessionId: string,
        key: string,
        overrides: Partial<InitiationInput> = {},
      ): InitiationInput {
        return {
          sessionId,
          providerRef: unique('pay'),
          redirectUrl: 'https://widget.example/pay',
          next: { type: 'redirect', url: 'https://widget.example/pay' },
          to: 'pending' as const,
          providerStatus: 'Pending',
          idempotency: { key, responseStatus: 201 },
          ...overrides,
        };
      }

      it('records the try that made the payment as created, with the initiation (inserted, or a started try updated)', async () => {
        const key = unique('idem');
        const opened = await store.openSession({
          key,
          requestHash: 'h',
          session: newSession({ provider: 'connectpay-a' }),
        });
        assert.equal(opened.kind, 'claimed');
        if (opened.kind !== 'claimed') return;
        assert.deepEqual(await store.listAttempts(opened.session.id), []);
        await store.recordInitiation(initiation(opened.session.id, key, { attempt: 1 }));
        const [first] = await store.listAttempts(opened.session.id);
        assert.deepEqual([first?.attempt, first?.provider, first?.outcome], [1, 'connectpay-a', 'created']);

        const second = unique('idem');
        const fallback = await store.openSession({ key: second, requestHash: 'h', session: newSession() });
        if (fallback.kind !== 'claimed') return assert.fail('claimed');
        await store.startAttempt({ sessionId: fallback.session.id, attempt: 1, provider: 'connectpay-a' });
        await store.finishAttempt({ sessionId: fallback.session.id, attempt: 1, outcome: 'unavailable' });
        await store.startAttempt({ sessionId: fallback.session.id, attempt: 2, provider: 'connectpay-b' });
        await store.recordInitiation(initiation(fallback.session.id, second, { attempt: 2 }));
        assert.deepEqual(
          (await store.listAttempts(fallback.session.id)).map((a) => [a.attempt, a.provider, a.outcome]),
          [
            [1, 'connectpay-a', 'unavailable'],
            [2, 'connectpay-b', 'created'],
          ],
        );
      });

      it('claims the key and stores the session in one write; the key then answers in_progress and mismatch', async () => {
        const key = unique('idem');
        const input = newSession();
        const opened = await store.openSession({ key, requestHash: 'hash-a', session: input });
        assert.equal(opened.kind, 'claimed');
        const session = opened.kind === 'claimed' ? opened.session : undefined;
        assert.equal(session?.status, 'created');
        assert.equal(session?.version, 1);
        assert.deepEqual(await store.getSession(input.id), session);
        const events = await store.eventsSince(input.id, 0);
        assert.deepEqual(
          events.map((event) => [event.status, event.source]),
          [['created', 'create']],
        );

        const other = newSession();
        assert.deepEqual(await store.openSession({ key, requestHash: 'hash-a', session: other }), {
          kind: 'in_progress',
        });
        assert.deepEqual(await store.openSession({ key, requestHash: 'hash-b', session: other }), {
          kind: 'mismatch',
        });
        assert.equal(await store.getSession(other.id), undefined, 'no session without the claim');
        assert.deepEqual(await store.claimIdempotencyKey(key, 'hash-a'), { kind: 'in_progress' });
        assert.deepEqual(await store.peekIdempotencyKey(key, 'hash-a'), { kind: 'in_progress' });
      });

      it('peeks at a key without claiming it', async () => {
        const key = unique('idem');
        assert.equal(await store.peekIdempotencyKey(key, 'hash-a'), undefined);
        assert.deepEqual(await store.claimIdempotencyKey(key, 'hash-a'), { kind: 'claimed' });
        assert.deepEqual(await store.peekIdempotencyKey(key, 'hash-b'), { kind: 'mismatch' });
      });

      it('leaves the key unclaimed when the session cannot be stored (atomic)', async () => {
        const taken = await store.createSession(newSession());
        const key = unique('idem');
        const clash = newSession({ reference: taken.reference });
        await assert.rejects(
          store.openSession({ key, requestHash: 'h', session: clash }),
          StoreConflictError,
        );
        assert.equal(await store.getSession(clash.id), undefined);
        assert.equal(await store.peekIdempotencyKey(key, 'h'), undefined, 'no claim left behind');
        const retry = await store.openSession({ key, requestHash: 'h', session: newSession() });
        assert.equal(retry.kind, 'claimed');
      });

      it('gives exactly one of several concurrent openers the key, and stores only its session', async () => {
        const key = unique('idem');
        const inputs = Array.from({ length: 6 }, () => newSession());
        const results = await Promise.all(
          inputs.map((session) => store.openSession({ key, requestHash: 'same', session })),
        );
        assert.equal(results.filter((result) => result.kind === 'claimed').length, 1);
        assert.equal(results.filter((result) => result.kind === 'in_progress').length, 5);
        const stored = await Promise.all(inputs.map((input) => store.getSession(input.id)));
        assert.equal(stored.filter((session) => session !== undefined).length, 1);
      });

      it('records the initiation in one write: payment, status, event, announcement and the replayable response', async () => {
        const listener = await listen();
        try {
          const key = unique('idem');
          const opened = await store.openSession({ key, requestHash: 'h', session: newSession() });
          assert.equal(opened.kind, 'claimed');
          const id = opened.kind === 'claimed' ? opened.session.id : '';
          const input = initiation(id, key);
          const recorded = await store.recordInitiation(input);
          assert.equal(recorded.outcome, 'applied');
          assert.equal(recorded.session.status, 'pending');
          assert.equal(recorded.session.providerRef, input.providerRef);
          assert.equal(recorded.session.redirectUrl, input.redirectUrl);
          assert.deepEqual(await store.getSession(id), recorded.session);
          assert.deepEqual(await store.findByProviderRef('connectpay', input.providerRef), recorded.session);
          const response = {
            status: 201,
            body: { sessionId: id, redirectUrl: input.redirectUrl, status: 'pending' },
          };
          assert.deepEqual(recorded.response, response);
          assert.deepEqual(await store.claimIdempotencyKey(key, 'h'), { kind: 'replay', response });

          const events = await store.eventsSince(id, 0);
          assert.deepEqual(
            events.map((event) => [event.status, event.source, event.providerStatus]),
            [
              ['created', 'create', undefined],
              ['pending', 'initiate', 'Pending'],
            ],
          );
          assert.deepEqual(recorded.event, events[1]);
          const change = await listener.next(
            (candidate) => candidate.sessionId === id && candidate.eventId === events[1]!.id,
          );
          assert.deepEqual(Object.keys(change).sort(), ['eventId', 'sessionId']);
        } finally {
          await listener.stop();
        }
      });

      it('stores the provider data and next action of the initiation, and replays the same response', async () => {
        const key = unique('idem');
        const opened = await store.openSession({ key, requestHash: 'h', session: newSession() });
        const id = opened.kind === 'claimed' ? opened.session.id : '';
        const providerData = { kind: 'topup', consumerId: 'c_1' };
        const next = { type: 'form_post' as const, url: 'https://acs.example/3ds', fields: { creq: 'abc' } };
        const recorded = await store.recordInitiation(
          initiation(id, key, { providerData, next, redirectUrl: `https://shop.example/continue/${id}` }),
        );
        assert.deepEqual(recorded.session.providerData, providerData);
        assert.deepEqual(recorded.session.next, next);
        assert.deepEqual(await store.getSession(id), recorded.session);
        assert.deepEqual(recorded.response.body, {
          sessionId: id,
          redirectUrl: `https://shop.example/continue/${id}`,
          status: 'pending',
        });
      });

      it('stops polling when the provider answers a final status at initiation', async () => {
        const key = unique('idem');
        const opened = await store.openSession({
          key,
          requestHash: 'h',
          session: newSession({ nextPollAt: new Date(Date.now() - 1000) }),
        });
        const id = opened.kind === 'claimed' ? opened.session.id : '';
        const recorded = await store.recordInitiation(
          initiation(id, key, { to: 'failed', reason: 'provider_error', providerStatus: 'Rejected' }),
        );
        assert.equal(recorded.outcome, 'applied');
        assert.equal(recorded.session.status, 'failed');
        assert.equal(recorded.session.reason, 'provider_error');
        assert.equal(recorded.session.nextPollAt, null);
      });

      it('attaches the payment but keeps a status that already moved past the provider answer, and stores what it kept', async () => {
        const key = unique('idem');
        const opened = await store.openSession({ key, requestHash: 'h', session: newSession() });
        const id = opened.kind === 'claimed' ? opened.session.id : '';
        await store.transition({ sessionId: id, to: 'succeeded', source: 'reconcile' });
        const before = await store.eventsSince(id, 0);
        const input = initiation(id, key);
        const recorded = await store.recordInitiation(input);
        assert.equal(recorded.outcome, 'ignored');
        assert.equal(recorded.event, undefined);
        assert.equal(recorded.session.status, 'succeeded');
        assert.equal(recorded.session.providerRef, input.providerRef);
        assert.deepEqual(await store.eventsSince(id, 0), before, 'no event for a change not applied');
        const response = {
          status: 201,
          body: { sessionId: id, redirectUrl: input.redirectUrl, status: 'succeeded' },
        };
        assert.deepEqual(recorded.response, response);
        assert.deepEqual(await store.claimIdempotencyKey(key, 'h'), { kind: 'replay', response });
      });

      it('writes nothing when the initiation cannot be recorded (taken payment id, unknown session)', async () => {
        const other = await store.createSession(newSession());
        const ref = unique('pay');
        await store.attachProviderPayment(attach(other.id, ref, 'https://widget.example/other'));

        const key = unique('idem');
        const opened = await store.openSession({ key, requestHash: 'h', session: newSession() });
        const session = opened.kind === 'claimed' ? opened.session : undefined;
        assert.ok(session);
        await assert.rejects(
          store.recordInitiation(initiation(session.id, key, { providerRef: ref })),
          StoreConflictError,
        );
        assert.deepEqual(await store.getSession(session.id), session, 'session untouched');
        assert.equal((await store.eventsSince(session.id, 0)).length, 1, 'no event');
        assert.deepEqual(await store.peekIdempotencyKey(key, 'h'), { kind: 'in_progress' }, 'no response');

        const unknownKey = unique('idem');
        await store.claimIdempotencyKey(unknownKey, 'h');
        await assert.rejects(
          store.recordInitiation(initiation(unique('cs'), unknownKey)),
          SessionNotFoundError,
        );
        assert.deepEqual(await store.peekIdempotencyKey(unknownKey, 'h'), { kind: 'in_progress' });
      });
    });

    describe('live status', () => {
      it('lists events oldest first and resumes after a given event id', async () => {
        const session = await store.createSession(newSession());
        const other = await store.createSession(newSession());
        for (const to of ['pending', 'processing', 'succeeded'] as const) {
          await store.transition({ sessionId: session.id, to, source: 'poller' });
          await store.transition({ sessionId: other.id, to, source: 'poller' });
        }
        const all = await store.eventsSince(session.id, 0);
        assert.deepEqual(
          all.map((event) => event.status),
          ['created', 'pending', 'processing', 'succeeded'],
        );
        assert.ok(all.every((event) => event.sessionId === session.id));
        assert.deepEqual(
          all.map((event) => event.id),
          [...all.map((event) => event.id)].sort((a, b) => a - b),
        );
        const resumed = await store.eventsSince(session.id, all[1]!.id);
        assert.deepEqual(resumed, all.slice(2));
        assert.deepEqual(await store.eventsSince(session.id, all[3]!.id), []);
      });

      it('announces committed changes to subscribers with ids only', async () => {
        const listener = await listen();
        try {
          const session = await store.createSession(newSession());
          const created = await listener.next((change) => change.sessionId === session.id);
          assert.deepEqual(Object.keys(created).sort(), ['eventId', 'sessionId']);
          const result = await store.transition({ sessionId: session.id, to: 'pending', source: 'initiate' });
          assert.equal(result.outcome, 'applied');
          const change = await listener.next(
            (candidate) => candidate.sessionId === session.id && candidate.eventId !== created.eventId,
          );
          assert.deepEqual(change, {
            sessionId: session.id,
            eventId: result.outcome === 'applied' ? result.event.id : -1,
          });
        } finally {
          await listener.stop();
        }
      });

      it('never announces, stores or dedupes a change whose transaction rolled back', async () => {
        const listener = await listen();
        try {
          const session = await sessionIn('pending');
          const before = await store.eventsSince(session.id, 0);
          // The inbox row names a session that does not exist: the foreign key fails at COMMIT, after
          // the update, the event and the NOTIFY were all written, so all of them must roll back.
          const bad = notification(unique('missing'));
          await assert.rejects(
            store.transition({
              sessionId: session.id,
              to: 'succeeded',
              source: 'notification',
              notification: bad,
            }),
          );
          assert.equal((await store.getSession(session.id))!.status, 'pending');
          assert.deepEqual(await store.eventsSince(session.id, 0), before);

          // A later committed change is announced; announcements keep commit order, so had the
          // rolled-back one been announced it would have arrived first.
          const marker = await store.createSession(newSession());
          await listener.next((change) => change.sessionId === marker.id);
          const known = new Set(before.map((event) => event.id));
          assert.deepEqual(
            listener.seen.filter((change) => change.sessionId === session.id && !known.has(change.eventId)),
            [],
          );
          // The inbox row rolled back too: the same notification id, now well-formed, applies.
          const retried = await store.transition({
            sessionId: session.id,
            to: 'succeeded',
            source: 'notification',
            notification: { ...bad, sessionId: session.id },
          });
          assert.equal(retried.outcome, 'applied');
        } finally {
          await listener.stop();
        }
      });

      it('stops calling a listener once unsubscribed', async () => {
        const stopped = await listen();
        await stopped.stop();
        const still = await listen();
        try {
          const session = await store.createSession(newSession());
          await still.next((change) => change.sessionId === session.id);
          assert.deepEqual(stopped.seen, []);
        } finally {
          await still.stop();
        }
      });
    });

    describe('polling schedule', () => {
      // Sessions here poll in 2001, so sessions of other tests (no poll, or now) never count as due.
      const at = (minute: number) => new Date(Date.UTC(2001, 0, 1, 0, minute));

      it('lists due non-final sessions, earliest first, up to the limit', async () => {
        const late = await store.createSession(newSession({ nextPollAt: at(30) }));
        const early = await store.createSession(newSession({ nextPollAt: at(10) }));
        const future = await store.createSession(newSession({ nextPollAt: at(50) }));
        const final = await store.createSession(newSession({ nextPollAt: at(20) }));
        await store.transition({ sessionId: final.id, to: 'succeeded', source: 'notification' });
        await store.schedulePoll(final.id, at(20), 1); // even when someone schedules it again

        const due = await store.duePolls(at(40), 100);
        const ours = due.filter((session) => [late.id, early.id, future.id, final.id].includes(session.id));
        assert.deepEqual(
          ours.map((session) => session.id),
          [early.id, late.id],
        );
        const limited = await store.duePolls(at(40), 1);
        assert.equal(limited.length, 1);
        assert.ok(limited[0]!.nextPollAt! <= at(40));
      });

      it('reschedules and stops polling a session', async () => {
        const session = await store.createSession(newSession({ nextPollAt: at(5) }));
        await store.schedulePoll(session.id, at(45), 3);
        const moved = (await store.getSession(session.id))!;
        assert.deepEqual(moved.nextPollAt, at(45));
        assert.equal(moved.pollAttempts, 3);
        assert.equal(moved.version, session.version, 'poll bookkeeping is not a session change');
        assert.ok(!(await store.duePolls(at(40), 1000)).some((due) => due.id === session.id));
        assert.ok((await store.duePolls(at(45), 1000)).some((due) => due.id === session.id));

        await store.schedulePoll(session.id, null, 4);
        assert.equal((await store.getSession(session.id))!.nextPollAt, null);
        assert.ok(!(await store.duePolls(at(59), 1000)).some((due) => due.id === session.id));
        await assert.rejects(store.schedulePoll(unique('missing'), null, 0), SessionNotFoundError);
      });
    });

    describeAttempts(context);
    describeOperations(context);

    describe('schema', () => {
      it('treats migrating again as a no-op, keeping every row', async () => {
        const session = await store.createSession(newSession());
        await store.migrate();
        await Promise.all([store.migrate(), store.migrate()]);
        assert.deepEqual(await store.getSession(session.id), session);
      });
    });
  });
}
