import type { AttemptView, MerchantSessionView, OperationView } from '@pay-checkout/contract';
import type { KitContext } from '../sessions/kit-context.js';
import { toSessionView } from '../sessions/view.js';
import type { AttemptRecord, OperationRecord, SessionRecord } from '../store/store.js';
import { settlementAmounts } from './settlement.js';

/**
 * `GET merchant/sessions/:id` and the `session` of every operation answer: the shopper's view of the
 * session, plus what the merchant alone may see (order id, settlement amounts, the operations ledger
 * and the provider tries).
 */
export async function merchantView(
  context: KitContext,
  session: SessionRecord,
): Promise<MerchantSessionView> {
  const [operations, attempts] = await Promise.all([
    context.store.listOperations(session.id),
    context.store.listAttempts(session.id),
  ]);
  return {
    ...toSessionView(session),
    orderId: session.orderId,
    amounts: settlementAmounts(session, operations),
    operations: operations.map(toOperationView),
    attempts: attempts.map(toAttemptView),
  };
}

export function toOperationView(operation: OperationRecord): OperationView {
  const view: OperationView = {
    operationId: operation.id,
    kind: operation.kind,
    status: operation.status,
    amount: { value: operation.amount, currency: operation.currency },
    createdAt: operation.createdAt.toISOString(),
    updatedAt: operation.updatedAt.toISOString(),
  };
  if (operation.providerRef !== undefined) view.providerRef = operation.providerRef;
  if (operation.reason !== undefined) view.reason = operation.reason;
  return view;
}

function toAttemptView(attempt: AttemptRecord): AttemptView {
  const view: AttemptView = {
    attempt: attempt.attempt,
    provider: attempt.provider,
    outcome: attempt.outcome,
    at: attempt.at.toISOString(),
  };
  if (attempt.errorCode !== undefined) view.errorCode = attempt.errorCode;
  return view;
}
