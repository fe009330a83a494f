/**
 * pay.tech carries amounts as JSON numbers in major units (`11.12` = €11.12; packages/sandbox/README.md, "pay.tech"). The
 * stage keeps minor units and converts once, here, with the explicit lists of 0- and 3-decimal
 * currencies (ISO 4217).
 */

const ZERO_DECIMALS = new Set([
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
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
const THREE_DECIMALS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

export function exponentOf(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMALS.has(code)) return 0;
  if (THREE_DECIMALS.has(code)) return 3;
  return 2;
}

/** `19.99` EUR → 1999; undefined when the number has more decimals than the currency. */
export function toMinor(amount: number, currency: string): number | undefined {
  const scaled = amount * 10 ** exponentOf(currency);
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : undefined;
}

/** 1999 EUR → `19.99` (a number: JSON writes it as pay.tech does). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** exponentOf(currency);
}

/** `2030-12-25T10:11:12`: pay.tech's `created` / `updated` (UTC, seconds, no zone). */
export function wireTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** `2020-10-07T13:36:32.595+00:00`: the envelope's `timestamp`. */
export function envelopeTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}
