import type { OperationKind, SessionStatus } from '@pay-checkout/contract';
import type { KitContext } from '../sessions/kit-context.js';
import type { OperationRecord } from '../store/store.js';

/**
 * Where a successful operation takes the shopper-facing status (forward only, so a second partial
 * capture of a session that already `succeeded` changes nothing): a capture makes an authorization a
 * payment, a void cancels it, a refund leaves the status alone (settlement lives in the amounts).
 */
const SESSION_AFTER: Record<OperationKind, SessionStatus | undefined> = {
  capture: 'succeeded',
  void: 'cancelled',
  refund: undefined,
};

/** The provider's final word on an operation, from its answer or from a notification. */
export interface OperationResult {
  status: 'succeeded' | 'failed';
  providerRef?: string;
  /** The provider's words for a failure. */
  reason?: string;
  /** The provider's own status word, kept in the session's event when the status moves. */
  raw: string;
}

/** Records an operation's result once, moving the session in the same write when it succeeded. */
export async function settleOperation(
  context: KitContext,
  operation: OperationRecord,
  result: OperationResult,
): Promise<{ outcome: 'applied' | 'ignored'; operation: OperationRecord }> {
  const sessionTo = result.status === 'succeeded' ? SESSION_AFTER[operation.kind] : undefined;
  const settled = await context.store.settleOperation({
    operationId: operation.id,
    status: result.status,
    ...(result.providerRef === undefined ? {} : { providerRef: result.providerRef }),
    ...(result.reason === undefined ? {} : { reason: result.reason }),
    ...(sessionTo === undefined ? {} : { sessionTo }),
    providerStatus: result.raw,
  });
  context.log.info(
    {
      sessionId: operation.sessionId,
      operationId: operation.id,
      kind: operation.kind,
      status: settled.operation.status,
      outcome: settled.outcome,
      providerStatus: result.raw,
    },
    'operation settled',
  );
  return settled;
}
