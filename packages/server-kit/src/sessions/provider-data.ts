import type { ProviderData, ProviderSessionInput } from '../providers/provider.js';

/** What the kit seeded (the top-up target) stays; the adapter's own keys are added or win. */
export function mergeProviderData(
  seeded: ProviderData | undefined,
  fromAdapter: ProviderData | undefined,
): ProviderData | undefined {
  if (!seeded) return fromAdapter;
  if (!fromAdapter) return seeded;
  return { ...seeded, ...fromAdapter };
}

/** The top-up target `openSession` seeded into the session's provider data, if any. */
export function readTopUp(data: ProviderData | undefined): ProviderSessionInput['topUp'] {
  const topUp = data?.topUp;
  if (!topUp || typeof topUp !== 'object' || Array.isArray(topUp)) return undefined;
  if (typeof topUp.creditorIban !== 'string') return undefined;
  return {
    creditorIban: topUp.creditorIban,
    ...(typeof topUp.consumerId === 'string' ? { consumerId: topUp.consumerId } : {}),
  };
}
