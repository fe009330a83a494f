import type { ProviderAdapter } from '../providers/provider.js';

/**
 * For PIS the shopper chose a bank in the first provider's list; a fallback provider may serve that
 * bank under another id. Banks are matched by BIC, the one identifier every provider shares: a
 * fallback is used only when it offers the same bank. Returns the fallback's bank id, or `undefined`
 * when it has no bank with that BIC (or the chosen bank has no BIC to match by).
 */
export async function sameBankAt(
  chosenAt: ProviderAdapter,
  fallback: ProviderAdapter,
  bank: string,
  country: string | undefined,
): Promise<string | undefined> {
  if (!country) return undefined;
  const chosen = (await chosenAt.banks(country)).find((option) => option.id === bank);
  const bic = chosen?.bic?.toUpperCase();
  if (!bic) return undefined;
  const match = (await fallback.banks(country)).find((option) => option.bic?.toUpperCase() === bic);
  return match?.id;
}
