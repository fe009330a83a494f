import type { Logger } from 'pino';
import type { ResolvedConfig } from '../config.js';
import type { ProviderAdapter } from '../providers/provider.js';
import { type CircuitBreakers, createCircuitBreakers } from '../routing/circuit-breakers.js';
import { createRouteTable, type RouteTable } from '../routing/route-table.js';
import type { CheckoutStore } from '../store/store.js';
import { PaymentEventDispatcher } from '../webhooks/dispatcher.js';

/** What every route and background task of one `createCheckout` instance shares. */
export interface KitContext {
  config: ResolvedConfig;
  store: CheckoutStore;
  log: Logger;
  /** Adapters by instance id (`POST notifications/:provider`, a session's `provider`). */
  providersById: ReadonlyMap<string, ProviderAdapter>;
  /** Which providers a payment may go to, in try order (config `routing`). */
  routes: RouteTable;
  /** One circuit breaker per provider instance; `checkout.health()` reads them. */
  breakers: CircuitBreakers;
  /** Hands payment events to `onPaymentEvent` and the merchant's webhook URL; gives duplicates back. */
  events: PaymentEventDispatcher;
}

export function createKitContext(config: ResolvedConfig, store: CheckoutStore, log: Logger): KitContext {
  const providersById = new Map(config.providers.map((adapter) => [adapter.id, adapter]));
  const breakers = createCircuitBreakers(config.providers, config.circuitBreaker);
  const context: KitContext = {
    config,
    store,
    log,
    providersById,
    routes: createRouteTable(config.providers, config.routing, breakers),
    breakers,
    // Set just below: the dispatcher needs the context it belongs to.
    events: undefined as unknown as PaymentEventDispatcher,
  };
  context.events = new PaymentEventDispatcher(context);
  return context;
}
