import { NotFoundError } from '../errors.js';
import { readBodyLimited } from '../http/body.js';
import { jsonResponse } from '../http/json.js';
import type { RouteHandler } from '../http/router.js';
import { applyProviderStatus } from '../sessions/apply-status.js';
import { reconcileSession } from '../sessions/reconcile.js';
import type { RouteDeps } from './route-deps.js';

/** Provider notifications are small JSON documents; 64 KiB is generous (RELIABILITY.md 9). */
const NOTIFICATION_BODY_LIMIT = 64 * 1024;

/**
 * `POST notifications/:provider`. The raw bytes are read (size-limited, before any parsing) and
 * handed to the adapter, which verifies them exactly as the provider signs (a mismatch throws
 * `SignatureError` → 401 and nothing is stored). Then:
 * - signed: the status it carries is applied, its inbox row in the same transaction (dedupe);
 * - unsigned (ConnectPay): only a hint. Its inbox row dedupes repeats; the kit re-fetches the payment
 *   with its own credentials and applies what the provider's API says, so a forged callback can
 *   change nothing the provider would not confirm.
 * Answered 200 `{received: true}` either way, so providers stop retrying.
 */
export function notificationsRoute(deps: RouteDeps): RouteHandler {
  return async ({ request, params }) => {
    const adapter = deps.providersByName.get(params.provider);
    if (!adapter) throw new NotFoundError('provider_not_found', 'No such provider.');
    const raw = await readBodyLimited(request, NOTIFICATION_BODY_LIMIT);
    const verified = await adapter.verifyNotification(raw, request.headers);
    const session = await deps.store.findByProviderRef(adapter.name, verified.providerRef);
    const notification = {
      provider: adapter.name,
      notificationId: verified.notificationId,
      sessionId: session?.id,
      payload: new TextDecoder().decode(raw),
    };
    const log = deps.log.child({ provider: adapter.name, sessionId: session?.id });
    if (verified.status) {
      if (!session) {
        // Signed, so genuine, but not ours (or not yet attached): keep it for audit.
        await deps.store.recordNotification(notification);
        log.info('signed notification for an unknown payment recorded');
      } else {
        const result = await applyProviderStatus(
          deps,
          session,
          verified.status,
          'notification',
          notification,
        );
        log.info({ outcome: result.outcome }, 'signed notification handled');
      }
      return jsonResponse(200, { received: true });
    }
    if (!session) {
      // An unsigned hint about a payment we do not know: nothing to re-fetch, nothing worth storing.
      log.info('notification hint for an unknown payment ignored');
      return jsonResponse(200, { received: true });
    }
    const { duplicate } = await deps.store.recordNotification(notification);
    if (duplicate) return jsonResponse(200, { received: true });
    try {
      await reconcileSession(deps, session, 'notification');
    } catch (error) {
      // The provider is unreachable right now: the poller looks again soon.
      log.warn({ err: error }, 're-fetch after a notification failed; the poller will retry');
      await deps.store.schedulePoll(session.id, new Date(), session.pollAttempts).catch(() => undefined);
    }
    return jsonResponse(200, { received: true });
  };
}
