import { SESSION_STATUSES } from '@pay-checkout/contract';
import { RouteNotFoundError } from '../http/http-errors.js';
import type { RouteHandler } from '../http/router.js';
import { metrics } from '../metrics/metrics.js';
import { CallbackGauge, exposition, type MetricFamily } from '../metrics/prometheus.js';
import type { RouteDeps } from './route-deps.js';

/** The Prometheus text exposition format's media type. */
const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * `GET metrics` when the config says `metrics: true` (else 404, as for any unknown path): this
 * checkout's gauges (sessions by status, read from the store at each scrape; open SSE streams) and the
 * process-wide instruments of metrics/metrics.ts. No labels carry ids of sessions, orders or payments.
 */
export function metricsRoute(deps: RouteDeps): RouteHandler {
  const families: MetricFamily[] = [
    new CallbackGauge('pay_checkout_sessions', 'Sessions in the store by status.', async () => {
      const counts = await deps.store.countSessionsByStatus();
      return SESSION_STATUSES.map((status) => [{ status }, counts.get(status) ?? 0]);
    }),
    new CallbackGauge('pay_checkout_sse_connections', 'Open live status streams (SSE).', () => [
      [{}, deps.streams.size],
    ]),
    new CallbackGauge(
      'pay_checkout_requests_in_flight',
      'Requests being answered (this one included).',
      () => [[{}, deps.requestsInFlight?.() ?? 0]],
    ),
    metrics.providerCalls,
    metrics.notificationLag,
    metrics.idempotencyReplays,
    metrics.rateLimitRefusals.counter,
  ];
  return async ({ url }) => {
    if (deps.config.metrics !== true) throw new RouteNotFoundError(url.pathname);
    return new Response(await exposition(families), {
      status: 200,
      headers: { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store' },
    });
  };
}
