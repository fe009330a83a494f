import type { PaymentMethod } from '@pay-checkout/contract';
import type { ProviderAdapter } from '../providers/provider.js';
import type { CircuitBreakers } from './circuit-breakers.js';
import { type RoutingRule, validateRouting } from './routing-config.js';
import { ProviderNotAllowedError } from './routing-errors.js';

/** What a payment is, as far as routing cares. */
export interface RouteQuery {
  method: PaymentMethod;
  /** The shopper's country when known; rules with a country match only a payment that names it. */
  country?: string;
  currency: string;
  /** The order is a BaaS top-up: only adapters with `capabilities.topUp` can open it. */
  topUp?: boolean;
}

export interface CandidateQuery extends RouteQuery {
  /** A provider instance id the shopper or merchant asked for (`provider`): the route must include it. */
  pin?: string;
}

export interface RouteTable {
  /**
   * The providers to try for a payment, in order: those of the first routing rule that matches (else
   * every adapter offering the method, in config order), keeping only those whose capabilities serve
   * the payment. Circuits are not consulted: the caller skips a provider whose breaker refuses. With a
   * `pin`, just that provider, or `ProviderNotAllowedError` when it is not among them.
   */
  candidates(query: CandidateQuery): ProviderAdapter[];
  /** Whether some candidate's circuit is not open: `GET options` offers the method only then. */
  available(query: RouteQuery): boolean;
  /** The PIS provider a shopper in `country` would be routed to now (whose banks `GET options` shows). */
  pisProvider(query: Omit<RouteQuery, 'method'>): ProviderAdapter | undefined;
}

/**
 * Builds the route table of one checkout from the adapters (config order) and config `routing`, which
 * it validates against them (`ConfigError` naming the bad entry).
 */
export function createRouteTable(
  adapters: readonly ProviderAdapter[],
  routing: readonly RoutingRule[] | undefined,
  breakers: CircuitBreakers,
): RouteTable {
  validateRouting(routing, adapters);
  const byId = new Map(adapters.map((adapter) => [adapter.id, adapter]));
  const rules = (routing ?? []).map((rule) => ({
    ...rule,
    adapters: rule.providers.map((id) => byId.get(id)!),
  }));

  function configured(query: RouteQuery): readonly ProviderAdapter[] {
    const rule = rules.find(
      (r) =>
        r.method === query.method &&
        (r.country === undefined || r.country === query.country) &&
        (r.currency === undefined || r.currency === query.currency),
    );
    if (rule) return rule.adapters;
    return adapters.filter((adapter) => adapter.capabilities.methods.includes(query.method));
  }

  function routed(query: RouteQuery): ProviderAdapter[] {
    return configured(query).filter((adapter) => serves(adapter, query));
  }

  function firstUsable(query: RouteQuery): ProviderAdapter | undefined {
    return routed(query).find((adapter) => !breakers.get(adapter.id).isOpen());
  }

  return {
    candidates(query) {
      const list = routed(query);
      if (query.pin === undefined) return list;
      const pinned = list.find((adapter) => adapter.id === query.pin);
      if (!pinned) throw new ProviderNotAllowedError(query.pin, query.method);
      return [pinned];
    },
    available: (query) => firstUsable(query) !== undefined,
    pisProvider: (query) => firstUsable({ ...query, method: 'pis' }),
  };
}

/**
 * Whether an adapter's declared capabilities cover the payment. An unknown shopper country does not
 * exclude a country-limited adapter: the provider's own page then asks, as it would for anyone.
 */
function serves(adapter: ProviderAdapter, query: RouteQuery): boolean {
  const { methods, countries, currencies, topUp } = adapter.capabilities;
  if (!methods.includes(query.method)) return false;
  if (countries && query.country !== undefined && !countries.includes(query.country)) return false;
  if (currencies && !currencies.includes(query.currency)) return false;
  if (query.topUp && !topUp) return false;
  return true;
}
