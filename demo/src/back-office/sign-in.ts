import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Everything of the back office lives under this path, and so do its cookies. */
export const BACK_OFFICE_PATH = '/back-office';

/** The sign-in cookie: a signed expiry, never the merchant key itself. */
export const SIGN_IN_COOKIE = 'back_office';

/** How long a sign-in lasts: a working day. */
const SIGN_IN_TTL_MS = 8 * 60 * 60_000;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether `candidate` is the merchant key, in constant time: both are hashed first, because
 * `timingSafeEqual` needs equal lengths and an early return on a length mismatch would tell how long
 * the key is (server-kit's merchant routes compare the same way).
 */
export function isMerchantKey(candidate: string, merchantKey: string): boolean {
  return timingSafeEqual(digest(candidate), digest(merchantKey));
}

function signature(merchantKey: string, payload: string): Buffer {
  return createHmac('sha256', merchantKey).update(`back-office sign-in:${payload}`).digest();
}

/**
 * A sign-in token `<expires ms>.<nonce>.<HMAC>`, keyed with the merchant key: the server keeps no
 * sign-in state, a restart with the same `MERCHANT_KEY` keeps people signed in, and a new key (or the
 * sandbox default made up at each start) signs everybody out.
 */
export function issueSignInToken(merchantKey: string, now = Date.now()): string {
  const payload = `${now + SIGN_IN_TTL_MS}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${signature(merchantKey, payload).toString('base64url')}`;
}

export function isValidSignInToken(token: string, merchantKey: string, now = Date.now()): boolean {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const [, expires, nonce, mac] = match;
  if (Number(expires) <= now) return false;
  return timingSafeEqual(Buffer.from(mac, 'base64url'), signature(merchantKey, `${expires}.${nonce}`));
}

/**
 * `Set-Cookie` for the sign-in: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * form or link carries it, which is the back office's CSRF protection), scoped to the back office,
 * and Secure when the shop is served over HTTPS.
 */
export function signInCookie(token: string, secure: boolean): string {
  return cookie(SIGN_IN_COOKIE, token, SIGN_IN_TTL_MS / 1000, secure);
}

export function signOutCookie(secure: boolean): string {
  return cookie(SIGN_IN_COOKIE, '', 0, secure);
}

/** A back-office cookie: HttpOnly, SameSite=Strict, `Path=/back-office`. */
export function cookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [
    `${name}=${value}`,
    `Path=${BACK_OFFICE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** One cookie's value from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
