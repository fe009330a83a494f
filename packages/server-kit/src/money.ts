/**
 * Money is kept in minor units (integers) everywhere inside server-kit. These are the only two
 * conversions to and from the decimal strings providers and `resolveOrder` speak. ISO 4217 lists the
 * exponents; currencies not listed have two decimals.
 */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'UYI',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Number of decimals of a currency's minor unit. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/** `'12.50', 'EUR'` → `1250`. Throws on anything that is not a plain non-negative decimal with at most the currency's decimals. */
export function toMinorUnits(amount: string | number, currency: string): number {
  const exp = currencyExponent(currency);
  const text = typeof amount === 'number' ? amount.toFixed(exp) : amount.trim();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`Not a decimal amount: ${JSON.stringify(amount)}`);
  const [, whole, fraction = ''] = match;
  if (fraction.length > exp) throw new RangeError(`${currency} has ${exp} decimals; got ${text}`);
  const minor = Number(whole) * 10 ** exp + Number(fraction.padEnd(exp, '0') || '0');
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount out of range: ${text}`);
  return minor;
}

/** `1250, 'EUR'` → `'12.50'` (the decimal string providers expect). */
export function toDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`Not a minor-unit amount: ${minor}`);
  const exp = currencyExponent(currency);
  if (exp === 0) return String(minor);
  const text = String(minor).padStart(exp + 1, '0');
  return `${text.slice(0, -exp)}.${text.slice(-exp)}`;
}
