import type { OperationKind } from '@pay-checkout/contract';
import type { KitContext } from '../sessions/kit-context.js';
import type { OperationRecord, SessionRecord } from '../store/store.js';
import { settleOperation } from './settle.js';

/** An operation result as a provider notifies it (`ParsedNotification` of type `operation`). */
export interface NotifiedOperationResult {
  kind: OperationKind;
  /** The provider's id of the operation (or of the child payment a refund is reported as). */
  providerRef: string;
  status: 'succeeded' | 'failed';
  /** Minor units, when the provider says. */
  amount?: number;
  raw: string;
}

export type AppliedOperationResult =
  | { outcome: 'applied' | 'ignored'; operation: OperationRecord }
  /** No operation of ours matches (e.g. a refund made in the provider's own dashboard): logged only. */
  | { outcome: 'unknown' };

/**
 * Settles a pending operation from the provider's notification (for the notifications route). The
 * operation is found by the provider's id for it, or by our operation id for providers that use it as
 * their reference. A result for an operation already final changes nothing (`ignored`); a capture or
 * void that succeeded moves the session as when the provider answers at once.
 */
export async function applyOperationResult(
  context: KitContext,
  session: SessionRecord,
  result: NotifiedOperationResult,
): Promise<AppliedOperationResult> {
  const log = context.log.child({ sessionId: session.id, provider: session.provider, kind: result.kind });
  const operation = await findOperation(context, session, result.providerRef);
  if (operation === undefined || operation.kind !== result.kind) {
    log.warn(
      { providerRef: result.providerRef, status: result.status, found: operation?.kind },
      'operation result for no operation of ours: ignored',
    );
    return { outcome: 'unknown' };
  }
  if (result.amount !== undefined && result.amount !== operation.amount) {
    // The ledger keeps what was asked; the provider's figure is kept in the log for reconciliation.
    log.warn(
      { operationId: operation.id, amount: operation.amount, providerAmount: result.amount },
      'the provider reports another amount for this operation',
    );
  }
  return settleOperation(context, operation, {
    status: result.status,
    providerRef: result.providerRef,
    ...(result.status === 'failed' ? { reason: result.raw } : {}),
    raw: result.raw,
  });
}

async function findOperation(
  context: KitContext,
  session: SessionRecord,
  providerRef: string,
): Promise<OperationRecord | undefined> {
  const byRef = await context.store.findOperationByProviderRef(session.id, providerRef);
  if (byRef !== undefined) return byRef;
  const operations = await context.store.listOperations(session.id);
  return operations.find((operation) => operation.id === providerRef);
}
