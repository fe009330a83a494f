import { createHmac, timingSafeEqual } from 'node:crypto';
import { PaymentEvent } from '@pay-checkout/contract';
import { SignatureError } from '../errors.js';

/**
 * Merchant webhooks are signed as Standard Webhooks specifies (https://www.standardwebhooks.com):
 * headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, space-separated when several), with a
 * secret written `whsec_<base64 key>`. Any Standard Webhooks library verifies them; `verifyWebhook`
 * below is ours, for receivers written with server-kit.
 */

const SECRET_PREFIX = 'whsec_';

/** How far a delivery's timestamp may be from the receiver's clock (replays of old deliveries are refused). */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** The HMAC key of a `whsec_…` secret (a bare base64 key is accepted too). */
export function webhookKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 16 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
    throw new TypeError('A webhook secret is "whsec_" followed by at least 16 bytes in base64.');
  }
  return key;
}

/** The `webhook-signature` value of one message. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', webhookKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The three headers of one delivery, for `body` sent at `now`. */
export function webhookHeaders(
  secret: string,
  id: string,
  body: string,
  now = new Date(),
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}

export interface VerifyWebhookOptions {
  /** Seconds a timestamp may differ from `now` (default 300). */
  toleranceSeconds?: number;
  now?: Date;
}

/**
 * Verifies a merchant webhook delivery and returns its event. `body` must be the raw bytes (or text) as
 * received, before any JSON parsing; `headers` a `Headers` or a plain object (node's `req.headers`).
 * A missing header, a timestamp outside the tolerance, or no matching `v1` signature (compared in
 * constant time) throws `SignatureError` (`invalid_signature`): answer 401 and do nothing.
 * Deduplicate on the returned event's `id` (= `webhook-id`): delivery is at least once.
 */
export function verifyWebhook(
  secret: string,
  headers: Headers | Record<string, string | string[] | undefined>,
  body: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): PaymentEvent {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = read('webhook-id');
  const timestamp = read('webhook-timestamp');
  const signatures = read('webhook-signature');
  if (!id || !timestamp || !signatures) throw new SignatureError('webhook headers missing');
  if (!/^\d{1,12}$/.test(timestamp)) throw new SignatureError('webhook timestamp is not a number');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - Number(timestamp)) > tolerance) {
    throw new SignatureError('webhook timestamp outside the tolerance');
  }
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  const expected = Buffer.from(signWebhook(secret, id, Number(timestamp), text).slice(3), 'base64');
  const matches = signatures.split(' ').some((candidate) => {
    const [version, mac] = candidate.split(',', 2);
    if (version !== 'v1' || mac === undefined) return false;
    const given = Buffer.from(mac, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new SignatureError('webhook signature does not match');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SignatureError(`webhook body is not JSON (${(error as Error).message})`);
  }
  const event = PaymentEvent.safeParse(parsed);
  if (!event.success || event.data.id !== id) throw new SignatureError('webhook body is not a payment event');
  return event.data;
}
