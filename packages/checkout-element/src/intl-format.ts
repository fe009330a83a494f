import type { Money } from '@pay-checkout/contract';

// Intl constructors load locale data and cost a millisecond or more each; renders reuse them.
const numberFormats = new Map<string, Intl.NumberFormat>();
const ownNames = new Map<string, string>();

/** Formats minor units in the shopper's language; the currency's own exponent comes from Intl. */
export function formatAmount(money: Money, language: string): string {
  const key = `${language}|${money.currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'currency', currency: money.currency });
    numberFormats.set(key, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.value / 10 ** digits);
}

/** A language's name in that language itself ("Deutsch", "العربية"), for the language picker. */
export function ownName(tag: string): string {
  let name = ownNames.get(tag);
  if (name === undefined) {
    try {
      const own = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
      name = own.charAt(0).toLocaleUpperCase(tag) + own.slice(1);
    } catch {
      name = tag;
    }
    ownNames.set(tag, name);
  }
  return name;
}
