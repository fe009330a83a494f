import type { ResolvedConfig } from '../config.js';

/**
 * The EEA, where PSD2 makes banks offer payment initiation: the picker's default when a PIS provider
 * does not say which countries it serves.
 */
const EEA: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IS',
  'IT',
  'LI',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'NO',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

/**
 * The countries the element's bank-country picker lists: config `bankCountries`, else the union of
 * what the PIS providers declare, else (a PIS provider without a list) the EEA. Empty without PIS.
 */
export function bankCountries(config: ResolvedConfig): readonly string[] {
  if (config.bankCountries) return config.bankCountries;
  const pis = config.providers.filter((adapter) => adapter.capabilities.methods.includes('pis'));
  if (pis.some((adapter) => !adapter.capabilities.countries)) return EEA;
  return [...new Set(pis.flatMap((adapter) => adapter.capabilities.countries ?? []))];
}

/**
 * The bank country `GET options` answers for: the asked one when listed, else the merchant's default
 * when listed, else none (the element then asks the shopper).
 */
export function bankCountry(
  countries: readonly string[],
  asked: string | undefined,
  fallback: string | undefined,
): string | undefined {
  if (asked && countries.includes(asked)) return asked;
  if (fallback && countries.includes(fallback)) return fallback;
  return undefined;
}

// Intl.DisplayNames per language, reused: each construction loads locale data.
const regionNames = new Map<string, Intl.DisplayNames>();

/** `countries` sorted by their names in `language` (the element shows them in this order). */
export function sortByName(countries: readonly string[], language: string): string[] {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    regionNames.set(language, names);
  }
  const collator = new Intl.Collator(language);
  return [...countries].sort((a, b) => collator.compare(names.of(a) ?? a, names.of(b) ?? b));
}
