/**
 * Fintecture's webhooks: on every status change of a session whose application has a webhook URL,
 * `POST` a form-encoded body (`session_id=…&status=…&provider=…&state=…&event=payment_session.status.…`,
 * Fintecture's webhook documentation) through the shared notifier, which retries a non-2xx answer with
 * backoff and applies the delay / duplicate / reorder knobs. Each attempt is signed afresh
 * (webhook-signature.ts): a new `Date` and `X-Request-ID`, the same body.
 */
import { createNotifier, type Notifier } from '../../shared/notifications/notifier.js';
import { type FintectureSession, isFinal } from './model.js';
import { fintectureTestApp } from './test-app.js';
import { signFintectureWebhook } from './webhook-signature.js';

/** The webhook body of a session's current status, form-encoded in a fixed field order. */
export function webhookBody(session: FintectureSession): string {
  const fields = new URLSearchParams();
  fields.set('session_id', session.id);
  fields.set('status', session.status);
  if (session.statusReason) fields.set('status_reason', session.statusReason);
  if (session.provider) fields.set('provider', session.provider);
  fields.set('state', session.state);
  fields.set('amount', session.amount);
  fields.set('currency', session.currency);
  fields.set('event', `payment_session.status.${session.status}`);
  return fields.toString();
}

export interface FintectureNotifier extends Notifier {
  /** Sends the session's current status to its application's webhook URL, if it has one. */
  statusChanged(session: FintectureSession): void;
}

export function createFintectureNotifier(options: {
  webhookUrlOf(appId: string): string | undefined;
  retryBaseMs?: number;
  random?: () => number;
}): FintectureNotifier {
  const notifier = createNotifier({
    retryBaseMs: options.retryBaseMs,
    random: options.random,
    headersFor: (notification, attempt, at) => ({
      ...signFintectureWebhook(notification.rawBody, fintectureTestApp, at),
      'user-agent': 'pay-sandbox-fintecture-webhooks',
      'x-sandbox-attempt': String(attempt),
    }),
  });
  return {
    ...notifier,
    statusChanged(session) {
      const url = options.webhookUrlOf(session.appId);
      if (!url) return;
      notifier.notify({
        paymentId: session.id,
        url,
        status: session.status,
        final: isFinal(session.status),
        rawBody: webhookBody(session),
        knobs: session.knobs,
      });
    },
  };
}
