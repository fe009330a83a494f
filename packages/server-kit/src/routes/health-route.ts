import { jsonResponse } from '../http/json.js';
import type { RouteHandler } from '../http/router.js';
import type { ProviderHealth } from '../routing/circuit-breakers.js';
import type { RouteDeps } from './route-deps.js';

/**
 * How long `GET health` waits for the store's ping: a load balancer's probe must get an answer well
 * inside its own timeout, and a database that takes longer than this is down for a shopper too.
 */
export const STORE_PING_TIMEOUT_MS = 1000;

export type StoreHealth = 'ok' | 'down';

/**
 * `GET health`: for load balancers and dashboards. `{status, store, providers: {<instance id>:
 * {kind, circuit, …}}}`. 503 when the store does not answer a ping within `STORE_PING_TIMEOUT_MS`
 * (`status: 'down'`: nothing can be stored, so nothing can be paid), or when every circuit is open
 * (`status: 'degraded'`: this instance cannot open a session); else 200 `ok`. No secrets, no
 * payment data.
 */
export function healthRoute(deps: RouteDeps): RouteHandler {
  return async () => {
    const store = await pingStore(deps);
    const health = deps.breakers.health();
    const anyUp = health.providers.some((provider) => provider.circuit !== 'open');
    const status = store === 'down' ? 'down' : anyUp ? 'ok' : 'degraded';
    const providers: Record<string, Omit<ProviderHealth, 'id'>> = {};
    for (const { id, ...rest } of health.providers) providers[id] = rest;
    return jsonResponse(
      status === 'ok' ? 200 : 503,
      { status, store, providers },
      { 'cache-control': 'no-store' },
    );
  };
}

/** A `SELECT 1` bounded by the ping timeout; a failure is logged (its message only) and reported as down. */
async function pingStore(deps: RouteDeps): Promise<StoreHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${STORE_PING_TIMEOUT_MS} ms`)),
      STORE_PING_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([deps.store.ping(), timeout]);
    return 'ok';
  } catch (error) {
    deps.log.warn({ why: error instanceof Error ? error.message : String(error) }, 'store ping failed');
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
