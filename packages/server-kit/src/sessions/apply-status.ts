import { isFinalStatus, type SessionStatus } from '@pay-checkout/contract';
import type { ProviderStatus } from '../providers/provider.js';
import type { EventSource, NotificationInput, SessionRecord, TransitionResult } from '../store/store.js';
import type { KitContext } from './kit-context.js';

/**
 * Moves a session to what the provider says, through the store's compare-and-set: forward only, and a
 * final status is final (a late contradictory answer is recorded, not applied; docs/reliability.md 7).
 * Once final, the session leaves the poller's queue.
 */
export async function applyProviderStatus(
  context: KitContext,
  session: SessionRecord,
  status: ProviderStatus,
  source: EventSource,
  notification?: NotificationInput,
): Promise<TransitionResult> {
  const result = await context.store.transition({
    sessionId: session.id,
    to: status.status,
    reason: status.reason,
    source,
    providerStatus: status.raw,
    notification,
  });
  if (result.outcome === 'applied') {
    logStatusChange(context, session.status, result.session, source, status.raw);
    if (isFinalStatus(result.session.status)) {
      await context.store.schedulePoll(session.id, null, result.session.pollAttempts);
    }
    // A notification's route runs the hooks itself, awaited, before it acknowledges.
    await context.events.afterChange(result.session, { hooks: source !== 'notification' });
  }
  return result;
}

/** The one log line of an applied status change, whichever store write applied it. */
export function logStatusChange(
  context: KitContext,
  from: SessionStatus,
  session: SessionRecord,
  source: EventSource,
  providerStatus: string,
): void {
  context.log.info(
    { sessionId: session.id, from, to: session.status, source, providerStatus },
    'session status changed',
  );
}
