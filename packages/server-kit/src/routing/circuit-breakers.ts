import type { ProviderAdapter } from '../providers/provider.js';
import {
  type CircuitBreaker,
  type CircuitBreakerOptions,
  type CircuitSnapshot,
  type CircuitState,
  createCircuitBreaker,
} from './circuit-breaker.js';

/** One provider instance in `checkout.health()` / `GET health`. */
export interface ProviderHealth {
  id: string;
  kind: string;
  circuit: CircuitState;
  consecutiveFailures: number;
  openedAt?: string;
  retryAt?: string;
}

export interface ProvidersHealth {
  /** In config order. */
  providers: ProviderHealth[];
}

/** The circuit breakers of one checkout, one per provider instance. */
export interface CircuitBreakers {
  /** The breaker of a configured provider instance; throws for an id that is not configured (a bug). */
  get(providerId: string): CircuitBreaker;
  health(): ProvidersHealth;
}

/** One breaker per adapter (by instance id), all with the same options and clock. */
export function createCircuitBreakers(
  adapters: readonly ProviderAdapter[],
  options: CircuitBreakerOptions = {},
): CircuitBreakers {
  const breakers = new Map(adapters.map((adapter) => [adapter.id, createCircuitBreaker(options)]));
  return {
    get(providerId) {
      const breaker = breakers.get(providerId);
      if (!breaker) throw new Error(`No circuit breaker for provider "${providerId}"`);
      return breaker;
    },
    health() {
      return {
        providers: adapters.map((adapter) => healthOf(adapter, breakers.get(adapter.id)!.state())),
      };
    },
  };
}

function healthOf(adapter: ProviderAdapter, snapshot: CircuitSnapshot): ProviderHealth {
  const health: ProviderHealth = {
    id: adapter.id,
    kind: adapter.kind,
    circuit: snapshot.state,
    consecutiveFailures: snapshot.consecutiveFailures,
  };
  if (snapshot.openedAt) health.openedAt = snapshot.openedAt;
  if (snapshot.retryAt) health.retryAt = snapshot.retryAt;
  return health;
}
