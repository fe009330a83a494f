import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ATTEMPT_OUTCOMES } from '@pay-checkout/contract';
import type { ConformanceContext } from './conformance-context.js';
import { SessionNotFoundError, StoreConflictError } from './store-errors.js';

/** `payment_attempts`: one row per provider tried by POST sessions (routing with failover). */
export function describeAttempts({ store, unique, newSession }: ConformanceContext): void {
  describe('payment attempts', () => {
    it('starts a try at a provider: the session names it, and the try is pending', async () => {
      const session = await store().createSession(newSession({ provider: 'connectpay-a' }));
      const started = await store().startAttempt({
        sessionId: session.id,
        attempt: 1,
        provider: 'connectpay-a',
      });
      assert.equal(started.provider, 'connectpay-a');
      assert.equal(started.version, session.version + 1);
      const attempts = await store().listAttempts(session.id);
      assert.equal(attempts.length, 1);
      const [first] = attempts;
      assert.deepEqual(
        {
          sessionId: first!.sessionId,
          attempt: first!.attempt,
          provider: first!.provider,
          outcome: first!.outcome,
        },
        { sessionId: session.id, attempt: 1, provider: 'connectpay-a', outcome: 'pending' },
      );
      assert.equal('errorCode' in first!, false);
      assert.ok(first!.at instanceof Date);
    });

    it('records how each try ended and moves the session to the next provider, first try first', async () => {
      const session = await store().createSession(newSession({ provider: 'connectpay-a' }));
      await store().startAttempt({ sessionId: session.id, attempt: 1, provider: 'connectpay-a' });
      await store().finishAttempt({
        sessionId: session.id,
        attempt: 1,
        outcome: 'unavailable',
        errorCode: 'provider_error',
      });
      const moved = await store().startAttempt({
        sessionId: session.id,
        attempt: 2,
        provider: 'connectpay-b',
      });
      assert.equal(moved.provider, 'connectpay-b');
      assert.equal((await store().getSession(session.id))!.provider, 'connectpay-b');
      await store().finishAttempt({ sessionId: session.id, attempt: 2, outcome: 'created' });
      const attempts = await store().listAttempts(session.id);
      assert.deepEqual(
        attempts.map((attempt) => [attempt.attempt, attempt.provider, attempt.outcome, attempt.errorCode]),
        [
          [1, 'connectpay-a', 'unavailable', 'provider_error'],
          [2, 'connectpay-b', 'created', undefined],
        ],
      );
    });

    it('accepts every attempt outcome of the contract', async () => {
      const session = await store().createSession(newSession());
      await store().startAttempt({ sessionId: session.id, attempt: 1, provider: 'connectpay' });
      for (const outcome of ATTEMPT_OUTCOMES) {
        await store().finishAttempt({ sessionId: session.id, attempt: 1, outcome });
        assert.equal((await store().listAttempts(session.id))[0]!.outcome, outcome);
      }
    });

    it('refuses a try number already taken, and leaves the session as it was', async () => {
      const session = await store().createSession(newSession({ provider: 'connectpay-a' }));
      await store().startAttempt({ sessionId: session.id, attempt: 1, provider: 'connectpay-a' });
      const before = (await store().getSession(session.id))!;
      await assert.rejects(
        store().startAttempt({ sessionId: session.id, attempt: 1, provider: 'connectpay-b' }),
        StoreConflictError,
      );
      assert.deepEqual(await store().getSession(session.id), before);
      assert.equal((await store().listAttempts(session.id)).length, 1);
    });

    it('refuses a new try once a provider payment is attached or the status moved', async () => {
      const attached = await store().createSession(newSession());
      await store().attachProviderPayment({
        sessionId: attached.id,
        providerRef: unique('pay'),
        redirectUrl: 'https://bank.example/1',
        next: { type: 'redirect', url: 'https://bank.example/1' },
      });
      await assert.rejects(
        store().startAttempt({ sessionId: attached.id, attempt: 1, provider: 'connectpay-b' }),
        StoreConflictError,
      );
      const moved = await store().createSession(newSession());
      await store().transition({ sessionId: moved.id, to: 'pending', source: 'initiate' });
      await assert.rejects(
        store().startAttempt({ sessionId: moved.id, attempt: 1, provider: 'connectpay-b' }),
        StoreConflictError,
      );
      assert.equal((await store().getSession(moved.id))!.provider, 'connectpay');
      assert.deepEqual(await store().listAttempts(moved.id), []);
    });

    it('throws SessionNotFoundError for an unknown session or try', async () => {
      await assert.rejects(
        store().startAttempt({ sessionId: unique('missing'), attempt: 1, provider: 'connectpay' }),
        SessionNotFoundError,
      );
      const session = await store().createSession(newSession());
      await assert.rejects(
        store().finishAttempt({ sessionId: session.id, attempt: 1, outcome: 'created' }),
        SessionNotFoundError,
      );
      assert.deepEqual(await store().listAttempts(unique('missing')), []);
    });
  });
}
