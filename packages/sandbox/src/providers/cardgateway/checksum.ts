/**
 * The Paymentz platform's MD5 checksums (packages/sandbox/README.md, "Card gateway stage"): lowercase hex of
 * the pipe-joined fields, salted with the merchant's secure key. Which fields, in which order, depends on
 * the call; each has its function here so the API and the tests cannot disagree.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function md5(...parts: string[]): string {
  return createHash('md5').update(parts.join('|'), 'utf8').digest('hex');
}

/** `POST …/payments`: `md5(memberId|secureKey|merchantTransactionId|amount)`. */
export function paymentChecksum(
  memberId: string,
  secureKey: string,
  merchantTransactionId: string,
  amount: string,
): string {
  return md5(memberId, secureKey, merchantTransactionId, amount);
}

/** CP and RF on `…/payments/{id}`: `md5(memberId|secureKey|paymentId|amount)`. */
export function amountOperationChecksum(
  memberId: string,
  secureKey: string,
  paymentId: string,
  amount: string,
): string {
  return md5(memberId, secureKey, paymentId, amount);
}

/** RV and IN on `…/payments/{id}`: `md5(memberId|secureKey|paymentId)`. */
export function paymentIdChecksum(memberId: string, secureKey: string, paymentId: string): string {
  return md5(memberId, secureKey, paymentId);
}

/** `POST …/inquiry` by merchant transaction id: `md5(memberId|secureKey|merchantTransactionId)`. */
export function inquiryChecksum(memberId: string, secureKey: string, merchantTransactionId: string): string {
  return md5(memberId, secureKey, merchantTransactionId);
}

/** A callback to `notificationUrl`: `md5(paymentId|merchantTransactionId|amount|shortStatus|secureKey)`. */
export function callbackChecksum(
  paymentId: string,
  merchantTransactionId: string,
  amount: string,
  shortStatus: string,
  secureKey: string,
): string {
  return md5(paymentId, merchantTransactionId, amount, shortStatus, secureKey);
}

/** Constant-time comparison of two hex checksums (case-insensitive, as MD5 hex may be sent upper-case). */
export function checksumsMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
