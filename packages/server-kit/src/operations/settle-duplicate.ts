import { OperationUnsupportedError } from '../errors.js';
import type { KitContext } from '../sessions/kit-context.js';
import type { SessionRecord } from '../store/store.js';
import { runOperation } from './run-operation.js';

/** The idempotency key of the automatic void or refund of a duplicate: one per session, ever. */
export function duplicateOperationKey(sessionId: string): string {
  return `duplicate:${sessionId}`;
}

/**
 * Gives back a duplicate payment (a second payment of an order already paid, `duplicateOf` set) through
 * the operations ledger: an authorization is voided, a captured payment refunded in full, with the key
 * `duplicate:<sessionId>`, so retries (here, from the background dispatcher, from another instance) ask
 * the provider once. A provider without the operation leaves it to the merchant: the
 * `payment.duplicate` event already reported it. Answers what happened, for the log and the tests.
 */
export async function settleDuplicate(
  context: KitContext,
  session: SessionRecord,
): Promise<'voided' | 'refunded' | 'pending' | 'unsupported' | 'not_duplicate' | 'failed'> {
  if (session.duplicateOf === undefined) return 'not_duplicate';
  if (session.status !== 'authorized' && session.status !== 'succeeded') return 'not_duplicate';
  const kind = session.status === 'authorized' ? 'void' : 'refund';
  const log = context.log.child({ sessionId: session.id, duplicateOf: session.duplicateOf, kind });
  try {
    const { response } = await runOperation(context, session.id, kind, {
      idempotencyKey: duplicateOperationKey(session.id),
    });
    const { status } = response.operation;
    log.warn({ operation: response.operation.operationId, status }, 'duplicate payment given back');
    if (status === 'pending') return 'pending';
    if (status === 'failed') return 'failed';
    return kind === 'void' ? 'voided' : 'refunded';
  } catch (error) {
    if (error instanceof OperationUnsupportedError) {
      log.warn(
        { provider: session.provider },
        'duplicate payment reported to the merchant; its provider cannot give it back automatically',
      );
      return 'unsupported';
    }
    log.error({ err: error }, 'giving back a duplicate payment failed; retried later');
    return 'failed';
  }
}
