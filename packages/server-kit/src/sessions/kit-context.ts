import type { PaymentMethod } from '@pay-checkout/contract';
import type { Logger } from 'pino';
import type { ResolvedConfig } from '../config.js';
import type { ProviderAdapter } from '../providers/provider.js';
import type { CheckoutStore } from '../store/store.js';

/** What every route and background task of one `createCheckout` instance shares. */
export interface KitContext {
  config: ResolvedConfig;
  store: CheckoutStore;
  log: Logger;
  /** Adapters by registry name (`POST notifications/:provider`). */
  providersByName: ReadonlyMap<string, ProviderAdapter>;
  /** Adapters by instance id: what a session's `provider` names (merchant operations). */
  providersById: ReadonlyMap<string, ProviderAdapter>;
  /** The first adapter that offers a method (DESIGN.md: the first provider is the default). */
  providerFor(method: PaymentMethod): ProviderAdapter | undefined;
}

export function createKitContext(config: ResolvedConfig, store: CheckoutStore, log: Logger): KitContext {
  const providersByName = new Map(config.providers.map((adapter) => [adapter.name, adapter]));
  return {
    config,
    store,
    log,
    providersByName,
    providersById: new Map(config.providers.map((adapter) => [adapter.id, adapter])),
    providerFor: (method) =>
      config.providers.find((adapter) => adapter.capabilities.methods.includes(method)),
  };
}
