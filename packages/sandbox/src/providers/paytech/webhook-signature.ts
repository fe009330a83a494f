/**
 * pay.tech's webhook signature (packages/sandbox/README.md, "pay.tech", "Webhook SignatureAuth"): header `Signature` =
 * HMAC-SHA256 of the raw JSON body, keyed with the Shop Signing Key. The output encoding is not
 * documented; the stage sends lowercase hex (our choice, README), and verification accepts hex or
 * base64, as pay.tech's own `verify_webhook.py` does.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const PAYTECH_SIGNATURE_HEADER = 'signature';

/** Lowercase hex HMAC-SHA256 of the exact body bytes. */
export function signPaytechWebhook(rawBody: string | Uint8Array, signingKey: string): string {
  return createHmac('sha256', signingKey).update(rawBody).digest('hex');
}

/** Constant-time check of a `Signature` value in hex or base64; false for anything else. */
export function verifyPaytechWebhook(
  rawBody: string | Uint8Array,
  signature: string,
  signingKey: string,
): boolean {
  const expected = createHmac('sha256', signingKey).update(rawBody).digest();
  const value = signature.trim();
  const given = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
