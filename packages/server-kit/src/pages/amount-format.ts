import { currencyExponent } from '../money.js';

/**
 * `1250, 'EUR', 'de'` → `'12,50 €'`. Money is in minor units inside the kit; the exponent comes from the
 * same ISO 4217 lists that convert provider amounts, so JPY 1250 is ¥1,250 and KWD 1250 is KWD 1.250.
 */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return format.format(minor / 10 ** exponent);
}
