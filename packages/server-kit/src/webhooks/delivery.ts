import type { WebhooksConfig } from '../config.js';
import { backoffDelay } from '../sessions/backoff.js';
import type { CheckoutStore, PaymentEventRecord } from '../store/store.js';
import { webhookHeaders } from './signature.js';

/** What one delivery attempt came to, for the log and the next try. */
export interface DeliveryOutcome {
  delivered: boolean;
  responseStatus?: number;
  error?: string;
}

/**
 * Sends one event to the merchant's webhook URL, signed (Standard Webhooks, `signature.ts`), and logs
 * the attempt with the receiver's answer. A 2xx delivers it; anything else (a non-2xx, a timeout, a
 * refused connection) schedules the next try with capped exponential backoff and jitter, forever at the
 * cap: the outbox row stays until the receiver takes it. Redirects are not followed (a 3xx is a failure),
 * so a delivery never reaches a URL the merchant did not configure.
 */
export async function deliverWebhook(
  store: CheckoutStore,
  config: Required<WebhooksConfig>,
  event: PaymentEventRecord,
  now = new Date(),
): Promise<DeliveryOutcome> {
  const body = JSON.stringify(event.body);
  const attempt = event.webhookAttempts + 1;
  const started = performance.now();
  let outcome: DeliveryOutcome;
  try {
    const response = await fetch(config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'pay-checkout-webhooks/1',
        ...webhookHeaders(config.secret, event.id, body, now),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    // The body is not read beyond what frees the connection: receivers answer as they like.
    await response.body?.cancel().catch(() => undefined);
    outcome = response.ok
      ? { delivered: true, responseStatus: response.status }
      : { delivered: false, responseStatus: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    outcome = { delivered: false, error: describe(error) };
  }
  await store.recordWebhookDelivery({
    eventId: event.id,
    attempt,
    url: config.url,
    ...(outcome.responseStatus === undefined ? {} : { responseStatus: outcome.responseStatus }),
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
    durationMs: performance.now() - started,
    delivered: outcome.delivered,
    ...(outcome.delivered
      ? {}
      : { nextAt: new Date(Date.now() + backoffDelay(attempt - 1, config.retryBaseMs, config.retryCapMs)) }),
  });
  return outcome;
}

/** A short, secret-free reason for the log (never the URL's query, which may hold a token). */
function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.name : 'error';
}
