/**
 * The checks every stage's card form makes before anything reaches a scheme: Luhn, a future expiry,
 * a 3-digit CVC (the stages' test data: "CVV: any 3 digits; expiry: any future date"), a name.
 */

/** What the shopper typed into a card form. */
export interface CardInput {
  number: string;
  expiry: string; // "MM/YY" or "MM/YYYY"
  cvc: string;
  name: string;
}

export const CARD_ERRORS = [
  'invalid_card_number',
  'invalid_expiry',
  'card_expired',
  'invalid_cvc',
  'missing_name',
] as const;
export type CardError = (typeof CARD_ERRORS)[number];

export function isCardError(code: string): code is CardError {
  return (CARD_ERRORS as readonly string[]).includes(code);
}

export type CardCheck =
  | { ok: true; digits: string; brand: string; last4: string }
  | { ok: false; error: CardError };

/** Checks in the order the form shows the fields, and reports the first problem. */
export function checkCard(input: CardInput, now: Date): CardCheck {
  // Shoppers type numbers in groups; spaces and dashes are formatting, not content.
  const digits = input.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) return { ok: false, error: 'invalid_card_number' };
  const expiry = parseExpiry(input.expiry);
  if (!expiry) return { ok: false, error: 'invalid_expiry' };
  if (!isStillValid(expiry, now)) return { ok: false, error: 'card_expired' };
  if (!/^\d{3}$/.test(input.cvc.trim())) return { ok: false, error: 'invalid_cvc' };
  if (input.name.trim() === '') return { ok: false, error: 'missing_name' };
  return { ok: true, digits, brand: cardBrand(digits), last4: digits.slice(-4) };
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

/** "MM/YY" or "MM/YYYY" (spaces around the slash tolerated). */
export function parseExpiry(text: string): { month: number; year: number } | undefined {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const month = Number(match[1]);
  if (month < 1 || month > 12) return undefined;
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return { month, year };
}

/** A card is valid through the last day of its expiry month (UTC). */
function isStillValid(expiry: { month: number; year: number }, now: Date): boolean {
  const firstInstantAfter = Date.UTC(expiry.year, expiry.month, 1);
  return now.getTime() < firstInstantAfter;
}

export function cardBrand(digits: string): string {
  if (digits.startsWith('4')) return 'Visa';
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'Mastercard';
  if (two === 34 || two === 37) return 'American Express';
  return 'Card';
}
