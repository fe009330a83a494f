import { isFinalStatus } from '@pay-checkout/contract';
import { IdempotencyInProgressError } from '../http/http-errors.js';
import type { SessionRecord, StoredResponse } from '../store/store.js';
import type { IdempotentResult } from './idempotency.js';
import type { KitContext } from './kit-context.js';
import { reconcileSession } from './reconcile.js';

/**
 * An Idempotency-Key whose provider outcome is unknown (a timeout, a lookup that failed) stays bound to
 * its session instead of being released (docs/reliability.md 20): releasing it let the retry open a
 * second session with a new reference, so a second provider payment (issue 14, finding 3). The key is
 * completed with this answer, a real 409 "in progress, retry" that also names the session; a retry that
 * finds it answers from that session (`answerFromBoundSession`).
 */
export function boundKeyResponse(sessionId: string): StoredResponse {
  const { code, message } = new IdempotencyInProgressError();
  return { status: 409, body: { error: { code, message }, sessionId } };
}

/** The session a stored answer binds its key to, when it is `boundKeyResponse`'s. */
export function boundSessionId(response: StoredResponse): string | undefined {
  if (response.status !== 409 || typeof response.body !== 'object' || response.body === null)
    return undefined;
  const { sessionId } = response.body as { sessionId?: unknown };
  return typeof sessionId === 'string' ? sessionId : undefined;
}

/** A payment the shopper can be sent to: one the provider named a page for (not `none`). */
export function hasShopperPage(session: SessionRecord): boolean {
  return session.providerRef !== undefined && session.next !== undefined && session.next.type !== 'none';
}

/**
 * The retry of a key bound to a session whose outcome was unknown. The session is reconciled first (a
 * lookup by our reference adopts the payment if the provider made it). Then: a payment with a page for
 * the shopper, or a final status, is the request's result (201, stored under the key for later
 * replays); anything else (no payment found yet, or one found without a page to send the shopper to)
 * is 409 `idempotency_in_progress` with Retry-After: never a second provider payment for the key.
 */
export async function answerFromBoundSession(
  context: KitContext,
  key: string,
  sessionId: string,
): Promise<IdempotentResult> {
  let session = await context.store.getSession(sessionId);
  if (session === undefined) throw new IdempotencyInProgressError();
  if (!isFinalStatus(session.status) && !hasShopperPage(session)) {
    try {
      session = await reconcileSession(context, session, 'reconcile');
    } catch (error) {
      context.log.warn({ sessionId, err: error }, 'reconciling a bound session failed; the poller retries');
    }
  }
  if (!isFinalStatus(session.status) && !hasShopperPage(session)) throw new IdempotencyInProgressError();
  const response: StoredResponse = {
    status: 201,
    body: {
      sessionId: session.id,
      redirectUrl: session.redirectUrl ?? `${context.config.publicUrl}/return/${session.id}`,
      status: session.status,
    },
  };
  await context.store.completeIdempotencyKey(key, response);
  return { response, replayed: true };
}
