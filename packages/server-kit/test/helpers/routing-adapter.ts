import type { BankOption } from '@pay-checkout/contract';
import type { ProviderAdapter, ProviderCapabilities } from '../../src/providers/provider.js';

export interface RoutingAdapterOptions
  extends Partial<Pick<ProviderCapabilities, 'countries' | 'currencies'>> {
  kind?: string;
  methods?: ProviderCapabilities['methods'];
  topUp?: boolean;
  sandbox?: boolean;
  /** Banks by country, as `banks(country)` answers them. */
  banks?: Record<string, BankOption[]>;
}

/**
 * A provider adapter that only declares itself (id, kind, capabilities) and lists banks: enough for the
 * route table, the breakers and `GET options`, which never open a payment. Every payment call throws,
 * so a routing test that reached one would fail loudly. `bankCalls` counts `banks()` per country.
 */
export function routingAdapter(
  id: string,
  options: RoutingAdapterOptions = {},
): ProviderAdapter & { bankCalls: string[] } {
  const unused = async (): Promise<never> => {
    throw new Error(`${id}: payment calls are not part of routing tests`);
  };
  const bankCalls: string[] = [];
  return {
    id,
    kind: options.kind ?? 'testpay',
    capabilities: {
      methods: options.methods ?? ['pis', 'card'],
      countries: options.countries,
      currencies: options.currencies,
      operations: {},
      notifications: 'hint',
      returnStyle: 'path',
      topUp: options.topUp,
    },
    sandbox: options.sandbox ?? true,
    redirectHosts: [`${id}.test`],
    initiate: unused,
    findByReference: unused,
    status: unused,
    parseNotification: unused,
    async banks(country) {
      bankCalls.push(country);
      return options.banks?.[country] ?? [];
    },
    bankCalls,
  };
}
