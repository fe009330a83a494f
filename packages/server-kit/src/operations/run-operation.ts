import { type OperationKind, OperationRequest, type OperationResponse } from '@pay-checkout/contract';
import type { Logger } from 'pino';
import {
  isTransientProviderError,
  OperationInProgressError,
  OperationUnsupportedError,
  ProviderError,
  ValidationError,
} from '../errors.js';
import { IdempotencyMismatchError } from '../http/http-errors.js';
import type { OperationInput, OperationOutcome } from '../providers/provider.js';
import { zodMessage } from '../routes/zod-message.js';
import { parseIdempotencyKey } from '../sessions/idempotency.js';
import type { KitContext } from '../sessions/kit-context.js';
import { loadSession } from '../sessions/load-session.js';
import { requestHash } from '../sessions/request-hash.js';
import type { CheckoutStore, OperationRecord, SessionRecord } from '../store/store.js';
import { merchantView, toOperationView } from './merchant-view.js';
import { newOperationId } from './operation-id.js';
import { type SupportedOperation, supportedOperation } from './operation-support.js';
import { refusalError } from './refusal-messages.js';
import { settleOperation } from './settle.js';
import { checkOperation } from './settlement.js';

/** What a merchant asks for: `checkout.capture(id, {…})` or the body and key of the merchant route. */
export interface OperationOptions {
  /** Minor units of the session's currency; absent: the whole remainder. Not allowed on a void. */
  amount?: number;
  /** Required: a retry with the same key answers the same operation and never asks the provider twice. */
  idempotencyKey: string;
}

export interface OperationRunResult {
  /** True when the key named an operation made earlier (HTTP answers 200 instead of 201). */
  replayed: boolean;
  response: OperationResponse;
}

/**
 * Captures, voids or refunds (part of) a payment (issue 10, merchant operations). In order, and each
 * step answers before anything reaches the provider:
 * 1. the request itself (key, amount) and the session;
 * 2. the session's provider supports the operation (a part of the amount only where it says
 *    `partial`), else `operation_unsupported`, and nothing is stored;
 * 3. the store reserves it under the session's row lock with the amount rules of `settlement.ts`:
 *    a refusal answers with its own code, is logged and stores nothing; the same key answers the
 *    operation it made before (`replayed`);
 * 4. the provider is asked once, with our operation id as its idempotency key, and its answer is
 *    recorded: succeeded or failed now, or pending until its notification (`applyOperationResult`).
 *    When the provider's answer is lost (timeout, 5xx) nobody knows whether it acted: the operation
 *    stays pending, its amount stays reserved, and the provider's notification settles it.
 */
export async function runOperation(
  context: KitContext,
  sessionId: string,
  kind: OperationKind,
  options: OperationOptions,
): Promise<OperationRunResult> {
  const key = parseIdempotencyKey(options.idempotencyKey ?? null);
  const amount = parseAmount(kind, options.amount);
  const session = await loadSession(context, sessionId);
  const support = supportedOperation(context, session, kind);
  // No payment at the provider yet: nothing it could operate on (the amount rules would say the same).
  if (session.providerRef === undefined) throw refusalError('payment_not_final');
  if (amount !== undefined && support.extent === 'full') {
    await refusePart(context, session, kind, amount, key);
  }
  const log = context.log.child({ sessionId: session.id, provider: session.provider, kind });
  const reservation = await context.store.reserveOperation({
    id: newOperationId(),
    sessionId: session.id,
    kind,
    ...(amount === undefined ? {} : { amount }),
    idempotencyKey: key,
    // The request as the merchant made it: the same key with another kind or amount is another request.
    requestHash: requestHash({ kind, amount }),
  });
  switch (reservation.kind) {
    case 'mismatch':
      throw new IdempotencyMismatchError();
    case 'refused':
      log.info({ refusal: reservation.refusal, amount }, 'operation refused');
      throw refusalError(reservation.refusal);
    case 'replay':
      if (inFlight(context.store).has(reservation.operation.id)) throw new OperationInProgressError();
      return answer(context, reservation.operation, true);
    case 'reserved': {
      const operation = await send(context, session, support, reservation.operation, reservation.full, log);
      return answer(context, operation, false);
    }
    default: {
      const unexpected: never = reservation;
      throw new Error(`Unknown reservation ${JSON.stringify(unexpected)}`);
    }
  }
}

/** Operations whose provider call is running in this process: a retry meanwhile is told to wait. */
const IN_FLIGHT = new WeakMap<CheckoutStore, Set<string>>();

