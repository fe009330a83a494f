import type { BankOption } from '@pay-checkout/contract';
import { ValidationError } from '../errors.js';

/** How long a provider's bank list is reused: banks change rarely, and the element asks on every open. */
const BANKS_TTL_MS = 10 * 60 * 1000;

/**
 * An adapter's `banks(country)`: the country checked, the provider's list loaded once per country and
 * reused for ten minutes by every caller (concurrent ones share the one request), and a failed load
 * dropped at once so the next caller asks again. `load` reads the provider's own bank API.
 */
export function cachedBankList(
  load: (country: string, signal?: AbortSignal) => Promise<BankOption[]>,
  exampleCountry: string,
): (country: string, signal?: AbortSignal) => Promise<BankOption[]> {
  const cache = new Map<string, { expiresAt: number; banks: Promise<BankOption[]> }>();
  return (country, signal) => {
    const code = country.toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) {
      return Promise.reject(
        new ValidationError(`country must be an ISO 3166-1 alpha-2 code such as ${exampleCountry}`),
      );
    }
    const cached = cache.get(code);
    if (cached && cached.expiresAt > Date.now()) return cached.banks;
    const loaded = load(code, signal);
    cache.set(code, { expiresAt: Date.now() + BANKS_TTL_MS, banks: loaded });
    // A failed load must not be served from the cache for ten minutes.
    loaded.catch(() => {
      if (cache.get(code)?.banks === loaded) cache.delete(code);
    });
    return loaded;
  };
}
