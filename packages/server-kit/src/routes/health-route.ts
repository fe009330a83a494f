import { jsonResponse } from '../http/json.js';
import type { RouteHandler } from '../http/router.js';
import type { RouteDeps } from './route-deps.js';

/**
 * `GET health`: for load balancers and dashboards. 200 with each provider instance's circuit while
 * some provider can take payments; 503 when every circuit is open (this instance cannot open a session).
 * No secrets, no payment data.
 */
export function healthRoute(deps: RouteDeps): RouteHandler {
  return async () => {
    const health = deps.breakers.health();
    const anyUp = health.providers.some((provider) => provider.circuit !== 'open');
    return jsonResponse(
      anyUp ? 200 : 503,
      { status: anyUp ? 'ok' : 'degraded', ...health },
      {
        'cache-control': 'no-store',
      },
    );
  };
}
