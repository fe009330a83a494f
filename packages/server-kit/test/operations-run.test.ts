import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OperationKind } from '@pay-checkout/contract';
import { MerchantSessionView, OperationResponse } from '@pay-checkout/contract';
import {
  type CheckoutError,
  NotFoundError,
  OperationInProgressError,
  OperationRefusedError,
  OperationUnsupportedError,
  ValidationError,
} from '../src/errors.js';
import { IdempotencyKeyError, IdempotencyMismatchError } from '../src/http/http-errors.js';
import { applyOperationResult } from '../src/operations/apply-operation-result.js';
import { merchantView } from '../src/operations/merchant-view.js';
import { runOperation } from '../src/operations/run-operation.js';
import { newSessionId, providerReference } from '../src/sessions/ids.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import type { CheckoutStore, SessionRecord } from '../src/store/store.js';
import { OperationsAdapter } from './helpers/operations-adapter.js';
import { type OperationsContext, operationsContext } from './helpers/operations-context.js';

/** Asserts a kit error by class, code and HTTP status. */
async function rejectsWith(
  promise: Promise<unknown>,
  type: new (...args: never[]) => CheckoutError,
  code: string,
  status: number,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    assert.deepEqual([error.code, error.status], [code, status]);
    assert.ok(error.message.length > 0);
    return true;
  });
}

