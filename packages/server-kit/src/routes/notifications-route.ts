import { isFinalStatus } from '@pay-checkout/contract';
import { NotFoundError, ValidationError } from '../errors.js';
import { readBodyLimited } from '../http/body.js';
import { clientAddress } from '../http/client-address.js';
import { jsonResponse } from '../http/json.js';
import { rateLimiterFor } from '../http/rate-limit.js';
import type { RouteHandler } from '../http/router.js';
import { assertStorableText, textProblem } from '../http/safe-input.js';
import { metrics } from '../metrics/metrics.js';
import { applyOperationResult } from '../operations/apply-operation-result.js';
import type { ParsedNotification } from '../providers/provider.js';
import { applyProviderStatus } from '../sessions/apply-status.js';
import { cappedHintPayload, HintCoalescer } from '../sessions/hint-coalescer.js';
import { reconcileSession } from '../sessions/reconcile.js';
import type { NotificationInput, SessionRecord } from '../store/store.js';
import type { RouteDeps } from './route-deps.js';

/** Provider notifications are small JSON documents; 64 KiB is generous. */
const NOTIFICATION_BODY_LIMIT = 64 * 1024;

const RECEIVED = { received: true };

/**
 * `POST notifications/:provider`, by provider instance id. The raw bytes are read (size-limited,
 * before any parsing) and handed to the adapter, which verifies them exactly as the provider signs (a
 * mismatch throws `SignatureError` → 401 and nothing is stored) and says what they are about:
 * - a status: signed → applied, its inbox row in the same transaction (dedupe); a hint (ConnectPay) →
 *   the kit re-fetches the payment with its own credentials (repeats coalesced per payment, the inbox
 *   row kept for audit), so a forged callback can change nothing the provider would not confirm;
 * - an operation result (capture, void, refund; refunds reported as child payments name their parent):
 *   settles the ledger entry;
 * - not ours: recorded for audit.
 * Answered 200 `{received: true}` every time, so providers stop retrying; except when `onPaymentEvent`
 * throws for one of the session's events (500: the provider's redelivery is the retry).
 */
export function notificationsRoute(deps: RouteDeps): RouteHandler {
  // Bounded (docs/reliability.md 22): a budget per client, and one re-fetch per payment per interval.
  const limiter = rateLimiterFor(
    deps.config.rateLimit?.notifications,
    'notifications',
    deps.config.rateLimit?.exemptLoopback,
  );
  const hints = new HintCoalescer(deps.config.rateLimit?.hintIntervalMs ?? 1000);
  return async ({ request, params }) => {
    const received = performance.now();
    limiter?.take(clientAddress(request, deps.config.rateLimit?.trustedProxies));
    const adapter = deps.providersById.get(params.provider);
    if (!adapter) throw new NotFoundError('provider_not_found', 'No such provider.');
    const raw = await readBodyLimited(request, NOTIFICATION_BODY_LIMIT, deps.config.bodyTimeoutMs);
    const signed = adapter.capabilities.notifications === 'signed';
    // An unsigned body proves nothing: the inbox keeps a capped copy, never 60 KiB per forged hint.
    const payload = signed ? storablePayload(raw) : cappedHintPayload(storablePayload(raw));
    const parsed = await adapter.parseNotification(raw, request.headers);
    if (parsed.type !== 'ignore') assertStorableText(parsed.providerRef, 'The payment id', 200);
    assertStorableText(parsed.notificationId, 'The notification id', 200);
    const log = deps.log.child({ provider: adapter.id });
    if (parsed.type === 'ignore') {
      const { duplicate } = await deps.store.recordNotification({
        provider: adapter.id,
        notificationId: parsed.notificationId,
        payload,
      });
      if (!duplicate)
        log.info({ why: parsed.reason }, 'notification not about one of our payments; recorded');
      return jsonResponse(200, RECEIVED);
    }
    const session = await deps.store.findByProviderRef(adapter.id, parsed.providerRef);
    const notification: NotificationInput = {
      provider: adapter.id,
      notificationId: parsed.notificationId,
      sessionId: session?.id,
      payload,
    };
    if (!session) {
      // Genuine or not, it names no payment of ours (or one not attached yet): keep it when signed.
      if (adapter.capabilities.notifications === 'signed') await deps.store.recordNotification(notification);
      log.info('notification for an unknown payment');
      return jsonResponse(200, RECEIVED);
    }
    const applied = await handleForSession(deps, parsed, session, notification, signed, hints);
    // GET metrics: received → the change it carried committed (re-fetch included for unsigned hints).
    if (applied)
      metrics.notificationLag.observe(
        { provider: adapter.kind, instance: adapter.id },
        (performance.now() - received) / 1000,
      );
    // The fulfilment hook, awaited before the acknowledgement: a throw answers 500, the provider
    // redelivers, and that delivery (a duplicate in the inbox, so nothing else happens) runs the
    // events still pending again.
    await deps.events.runHooks(session.id);
    return jsonResponse(200, RECEIVED);
  };
}

