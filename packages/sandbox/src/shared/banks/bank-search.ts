/**
 * Bank search as the shoppers use it on every stage's bank page: case- and diacritic-insensitive
 * substring search on the name (so "siauliu" finds "Šiaulių" and "slaski" finds "Śląski"), or an exact
 * BIC.
 */

// Letters that Unicode does not decompose into base letter + mark, so NFD alone would keep them.
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ß: 'ss', ø: 'o', æ: 'ae', đ: 'd', œ: 'oe' };

export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łßøæđœ]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

/** The banks whose name contains `query` (folded) or whose BIC is `query`; an empty query keeps all. */
export function matchBanks<Bank extends { name: string; bic?: string }>(
  banks: readonly Bank[],
  query: string,
): Bank[] {
  const needle = foldForSearch(query.trim());
  if (needle === '') return [...banks];
  return banks.filter(
    (bank) => foldForSearch(bank.name).includes(needle) || bank.bic?.toLowerCase() === needle,
  );
}