describe('merchant operations in code (runOperation)', () => {
  let store: CheckoutStore;
  let kit: OperationsContext;
  const partial = new OperationsAdapter({ id: 'opstest' });
  const fullOnly = new OperationsAdapter({ id: 'fullonly', operations: { capture: 'full', refund: 'full' } });
  const none = new OperationsAdapter({ id: 'noops', operations: {} });
  let keys = 0;
  const key = () => `key-${++keys}`;
  const run = (session: SessionRecord, kind: OperationKind, amount?: number, idempotencyKey = key()) =>
    runOperation(kit.deps, session.id, kind, { idempotencyKey, ...(amount === undefined ? {} : { amount }) });

  before(async () => {
    store = pgliteStore({ memory: true });
    await store.migrate();
    kit = operationsContext(store, [partial, fullOnly, none]);
  });
  after(() => store.close());

  describe('capture', () => {
    it('captures an authorization whole: provider asked once with the payment, session succeeded', async () => {
      const session = await kit.session('opstest', 'authorized');
      const calls = partial.calls.length;
      const { replayed, response } = await run(session, 'capture');
      assert.equal(replayed, false);
      assert.doesNotThrow(() => OperationResponse.parse(response));
      assert.equal(partial.calls.length, calls + 1);
      const call = partial.calls.at(-1)!;
      assert.deepEqual(call, {
        kind: 'capture',
        input: {
          payment: {
            providerRef: `pay_${session.id}`,
            reference: session.reference,
            providerData: { authorization: `auth_${session.id}` },
          },
          operationId: response.operation.operationId,
          amount: { value: 1250, currency: 'EUR' },
          full: true,
        },
      });
      assert.match(response.operation.operationId, /^op_[A-Za-z0-9_-]{22}$/);
      assert.equal(response.operation.status, 'succeeded');
      assert.match(response.operation.providerRef ?? '', /^capture_\d+$/);
      assert.deepEqual(response.operation.amount, { value: 1250, currency: 'EUR' });
      assert.equal(response.session.status, 'succeeded');
      assert.deepEqual(response.session.amounts, { authorized: 1250, captured: 1250, refunded: 0 });
      const events = await store.eventsSince(session.id, 0);
      assert.deepEqual(events.map((event) => [event.status, event.source]).at(-1), [
        'succeeded',
        'operation',
      ]);
    });

    it('captures in parts, telling the provider which part is the last', async () => {
      const session = await kit.session('opstest', 'authorized');
      const first = await run(session, 'capture', 500);
      assert.equal(partial.calls.at(-1)!.input.full, false);
      assert.deepEqual(first.response.session.amounts, { authorized: 1250, captured: 500, refunded: 0 });
      const rest = await run(session, 'capture');
      assert.deepEqual(
        [partial.calls.at(-1)!.input.amount.value, partial.calls.at(-1)!.input.full],
        [750, true],
      );
      assert.deepEqual(rest.response.session.amounts, { authorized: 1250, captured: 1250, refunded: 0 });
      assert.equal(rest.response.session.operations.length, 2);
    });

    it('refuses a capture above the remainder with 422, sends and stores nothing, and logs the refusal', async () => {
      const session = await kit.session('opstest', 'authorized');
      await run(session, 'capture', 1000);
      const calls = partial.calls.length;
      await rejectsWith(
        run(session, 'capture', 251),
        OperationRefusedError,
        'amount_exceeds_authorized',
        422,
      );
      assert.equal(partial.calls.length, calls);
      assert.equal((await store.listOperations(session.id)).length, 1);
      const line = kit.logs.find(
        (entry) => entry.sessionId === session.id && entry.msg === 'operation refused',
      );
      assert.equal(line?.refusal, 'amount_exceeds_authorized');
    });

    it('refuses a capture of a sale, and of a payment not final or failed', async () => {
      await rejectsWith(
        run(await kit.session('opstest', 'succeeded'), 'capture'),
        OperationRefusedError,
        'not_capturable',
        409,
      );
      await rejectsWith(
        run(await kit.session('opstest', 'pending'), 'capture'),
        OperationRefusedError,
        'payment_not_final',
        409,
      );
      await rejectsWith(
        run(await kit.session('opstest', 'failed'), 'capture'),
        OperationRefusedError,
        'payment_failed',
        409,
      );
    });

    it('records a declined capture as failed with the reason, keeping the authorization capturable', async () => {
      const session = await kit.session('opstest', 'authorized');
      partial.next.push('failed');
      const { response } = await run(session, 'capture');
      assert.deepEqual(
        [response.operation.status, response.operation.reason],
        ['failed', 'Declined by the issuer'],
      );
      assert.equal(response.session.status, 'authorized');
      assert.equal((await run(session, 'capture')).response.operation.status, 'succeeded');
    });

    it('records a provider refusal (4xx) as a failed operation', async () => {
      const session = await kit.session('opstest', 'authorized');
      partial.next.push('reject');
      const { response } = await run(session, 'capture', 100);
      assert.equal(response.operation.status, 'failed');
      assert.match(response.operation.reason ?? '', /refused the capture/);
      assert.deepEqual(response.session.amounts, { authorized: 1250, captured: 0, refunded: 0 });
    });
  });

  describe('void', () => {
    it('voids an authorization whole and cancels the session; nothing more is possible after it', async () => {
      const session = await kit.session('opstest', 'authorized');
      const { response } = await run(session, 'void');
      assert.deepEqual(partial.calls.at(-1)!.input.amount, { value: 1250, currency: 'EUR' });
      assert.deepEqual([response.operation.kind, response.operation.status], ['void', 'succeeded']);
      assert.equal(response.session.status, 'cancelled');
      assert.deepEqual(response.session.amounts, { authorized: 0, captured: 0, refunded: 0 });
      for (const kind of ['capture', 'void', 'refund'] as const) {
        await rejectsWith(run(session, kind), OperationRefusedError, 'already_voided', 409);
      }
    });

    it('refuses a void after a capture, and a void with an amount', async () => {
      const session = await kit.session('opstest', 'authorized');
      await run(session, 'capture', 100);
      await rejectsWith(run(session, 'void'), OperationRefusedError, 'already_captured', 409);
      await rejectsWith(run(session, 'void', 100), ValidationError, 'invalid_request', 400);
    });
  });

  describe('refund', () => {
    it('refunds a sale in parts, then refuses what exceeds captured minus refunded', async () => {
      const session = await kit.session('opstest', 'succeeded');
      const first = await run(session, 'refund', 250);
      assert.deepEqual(first.response.session.amounts, { authorized: 1250, captured: 1250, refunded: 250 });
      assert.equal(first.response.session.status, 'succeeded', 'a refund never moves the status');
      await rejectsWith(
        run(session, 'refund', 1001),
        OperationRefusedError,
        'amount_exceeds_refundable',
        422,
      );
      const rest = await run(session, 'refund');
      assert.deepEqual(
        [rest.response.operation.amount.value, partial.calls.at(-1)!.input.full],
        [1000, true],
      );
      await rejectsWith(run(session, 'refund'), OperationRefusedError, 'amount_exceeds_refundable', 422);
    });

    it('refuses a refund before anything was captured', async () => {
      await rejectsWith(
        run(await kit.session('opstest', 'authorized'), 'refund'),
        OperationRefusedError,
        'nothing_to_refund',
        409,
      );
    });
  });

  describe('provider support', () => {
    it('answers operation_unsupported for an operation the provider lacks, storing nothing', async () => {
      const session = await kit.session('noops', 'authorized');
      for (const kind of ['capture', 'void', 'refund'] as const) {
        await rejectsWith(run(session, kind), OperationUnsupportedError, 'operation_unsupported', 409);
      }
      const sale = await kit.session('fullonly', 'authorized');
      await rejectsWith(run(sale, 'void'), OperationUnsupportedError, 'operation_unsupported', 409);
      assert.deepEqual(await store.listOperations(session.id), []);
      assert.equal(none.calls.length, 0);
    });

    it('answers operation_unsupported for a provider that is not configured', async () => {
      const session = await kit.session('gone', 'authorized');
      await rejectsWith(run(session, 'capture'), OperationUnsupportedError, 'operation_unsupported', 409);
    });

    it('gives a full-only provider the whole remainder, and refuses it a part', async () => {
      const session = await kit.session('fullonly', 'authorized');
      await rejectsWith(
        run(session, 'capture', 500),
        OperationUnsupportedError,
        'operation_unsupported',
        409,
      );
      assert.deepEqual(await store.listOperations(session.id), []);
      const whole = await run(session, 'capture', 1250);
      assert.deepEqual(fullOnly.calls.at(-1)!.input.amount, { value: 1250, currency: 'EUR' });
      assert.equal(fullOnly.calls.at(-1)!.input.full, true);
      assert.equal(whole.response.session.status, 'succeeded');
      await rejectsWith(run(session, 'refund', 10), OperationUnsupportedError, 'operation_unsupported', 409);
      assert.equal((await run(session, 'refund')).response.operation.amount.value, 1250);
      // Nothing is left: the refusal of the whole is the amount rules' own answer.
      await rejectsWith(run(session, 'refund', 10), OperationRefusedError, 'amount_exceeds_refundable', 422);
    });

    it('replays a full-only request with an amount after the remainder changed', async () => {
      const session = await kit.session('fullonly', 'authorized');
      const first = await run(session, 'capture', 1250, 'full-capture');
      const again = await run(session, 'capture', 1250, 'full-capture');
      assert.equal(again.replayed, true);
      assert.equal(again.response.operation.operationId, first.response.operation.operationId);
    });
  });

  describe('idempotency', () => {
    it('answers a retry with the stored operation and never asks the provider twice', async () => {
      const session = await kit.session('opstest', 'authorized');
      const first = await run(session, 'capture', 300, 'retry-key');
      const calls = partial.calls.length;
      const again = await run(session, 'capture', 300, 'retry-key');
      assert.equal(again.replayed, true);
      assert.deepEqual(again.response.operation, first.response.operation);
      assert.equal(partial.calls.length, calls);
      await rejectsWith(
        run(session, 'capture', 400, 'retry-key'),
        IdempotencyMismatchError,
        'idempotency_key_reused',
        422,
      );
      await rejectsWith(
        run(session, 'refund', 300, 'retry-key'),
        IdempotencyMismatchError,
        'idempotency_key_reused',
        422,
      );
    });

    it('tells a retry that arrives while the provider still works to wait', async () => {
      const session = await kit.session('opstest', 'authorized');
      partial.next.push('hold');
      const first = run(session, 'capture', undefined, 'held-key');
      while (partial.calls.at(-1)?.input.payment.providerRef !== `pay_${session.id}`) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await rejectsWith(
        run(session, 'capture', undefined, 'held-key'),
        OperationInProgressError,
        'operation_in_progress',
        409,
      );
      partial.release();
      assert.equal((await first).response.operation.status, 'succeeded');
      assert.equal((await run(session, 'capture', undefined, 'held-key')).replayed, true);
    });

    it('validates the key and the amount before anything else', async () => {
      const session = await kit.session('opstest', 'authorized');
      await rejectsWith(
        run(session, 'capture', undefined, ''),
        IdempotencyKeyError,
        'invalid_idempotency_key',
        400,
      );
      await rejectsWith(
        run(session, 'capture', undefined, 'k'.repeat(256)),
        IdempotencyKeyError,
        'invalid_idempotency_key',
        400,
      );
      for (const amount of [0, -5, 1.5]) {
        await rejectsWith(run(session, 'capture', amount), ValidationError, 'invalid_request', 400);
      }
      await rejectsWith(
        runOperation(kit.deps, 'no-such-session', 'capture', { idempotencyKey: key() }),
        NotFoundError,
        'session_not_found',
        404,
      );
      assert.deepEqual(await store.listOperations(session.id), []);
    });
  });

  describe('results that come later', () => {
    it('keeps a pending capture pending, and settles it from the notification', async () => {
      const session = await kit.session('opstest', 'authorized');
      partial.next.push('pending');
      const { response } = await run(session, 'capture');
      assert.deepEqual([response.operation.status, response.session.status], ['pending', 'authorized']);
      const providerRef = response.operation.providerRef!;
      assert.match(providerRef, /^capture_/);
      // Pending counts against the remainder.
      await rejectsWith(run(session, 'capture', 1), OperationRefusedError, 'amount_exceeds_authorized', 422);

      const parsed = await partial.parseNotification(
        partial.notification(session.providerRef!, {
          kind: 'capture',
          providerRef,
          status: 'succeeded',
          amount: 1250,
        }),
      );
      assert.equal(parsed.type, 'operation');
      if (parsed.type !== 'operation') return;
      const current = (await store.getSession(session.id))!;
      const applied = await applyOperationResult(kit.deps, current, parsed.operation);
      assert.equal(applied.outcome, 'applied');
      const view = await merchantView(kit.deps, (await store.getSession(session.id))!);
      assert.equal(view.status, 'succeeded');
      assert.deepEqual(view.amounts, { authorized: 1250, captured: 1250, refunded: 0 });
      assert.equal(view.operations[0]!.status, 'succeeded');
      // The same result again (a redelivery) changes nothing.
      assert.equal((await applyOperationResult(kit.deps, current, parsed.operation)).outcome, 'ignored');
    });

    it('settles a pending refund as failed from the notification, freeing its amount', async () => {
      const session = await kit.session('opstest', 'succeeded');
      partial.next.push('pending');
      const { response } = await run(session, 'refund');
      await rejectsWith(run(session, 'refund', 1), OperationRefusedError, 'amount_exceeds_refundable', 422);
      const applied = await applyOperationResult(kit.deps, session, {
        kind: 'refund',
        providerRef: response.operation.providerRef!,
        status: 'failed',
        raw: 'REFUND_FAILED',
      });
      assert.equal(applied.outcome === 'applied' && applied.operation.reason, 'REFUND_FAILED');
      assert.equal((await run(session, 'refund', 1)).response.operation.status, 'succeeded');
    });

    it('finds an operation by our own id for providers that use it as their reference', async () => {
      const session = await kit.session('opstest', 'authorized');
      partial.next.push('timeout');
      const { response } = await run(session, 'void');
      assert.equal(response.operation.status, 'pending');
      const applied = await applyOperationResult(kit.deps, session, {
        kind: 'void',
        providerRef: response.operation.operationId,
        status: 'succeeded',
        raw: 'VOIDED',
      });
      assert.equal(applied.outcome, 'applied');
      assert.equal((await store.getSession(session.id))!.status, 'cancelled');
    });

    it('leaves an operation whose outcome is unknown (timeout) pending, logged, and never asks again on retry', async () => {
      const session = await kit.session('opstest', 'authorized');
      partial.next.push('timeout');
      const first = await run(session, 'capture', 200, 'timeout-key');
      assert.equal(first.response.operation.status, 'pending');
      const line = kit.logs.find(
        (entry) => entry.sessionId === session.id && /outcome unknown/.test(entry.msg),
      );
      assert.ok(line, 'the unknown outcome is logged');
      const calls = partial.calls.length;
      const retry = await run(session, 'capture', 200, 'timeout-key');
      assert.deepEqual([retry.replayed, retry.response.operation.status], [true, 'pending']);
      assert.equal(partial.calls.length, calls);
    });

    it('ignores a result for no operation of ours, or of another kind', async () => {
      const session = await kit.session('opstest', 'succeeded');
      const refund = await run(session, 'refund', 100);
      const unknown = await applyOperationResult(kit.deps, session, {
        kind: 'refund',
        providerRef: 'refund_made_elsewhere',
        status: 'succeeded',
        raw: 'REFUNDED',
      });
      assert.equal(unknown.outcome, 'unknown');
      const otherKind = await applyOperationResult(kit.deps, session, {
        kind: 'capture',
        providerRef: refund.response.operation.providerRef!,
        status: 'failed',
        raw: 'X',
      });
      assert.equal(otherKind.outcome, 'unknown');
      assert.equal((await store.listOperations(session.id))[0]!.status, 'succeeded');
    });
  });

  describe('merchant view', () => {
    it('is the shopper view plus order id, amounts, operations and provider tries', async () => {
      // Routed: the first provider was down, the second took the payment.
      const id = newSessionId();
      const session = await store.createSession({
        id,
        orderId: `order-${id}`,
        provider: 'noops',
        method: 'card',
        amount: 1250,
        currency: 'EUR',
        description: 'Order 1250',
        reference: providerReference(id),
        expiresAt: new Date(Date.now() + 3_600_000),
        nextPollAt: null,
      });
      await store.startAttempt({ sessionId: session.id, attempt: 1, provider: 'noops' });
      await store.finishAttempt({
        sessionId: session.id,
        attempt: 1,
        outcome: 'unavailable',
        errorCode: 'provider_error',
      });
      await store.startAttempt({ sessionId: session.id, attempt: 2, provider: 'opstest' });
      await store.finishAttempt({ sessionId: session.id, attempt: 2, outcome: 'created' });
      await store.attachProviderPayment({
        sessionId: id,
        providerRef: `pay_${id}`,
        redirectUrl: `http://shop.test/checkout/return/${id}`,
        next: { type: 'none' },
      });
      await store.transition({ sessionId: session.id, to: 'authorized', source: 'initiate' });
      await run(session, 'capture', 400);
      const view = await merchantView(kit.deps, (await store.getSession(session.id))!);
      assert.doesNotThrow(() => MerchantSessionView.parse(view));
      assert.deepEqual(
        {
          sessionId: view.sessionId,
          orderId: view.orderId,
          provider: view.provider,
          amount: view.amount,
          method: view.method,
        },
        {
          sessionId: session.id,
          orderId: session.orderId,
          provider: 'opstest',
          amount: { value: 1250, currency: 'EUR' },
          method: 'card',
        },
      );
      assert.deepEqual(view.amounts, { authorized: 1250, captured: 400, refunded: 0 });
      assert.deepEqual(
        view.operations.map((operation) => [operation.kind, operation.status, operation.amount.value]),
        [['capture', 'succeeded', 400]],
      );
      assert.deepEqual(
        view.attempts.map((attempt) => [
          attempt.attempt,
          attempt.provider,
          attempt.outcome,
          attempt.errorCode,
        ]),
        [
          [1, 'noops', 'unavailable', 'provider_error'],
          [2, 'opstest', 'created', undefined],
        ],
      );
    });
  });
});
