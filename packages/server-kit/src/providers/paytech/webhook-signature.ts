import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureError } from '../../errors.js';

/**
 * pay.tech signs each webhook with header `Signature` = HMAC-SHA256 of the raw JSON body, keyed with
 * the Shop Signing Key (packages/sandbox/README.md, "pay.tech", "Webhook SignatureAuth"). The encoding is not documented:
 * pay.tech's own `verify_webhook.py` accepts lowercase hex or base64, and so do we. pay.tech signs no
 * timestamp, so there is no tolerance window: a replayed webhook is the same bytes, and the kit's
 * notification inbox answers it as a duplicate without applying it twice.
 */
export const PAYTECH_SIGNATURE_HEADER = 'signature';

/** Verifies `Signature` over the exact bytes in constant time; a distinct `SignatureError` per failure. */
export function verifyPaytechSignature(raw: Uint8Array, header: string | null, signingKey: string): void {
  if (header === null || header.trim() === '') {
    throw new SignatureError('The pay.tech webhook has no Signature header.');
  }
  const value = header.trim();
  let given: Buffer;
  if (/^[0-9a-fA-F]{64}$/.test(value)) given = Buffer.from(value, 'hex');
  else if (/^[A-Za-z0-9+/]{43}=$/.test(value)) given = Buffer.from(value, 'base64');
  else throw new SignatureError('The pay.tech Signature header is neither a hex nor a base64 SHA-256 HMAC.');
  const expected = createHmac('sha256', signingKey).update(raw).digest();
  if (!timingSafeEqual(given, expected)) {
    throw new SignatureError('The pay.tech webhook signature does not match its body.');
  }
}

/** Signs a body as pay.tech does (lowercase hex), so tests can post webhooks of their own. */
export function signPaytechTestPayload(body: string | Uint8Array, signingKey: string): string {
  return createHmac('sha256', signingKey).update(body).digest('hex');
}