async function handleForSession(
  deps: RouteDeps,
  parsed: Exclude<ParsedNotification, { type: 'ignore' }>,
  session: SessionRecord,
  notification: NotificationInput,
  signed: boolean,
  hints: HintCoalescer,
): Promise<boolean> {
  const log = deps.log.child({ provider: notification.provider, sessionId: session.id });
  if (parsed.type === 'operation') {
    const { duplicate } = await deps.store.recordNotification(notification);
    if (duplicate) return false;
    if (!signed) {
      // An unsigned operation report proves nothing; the merchant view re-reads on the next look.
      log.info({ kind: parsed.operation.kind }, 'unsigned operation notification recorded, not applied');
      return false;
    }
    const outcome = await applyOperationResult(deps, session, parsed.operation);
    log.info({ kind: parsed.operation.kind, outcome }, 'operation notification handled');
    return false;
  }
  if (parsed.status && signed) {
    const result = await applyProviderStatus(deps, session, parsed.status, 'notification', notification);
    log.info({ outcome: result.outcome }, 'signed notification handled');
    return result.outcome === 'applied';
  }
  const admitted = hints.admit(`${notification.provider}:${session.id}`);
  if (admitted.kind === 'coalesced') {
    // Another hint for this payment re-fetched moments ago; one more look when its interval ends.
    if (admitted.trailAt && !isFinalStatus(session.status)) trailingLook(deps, session.id, admitted.trailAt);
    return false;
  }
  // A hint's inbox row is audit only, never a reason to skip the look: it is written before the
  // re-fetch, so it says "received", not "handled". An instance SIGKILLed mid-re-fetch leaves the row
  // behind, and the provider's redelivery (or the other copy of a duplicated notification, answered on
  // another instance meanwhile) must still re-fetch, or the change waits for the poller's backoff (the
  // load test's late final, bench/load). Re-fetches stay bounded by the coalescer above, and a final
  // session costs none (reconcileSession returns at once).
  await deps.store.recordNotification(notification);
  try {
    const current = await reconcileSession(deps, session, 'notification');
    return current.status !== session.status;
  } catch (error) {
    // The provider is unreachable right now: the poller looks again soon.
    log.warn({ err: error }, 're-fetch after a notification failed; the poller will retry');
    await deps.store.schedulePoll(session.id, new Date(), session.pollAttempts).catch(() => undefined);
    return false;
  }
}

/**
 * The one re-fetch for the hints a coalesced interval held back, at its end. Its change is applied as
 * the poller's would be (source `reconcile`: the fulfilment hook runs from the dispatcher, since no
 * notification request is waiting to run it). A failure makes the session due for the poller at once,
 * as a failed re-fetch of an admitted hint does: those hints were acknowledged, so nobody redelivers
 * them, and the session's own poll may be minutes away on its backoff.
 */
function trailingLook(deps: RouteDeps, sessionId: string, at: Date): void {
  const look = async () => {
    const session = await deps.store.getSession(sessionId);
    if (!session) return;
    try {
      await reconcileSession(deps, session, 'reconcile');
    } catch (error) {
      deps.log.warn(
        { sessionId, err: error },
        're-fetch after coalesced hints failed; the poller will retry',
      );
      await deps.store.schedulePoll(sessionId, new Date(), session.pollAttempts);
    }
  };
  const timer = setTimeout(
    () => {
      look().catch((error: unknown) =>
        deps.log.warn({ sessionId, err: error }, 'trailing look after coalesced hints failed'),
      );
    },
    Math.max(0, at.getTime() - Date.now()),
  );
  // Never keeps a process alive on its own.
  timer.unref();
}

/**
 * The body as the text the inbox stores: UTF-8 without NUL (a PostgreSQL `text` cannot hold one), else
 * 400 before the adapter sees it. No provider signs bytes like these.
 */
function storablePayload(raw: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ValidationError('The notification body is not UTF-8 text.');
  }
  const problem = textProblem(text);
  if (problem) throw new ValidationError(`The notification body ${problem}.`);
  return text;
}
