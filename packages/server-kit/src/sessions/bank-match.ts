import type { ProviderAdapter } from '../providers/provider.js';

/**
 * For PIS the shopper chose a bank from one provider's list (`GET options` shows the routed provider's
 * banks); a fallback provider may serve that bank under another id. Banks are matched by BIC, the one
 * identifier every provider shares: a fallback is used only when it offers the same bank. The BIC is
 * looked up in the lists of the route's providers (the bank may come from any of them, depending on
 * which circuit was open when the page loaded). Returns the fallback's own id for the bank, or
 * `undefined` when it has no bank with that BIC (or the chosen bank has no BIC to match by).
 */
export async function sameBankAt(
  route: readonly ProviderAdapter[],
  fallback: ProviderAdapter,
  bank: string,
  country: string | undefined,
): Promise<string | undefined> {
  if (!country) return undefined;
  const fallbackBanks = await fallback.banks(country);
  if (fallbackBanks.some((option) => option.id === bank)) return bank;
  let bic: string | undefined;
  for (const adapter of route) {
    if (adapter === fallback) continue;
    const chosen = (await adapter.banks(country).catch(() => [])).find((option) => option.id === bank);
    bic = chosen?.bic?.toUpperCase();
    if (bic) break;
  }
  if (!bic) return undefined;
  return fallbackBanks.find((option) => option.bic?.toUpperCase() === bic)?.id;
}
