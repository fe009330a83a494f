import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OperationKind, SessionStatus } from '@pay-checkout/contract';
import type { ConformanceContext } from './conformance-context.js';
import type { NewOperation, OperationRecord, ReserveOperationResult, SessionRecord } from './store.js';
import { OperationNotFoundError, SessionNotFoundError } from './store-errors.js';

/**
 * The merchant operations ledger: reservations under the amount rules of `operations/settlement.ts`,
 * idempotent per (session, key), atomic under concurrency, and settled once.
 */
export function describeOperations({ store, unique, newSession }: ConformanceContext): void {
  /** A session of 1250 EUR in `status` (reached through the statuses before it). */
  async function sessionAt(status: SessionStatus): Promise<SessionRecord> {
    const session = await store().createSession(newSession());
    if (status === 'created') return session;
    const result = await store().transition({ sessionId: session.id, to: status, source: 'notification' });
    assert.equal(result.outcome, 'applied');
    return result.session;
  }

  function operation(sessionId: string, kind: OperationKind, amount?: number): NewOperation {
    return {
      id: unique('op'),
      sessionId,
      kind,
      ...(amount === undefined ? {} : { amount }),
      idempotencyKey: unique('key'),
      requestHash: `hash-${kind}-${amount ?? 'all'}`,
    };
  }

  async function reserve(sessionId: string, kind: OperationKind, amount?: number): Promise<OperationRecord> {
    const result = await store().reserveOperation(operation(sessionId, kind, amount));
    assert.equal(result.kind, 'reserved', `${kind} ${amount ?? 'all'}: ${JSON.stringify(result)}`);
    return (result as Extract<ReserveOperationResult, { kind: 'reserved' }>).operation;
  }

  async function refused(sessionId: string, kind: OperationKind, amount?: number): Promise<string> {
    const result = await store().reserveOperation(operation(sessionId, kind, amount));
    assert.equal(result.kind, 'refused', `${kind} ${amount ?? 'all'}: ${JSON.stringify(result)}`);
    return (result as Extract<ReserveOperationResult, { kind: 'refused' }>).refusal;
  }

  async function settle(op: OperationRecord, status: 'succeeded' | 'failed', sessionTo?: SessionStatus) {
    return store().settleOperation({
      operationId: op.id,
      status,
      providerRef: `prov_${op.id}`,
      ...(sessionTo === undefined ? {} : { sessionTo }),
    });
  }

  describe('operations ledger', () => {
    it('reserves a capture of the whole authorization as pending, in the session currency', async () => {
      const session = await sessionAt('authorized');
      const input = operation(session.id, 'capture');
      const result = await store().reserveOperation(input);
      assert.equal(result.kind, 'reserved');
      const reserved = result as Extract<ReserveOperationResult, { kind: 'reserved' }>;
      assert.equal(reserved.full, true);
      const op = reserved.operation;
      assert.deepEqual(
        {
          id: op.id,
          sessionId: op.sessionId,
          kind: op.kind,
          amount: op.amount,
          currency: op.currency,
          status: op.status,
          idempotencyKey: op.idempotencyKey,
        },
        {
          id: input.id,
          sessionId: session.id,
          kind: 'capture',
          amount: 1250,
          currency: 'EUR',
          status: 'pending',
          idempotencyKey: input.idempotencyKey,
        },
      );
      assert.equal('providerRef' in op, false);
      assert.equal('reason' in op, false);
      assert.ok(op.createdAt instanceof Date && op.updatedAt instanceof Date);
      assert.deepEqual(await store().listOperations(session.id), [op]);
    });

    it('settles a capture once and moves the session to succeeded in the same write, announced', async () => {
      const session = await sessionAt('authorized');
      const op = await reserve(session.id, 'capture');
      const heard: { sessionId: string; eventId: number }[] = [];
      const stop = await store().subscribe((change) => {
        if (change.sessionId === session.id) heard.push(change);
      });
      try {
        const settled = await store().settleOperation({
          operationId: op.id,
          status: 'succeeded',
          providerRef: 'cap_1',
          sessionTo: 'succeeded',
          providerStatus: 'CAPTURED',
        });
        assert.equal(settled.outcome, 'applied');
        assert.equal(settled.operation.status, 'succeeded');
        assert.equal(settled.operation.providerRef, 'cap_1');
        assert.ok(settled.operation.updatedAt >= op.updatedAt);
        const after = (await store().getSession(session.id))!;
        assert.equal(after.status, 'succeeded');
        assert.equal(after.version, session.version + 1);
        const last = (await store().eventsSince(session.id, 0)).at(-1)!;
        assert.deepEqual(
          [last.status, last.source, last.providerStatus],
          ['succeeded', 'operation', 'CAPTURED'],
        );
        while (!heard.some((change) => change.eventId === last.id)) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }

        // A final operation never changes, and its session is not moved again.
        for (const status of ['succeeded', 'failed'] as const) {
          const again = await store().settleOperation({
            operationId: op.id,
            status,
            providerRef: 'cap_2',
            reason: 'late',
            sessionTo: 'cancelled',
          });
          assert.equal(again.outcome, 'ignored');
          assert.deepEqual(again.operation, settled.operation);
        }
        assert.deepEqual(await store().getSession(session.id), after);
      } finally {
        await stop();
      }
    });

    it('keeps the stored provider id when the answer names none, and stores the reason of a failure', async () => {
      const session = await sessionAt('authorized');
      const op = await reserve(session.id, 'capture');
      await store().settleOperation({ operationId: op.id, status: 'failed', reason: 'Insufficient funds' });
      const [failed] = await store().listOperations(session.id);
      assert.equal(failed!.status, 'failed');
      assert.equal(failed!.reason, 'Insufficient funds');
      assert.equal('providerRef' in failed!, false);
      assert.equal((await store().getSession(session.id))!.status, 'authorized');
    });

    it('lets one of two racing answers settle an operation', async () => {
      const session = await sessionAt('authorized');
      const op = await reserve(session.id, 'void');
      const results = await Promise.all([
        settle(op, 'succeeded', 'cancelled'),
        settle(op, 'failed'),
        settle(op, 'succeeded', 'cancelled'),
      ]);
      assert.deepEqual(results.map((result) => result.outcome).sort(), ['applied', 'ignored', 'ignored']);
      const final = results.find((result) => result.outcome === 'applied')!.operation;
      assert.ok(results.every((result) => result.operation.status === final.status));
      // The session moved only if the answer that won said so.
      const events = await store().eventsSince(session.id, 0);
      assert.equal(
        events.filter((event) => event.source === 'operation').length,
        final.status === 'succeeded' ? 1 : 0,
      );
      assert.equal(
        (await store().getSession(session.id))!.status,
        final.status === 'succeeded' ? 'cancelled' : 'authorized',
      );
    });

    it('captures in parts up to the authorization, then refuses what exceeds the remainder', async () => {
      const session = await sessionAt('authorized');
      const first = await reserve(session.id, 'capture', 400);
      await settle(first, 'succeeded', 'succeeded');
      // A pending capture counts against the remainder.
      await reserve(session.id, 'capture', 500);
      assert.equal(await refused(session.id, 'capture', 351), 'amount_exceeds_authorized');
      const rest = await store().reserveOperation(operation(session.id, 'capture'));
      assert.equal(rest.kind, 'reserved');
      const reserved = rest as Extract<ReserveOperationResult, { kind: 'reserved' }>;
      assert.deepEqual([reserved.operation.amount, reserved.full], [350, true]);
      assert.equal(await refused(session.id, 'capture'), 'amount_exceeds_authorized');
      assert.equal(await refused(session.id, 'capture', 1), 'amount_exceeds_authorized');
    });

    it('frees the amount of a failed capture', async () => {
      const session = await sessionAt('authorized');
      const op = await reserve(session.id, 'capture', 1000);
      await settle(op, 'failed');
      const again = await store().reserveOperation(operation(session.id, 'capture', 1000));
      assert.equal(again.kind, 'reserved');
      assert.equal((again as Extract<ReserveOperationResult, { kind: 'reserved' }>).full, false);
    });

    it('refuses a capture of a sale: a payment that succeeded without one', async () => {
      const session = await sessionAt('succeeded');
      assert.equal(await refused(session.id, 'capture'), 'not_capturable');
    });

    it('voids an authorization for its whole amount, and refuses everything after a void', async () => {
      const session = await sessionAt('authorized');
      const op = await reserve(session.id, 'void');
      assert.equal(op.amount, 1250);
      // A pending void already blocks.
      for (const kind of ['capture', 'void', 'refund'] as const) {
        assert.equal(await refused(session.id, kind), 'already_voided', kind);
      }
      await settle(op, 'succeeded', 'cancelled');
      assert.equal((await store().getSession(session.id))!.status, 'cancelled');
      for (const kind of ['capture', 'void', 'refund'] as const) {
        assert.equal(await refused(session.id, kind), 'already_voided', kind);
      }
    });

    it('lets a failed void be followed by a capture', async () => {
      const session = await sessionAt('authorized');
      await settle(await reserve(session.id, 'void'), 'failed');
      await reserve(session.id, 'capture');
    });

    it('refuses a void after a capture (pending or done) and on a sale', async () => {
      const session = await sessionAt('authorized');
      const capture = await reserve(session.id, 'capture', 100);
      assert.equal(await refused(session.id, 'void'), 'already_captured');
      await settle(capture, 'succeeded', 'succeeded');
      assert.equal(await refused(session.id, 'void'), 'already_captured');
      assert.equal(await refused((await sessionAt('succeeded')).id, 'void'), 'already_captured');
    });

    it('refunds a sale in parts up to its amount, counting pending refunds and freeing failed ones', async () => {
      const session = await sessionAt('succeeded');
      const first = await reserve(session.id, 'refund', 500);
      await settle(first, 'succeeded');
      const pending = await reserve(session.id, 'refund', 500);
      assert.equal(await refused(session.id, 'refund', 251), 'amount_exceeds_refundable');
      await settle(pending, 'failed');
      const rest = await store().reserveOperation(operation(session.id, 'refund'));
      const reserved = rest as Extract<ReserveOperationResult, { kind: 'reserved' }>;
      assert.deepEqual([rest.kind, reserved.operation.amount, reserved.full], ['reserved', 750, true]);
      assert.equal(await refused(session.id, 'refund'), 'amount_exceeds_refundable');
      // A refund never moves the shopper-facing status.
      assert.equal((await store().getSession(session.id))!.status, 'succeeded');
    });

    it('refunds only what our captures took', async () => {
      const session = await sessionAt('authorized');
      assert.equal(await refused(session.id, 'refund'), 'nothing_to_refund');
      const capture = await reserve(session.id, 'capture', 600);
      assert.equal(
        await refused(session.id, 'refund'),
        'nothing_to_refund',
        'a pending capture took nothing yet',
      );
      await settle(capture, 'succeeded', 'succeeded');
      assert.equal(await refused(session.id, 'refund', 601), 'amount_exceeds_refundable');
      assert.equal((await reserve(session.id, 'refund')).amount, 600);
    });

    it('refuses every operation on a payment that is not final yet, or ended without money', async () => {
      for (const status of ['created', 'pending', 'processing'] as const) {
        const session = await sessionAt(status);
        for (const kind of ['capture', 'void', 'refund'] as const) {
          assert.equal(await refused(session.id, kind), 'payment_not_final', `${status} ${kind}`);
        }
      }
      for (const status of ['failed', 'cancelled', 'expired'] as const) {
        const session = await sessionAt(status);
        for (const kind of ['capture', 'void', 'refund'] as const) {
          assert.equal(await refused(session.id, kind), 'payment_failed', `${status} ${kind}`);
        }
      }
    });

    it('writes nothing for a refusal', async () => {
      const session = await sessionAt('pending');
      await refused(session.id, 'capture');
      assert.deepEqual(await store().listOperations(session.id), []);
      const sale = await sessionAt('succeeded');
      await refused(sale.id, 'refund', 5000);
      assert.deepEqual(await store().listOperations(sale.id), []);
    });

    it('replays the stored operation for the same key and request, in any state, and refuses another request', async () => {
      const session = await sessionAt('authorized');
      const input = operation(session.id, 'capture');
      const first = await store().reserveOperation(input);
      assert.equal(first.kind, 'reserved');
      const op = (first as Extract<ReserveOperationResult, { kind: 'reserved' }>).operation;
      assert.deepEqual(await store().reserveOperation({ ...input, id: unique('op') }), {
        kind: 'replay',
        operation: op,
      });
      const settled = await settle(op, 'succeeded', 'succeeded');
      // The key answers before the amount rules: a new request like it is refused now, the retry is not.
      assert.equal(await refused(session.id, 'capture'), 'amount_exceeds_authorized');
      assert.deepEqual(await store().reserveOperation({ ...input, id: unique('op') }), {
        kind: 'replay',
        operation: settled.operation,
      });
      assert.deepEqual(
        await store().reserveOperation({ ...input, id: unique('op'), kind: 'refund', requestHash: 'other' }),
        { kind: 'mismatch' },
      );
      assert.equal((await store().listOperations(session.id)).length, 1);
    });

    it('scopes idempotency keys to their session', async () => {
      const [one, two] = [await sessionAt('succeeded'), await sessionAt('succeeded')];
      const input = operation(one.id, 'refund', 100);
      assert.equal((await store().reserveOperation(input)).kind, 'reserved');
      assert.equal(
        (await store().reserveOperation({ ...input, id: unique('op'), sessionId: two.id })).kind,
        'reserved',
      );
    });

    it('reserves only the concurrent refunds that fit, and one operation per key', async () => {
      const session = await sessionAt('succeeded');
      // Ten refunds of 300 against 1250 refundable: exactly four fit, whatever the order.
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store().reserveOperation(operation(session.id, 'refund', 300))),
      );
      assert.equal(results.filter((result) => result.kind === 'reserved').length, 4);
      assert.deepEqual(
        [...new Set(results.filter((result) => result.kind === 'refused').map((result) => result.refusal))],
        ['amount_exceeds_refundable'],
      );
      const stored = await store().listOperations(session.id);
      assert.equal(
        stored.reduce((total, op) => total + op.amount, 0),
        1200,
      );

      const same = operation(session.id, 'refund', 50);
      const racing = await Promise.all(
        Array.from({ length: 5 }, () => store().reserveOperation({ ...same, id: unique('op') })),
      );
      assert.deepEqual(racing.map((result) => result.kind).sort(), [
        'replay',
        'replay',
        'replay',
        'replay',
        'reserved',
      ]);
      assert.equal((await store().listOperations(session.id)).length, 5);
    });

    it('lets concurrent captures and a void of one authorization never both pass', async () => {
      for (let round = 0; round < 3; round++) {
        const session = await sessionAt('authorized');
        const results = await Promise.all([
          store().reserveOperation(operation(session.id, 'capture', 600)),
          store().reserveOperation(operation(session.id, 'void')),
          store().reserveOperation(operation(session.id, 'capture', 600)),
        ]);
        const kinds = (await store().listOperations(session.id)).map((op) => op.kind).sort();
        assert.ok(
          JSON.stringify(kinds) === '["void"]' || JSON.stringify(kinds) === '["capture","capture"]',
          `${JSON.stringify(kinds)} from ${JSON.stringify(results.map((result) => result.kind))}`,
        );
      }
    });

    it('lists operations oldest first and finds one by the provider id, within its session', async () => {
      const session = await sessionAt('succeeded');
      const first = await reserve(session.id, 'refund', 100);
      const second = await reserve(session.id, 'refund', 200);
      await store().settleOperation({ operationId: second.id, status: 'succeeded', providerRef: 'rf_2' });
      assert.deepEqual(
        (await store().listOperations(session.id)).map((op) => op.id),
        [first.id, second.id],
      );
      const found = await store().findOperationByProviderRef(session.id, 'rf_2');
      assert.equal(found?.id, second.id);
      assert.equal(found?.status, 'succeeded');
      assert.equal(
        await store().findOperationByProviderRef((await sessionAt('succeeded')).id, 'rf_2'),
        undefined,
      );
      assert.equal(await store().findOperationByProviderRef(session.id, 'rf_unknown'), undefined);
      assert.deepEqual(await store().listOperations(unique('missing')), []);
    });

    it("keeps the provider's id of a pending operation, so its notified result finds it; a final one keeps its own", async () => {
      const session = await sessionAt('authorized');
      const op = await reserve(session.id, 'capture');
      const noted = await store().recordOperationRef(op.id, 'cap_pending');
      assert.deepEqual([noted.status, noted.providerRef], ['pending', 'cap_pending']);
      assert.equal((await store().findOperationByProviderRef(session.id, 'cap_pending'))?.id, op.id);
      const settled = await store().settleOperation({ operationId: op.id, status: 'succeeded' });
      assert.equal(settled.operation.providerRef, 'cap_pending');
      const kept = await store().recordOperationRef(op.id, 'cap_other');
      assert.deepEqual(kept, settled.operation);
      await assert.rejects(store().recordOperationRef(unique('op'), 'x'), OperationNotFoundError);
    });

    it('throws for an unknown session or operation, and writes nothing', async () => {
      await assert.rejects(
        store().reserveOperation(operation(unique('missing'), 'capture')),
        SessionNotFoundError,
      );
      await assert.rejects(
        store().settleOperation({ operationId: unique('op'), status: 'succeeded', sessionTo: 'succeeded' }),
        OperationNotFoundError,
      );
    });

    it('keeps large amounts exact', async () => {
      const session = await store().createSession(newSession({ amount: 9_000_000_000_00, currency: 'KRW' }));
      await store().transition({ sessionId: session.id, to: 'succeeded', source: 'notification' });
      assert.equal((await reserve(session.id, 'refund')).amount, 9_000_000_000_00);
    });
  });
}
