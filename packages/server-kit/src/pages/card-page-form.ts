/**
 * The card page's form, checked on the server (the page's script checks the same as the shopper
 * types, but only this check counts): a Luhn-valid number of 12 to 19 digits, an expiry `MM/YY` (or
 * `MM/YYYY`) not in the past, a CVC of 3 or 4 digits, a name. The result names the fields in error and
 * keeps only what may be shown again: never the number, never the CVC.
 */
import type { CardDetails } from '../providers/cardgateway/card-entry.js';

export type CardField = 'number' | 'expiry' | 'cvc' | 'holder';
export type CardFieldError = 'number' | 'expiry' | 'expired' | 'cvc' | 'holder';

export type CardFormCheck =
  | { ok: true; card: CardDetails }
  | {
      ok: false;
      errors: Partial<Record<CardField, CardFieldError>>;
      /** What the page may fill in again: expiry and holder only. */
      kept: { expiry: string; holder: string };
    };

export function checkCardForm(form: URLSearchParams, now: Date): CardFormCheck {
  const number = (form.get('number') ?? '').replace(/[\s-]/g, '');
  const expiryText = (form.get('expiry') ?? '').trim().slice(0, 16);
  const cvc = (form.get('cvc') ?? '').trim();
  const holder = (form.get('holder') ?? '').trim().replace(/\s+/g, ' ');
  const errors: Partial<Record<CardField, CardFieldError>> = {};
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) errors.number = 'number';
  const expiry = parseExpiry(expiryText);
  if (!expiry) errors.expiry = 'expiry';
  else if (now.getTime() >= Date.UTC(expiry.year, expiry.month, 1)) errors.expiry = 'expired';
  if (!/^\d{3,4}$/.test(cvc)) errors.cvc = 'cvc';
  if (holder === '' || holder.length > 100) errors.holder = 'holder';
  if (Object.keys(errors).length > 0 || !expiry) {
    return { ok: false, errors, kept: { expiry: expiryText, holder: holder.slice(0, 100) } };
  }
  return {
    ok: true,
    card: {
      number,
      expiryMonth: String(expiry.month).padStart(2, '0'),
      expiryYear: String(expiry.year),
      cvc,
      holder,
    },
  };
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = Number(digits[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** `MM/YY`, `MM/YYYY`, `MMYY`, spaces around the slash tolerated. */
export function parseExpiry(text: string): { month: number; year: number } | undefined {
  const match = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(text);
  if (!match) return undefined;
  const month = Number(match[1]);
  if (month < 1 || month > 12) return undefined;
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return { month, year };
}

/** The scheme a number belongs to, for the page's brand hint. */
export function cardBrand(digits: string): 'Visa' | 'Mastercard' | 'American Express' | undefined {
  if (digits.startsWith('4')) return 'Visa';
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'Mastercard';
  if (two === 34 || two === 37) return 'American Express';
  return undefined;
}
