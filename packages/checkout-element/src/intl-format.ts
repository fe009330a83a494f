import type { Money } from '@pay-checkout/contract';

/** Formats minor units in the shopper's language; the currency's own exponent comes from Intl. */
export function formatAmount(money: Money, language: string): string {
  const format = new Intl.NumberFormat(language, { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.value / 10 ** digits);
}

/** A language's name in that language itself ("Deutsch", "العربية"), for the language picker. */
export function ownName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}
