import type { ProviderAdapter, ProviderSessionInput } from '../../src/providers/provider.js';

/** Wraps a real adapter and counts its calls (the provider's side is checked separately, in the sandbox). */
export function countingAdapter(inner: ProviderAdapter): {
  adapter: ProviderAdapter;
  calls: { initiate: number; findByReference: number; status: number };
  initiations: ProviderSessionInput[];
} {
  const calls = { initiate: 0, findByReference: 0, status: 0 };
  const initiations: ProviderSessionInput[] = [];
  const adapter: ProviderAdapter = {
    id: inner.id,
    kind: inner.kind,
    capabilities: inner.capabilities,
    sandbox: inner.sandbox,
    redirectHosts: inner.redirectHosts,
    initiate(input, signal) {
      calls.initiate++;
      initiations.push(input);
      return inner.initiate(input, signal);
    },
    findByReference(input, signal) {
      calls.findByReference++;
      return inner.findByReference(input, signal);
    },
    status(payment, signal) {
      calls.status++;
      return inner.status(payment, signal);
    },
    banks: (country, signal) => inner.banks(country, signal),
    parseNotification: (raw, headers) => inner.parseNotification(raw, headers),
  };
  return { adapter, calls, initiations };
}
