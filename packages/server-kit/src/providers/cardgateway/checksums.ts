/**
 * The card gateway's MD5 checksums (the Paymentz platform; packages/sandbox/README.md, "Card gateway stage"
 * notes): lowercase hex of the pipe-joined fields, salted with the merchant's secure key. MD5 is the
 * gateway's choice, not ours: it authenticates nothing a TLS connection does not already, and the
 * callback's checksum is only as strong as the secrecy of the key.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function md5(...parts: string[]): string {
  return createHash('md5').update(parts.join('|'), 'utf8').digest('hex');
}

/** `POST …/payments`: `md5(memberId|secureKey|merchantTransactionId|amount)`. */
export function paymentChecksum(
  memberId: string,
  key: string,
  merchantTransactionId: string,
  amount: string,
) {
  return md5(memberId, key, merchantTransactionId, amount);
}

/** CP and RF: `md5(memberId|secureKey|paymentId|amount)`. */
export function amountOperationChecksum(memberId: string, key: string, paymentId: string, amount: string) {
  return md5(memberId, key, paymentId, amount);
}

/** RV and IN: `md5(memberId|secureKey|paymentId)`. */
export function paymentIdChecksum(memberId: string, key: string, paymentId: string) {
  return md5(memberId, key, paymentId);
}

/** `POST …/inquiry` by merchant transaction id: `md5(memberId|secureKey|merchantTransactionId)`. */
export function inquiryChecksum(memberId: string, key: string, merchantTransactionId: string) {
  return md5(memberId, key, merchantTransactionId);
}

/** A callback: `md5(paymentId|merchantTransactionId|amount|transactionStatus|secureKey)`. */
export function callbackChecksum(
  fields: { paymentId: string; merchantTransactionId: string; amount: string; transactionStatus: string },
  key: string,
): string {
  return md5(fields.paymentId, fields.merchantTransactionId, fields.amount, fields.transactionStatus, key);
}

/** Constant-time comparison of hex checksums (MD5 hex may arrive upper-case). */
export function sameChecksum(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Signs a callback body as the gateway does, for tests: the fields with their `checksum` added
 * (in the manner of stripe-node's `generateTestHeaderString`).
 */
export function signCardGatewayCallback<
  Fields extends {
    paymentId: string;
    merchantTransactionId: string;
    amount: string;
    transactionStatus: string;
  },
>(fields: Fields, secureKey: string): Fields & { checksum: string } {
  return { ...fields, checksum: callbackChecksum(fields, secureKey) };
}