function inFlight(store: CheckoutStore): Set<string> {
  let ids = IN_FLIGHT.get(store);
  if (ids === undefined) {
    ids = new Set();
    IN_FLIGHT.set(store, ids);
  }
  return ids;
}

function parseAmount(kind: OperationKind, amount: number | undefined): number | undefined {
  if (amount !== undefined && kind === 'void') {
    throw new ValidationError('A void takes no amount: it releases the whole authorization.');
  }
  const parsed = OperationRequest.safeParse(amount === undefined ? {} : { amount });
  if (!parsed.success) throw new ValidationError(zodMessage(parsed.error));
  return parsed.data.amount;
}

/**
 * A provider that operates only on the whole remainder gets no part of it: an amount other than the
 * remainder is unsupported. A retry of an earlier request is left to the reservation, which replays it
 * (its amount was the remainder then, not now).
 */
async function refusePart(
  context: KitContext,
  session: SessionRecord,
  kind: OperationKind,
  amount: number,
  key: string,
): Promise<void> {
  const operations = await context.store.listOperations(session.id);
  if (operations.some((operation) => operation.idempotencyKey === key)) return;
  const whole = checkOperation(session, operations, { kind });
  // A refusal of the whole is the reservation's to answer, with its own code.
  if ('refusal' in whole || whole.amount === amount) return;
  throw new OperationUnsupportedError(
    kind,
    `${session.provider} takes only the whole remainder (${whole.amount}), not a part of it`,
  );
}

/** Asks the provider once and records what it said; answers the operation as recorded. */
async function send(
  context: KitContext,
  session: SessionRecord,
  support: SupportedOperation,
  operation: OperationRecord,
  full: boolean,
  log: Logger,
): Promise<OperationRecord> {
  if (session.providerRef === undefined) throw new Error('send() needs a session with a provider payment');
  const input: OperationInput = {
    payment: {
      providerRef: session.providerRef,
      reference: session.reference,
      ...(session.providerData === undefined ? {} : { providerData: session.providerData }),
    },
    operationId: operation.id,
    amount: { value: operation.amount, currency: operation.currency },
    full,
  };
  const flying = inFlight(context.store);
  flying.add(operation.id);
  try {
    let outcome: OperationOutcome;
    try {
      outcome = await support.call(input);
    } catch (error) {
      if (isTransientProviderError(error)) {
        log.warn(
          { err: error, operationId: operation.id },
          'operation outcome unknown (no answer from the provider): it stays pending until the provider reports it',
        );
        return operation;
      }
      if (error instanceof ProviderError) {
        log.warn({ err: error, operationId: operation.id }, 'provider refused the operation');
        const failed = await settleOperation(context, operation, {
          status: 'failed',
          reason: error.message,
          raw: error.code,
        });
        return failed.operation;
      }
      // An adapter bug: whether the provider acted is unknown, so the operation stays pending.
      log.error(
        { err: error, operationId: operation.id },
        'operation call failed unexpectedly; it stays pending',
      );
      throw error;
    }
    return await record(context, operation, outcome, log);
  } finally {
    flying.delete(operation.id);
  }
}

async function record(
  context: KitContext,
  operation: OperationRecord,
  outcome: OperationOutcome,
  log: Logger,
): Promise<OperationRecord> {
  switch (outcome.status) {
    case 'succeeded':
    case 'failed': {
      const settled = await settleOperation(context, operation, {
        status: outcome.status,
        ...(outcome.providerRef === undefined ? {} : { providerRef: outcome.providerRef }),
        ...(outcome.status === 'failed' ? { reason: outcome.reason ?? outcome.raw } : {}),
        raw: outcome.raw,
      });
      return settled.operation;
    }
    case 'pending': {
      log.info(
        { operationId: operation.id, providerRef: outcome.providerRef },
        'operation pending at the provider',
      );
      if (outcome.providerRef === undefined) return operation;
      return context.store.recordOperationRef(operation.id, outcome.providerRef);
    }
    default: {
      const unexpected: never = outcome.status;
      throw new Error(`Unknown operation outcome ${String(unexpected)}`);
    }
  }
}

async function answer(
  context: KitContext,
  operation: OperationRecord,
  replayed: boolean,
): Promise<OperationRunResult> {
  const session = await loadSession(context, operation.sessionId);
  return {
    replayed,
    response: { operation: toOperationView(operation), session: await merchantView(context, session) },
  };
}
