import { createHmac, timingSafeEqual } from 'node:crypto';
import { SandboxError } from '../../shared/http/errors.js';

/**
 * The sandbox-only notification signature. Real ConnectPay `notificationUrl` callbacks are NOT signed
 * (packages/sandbox/README.md, ConnectPay's wire): receivers must treat them as hints and re-fetch the payment. The sandbox signs
 * anyway so that tests can prove a callback came from it. Scheme (stripe-like, and the only place it lives):
 *
 *   X-Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(notificationSecret, t + '.' + rawBody)>
 */
export const NOTIFICATION_SIGNATURE_HEADER = 'x-sandbox-signature';

/** Default window in which a signed timestamp is accepted, either side of now. */
export const NOTIFICATION_TOLERANCE_SECONDS = 300;

/** Raised by `verifyNotification`; the message says which check failed. */
export class NotificationSignatureError extends SandboxError {
  constructor(message: string) {
    super('invalid_signature', 401, message);
  }
}

function hmacHex(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/** The `X-Sandbox-Signature` header value for `rawBody` (also the `signTestPayload` of our tests). */
export function signNotification(input: { rawBody: string; secret: string; timestamp?: number }): string {
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  return `t=${timestamp},v1=${hmacHex(input.secret, timestamp, input.rawBody)}`;
}

/**
 * Verifies a sandbox notification: parses the header, checks the timestamp window, compares the HMAC in
 * constant time. Returns the signed timestamp; throws `NotificationSignatureError` with a distinct message
 * per failure. Pass the raw body exactly as received (not re-serialised JSON).
 */
export function verifyNotification(input: {
  rawBody: string;
  header: string | null | undefined;
  secret: string;
  toleranceSeconds?: number;
  now?: () => number;
}): { timestamp: number } {
  if (!input.header) throw new NotificationSignatureError('The X-Sandbox-Signature header is missing.');
  const parts = new Map<string, string[]>();
  for (const item of input.header.split(',')) {
    const at = item.indexOf('=');
    if (at <= 0) continue;
    const key = item.slice(0, at).trim();
    parts.set(key, [...(parts.get(key) ?? []), item.slice(at + 1).trim()]);
  }
  const timestampText = parts.get('t')?.[0];
  const signatures = parts.get('v1') ?? [];
  if (!timestampText || !/^\d+$/.test(timestampText)) {
    throw new NotificationSignatureError('The X-Sandbox-Signature header has no valid timestamp (t=).');
  }
  if (signatures.length === 0) {
    throw new NotificationSignatureError('The X-Sandbox-Signature header has no v1 signature.');
  }
  const timestamp = Number(timestampText);
  const nowSeconds = Math.floor((input.now?.() ?? Date.now()) / 1000);
  const tolerance = input.toleranceSeconds ?? NOTIFICATION_TOLERANCE_SECONDS;
  if (Math.abs(nowSeconds - timestamp) > tolerance) {
    throw new NotificationSignatureError(`The signed timestamp is more than ${tolerance} s away from now.`);
  }
  const expected = Buffer.from(hmacHex(input.secret, timestamp, input.rawBody), 'hex');
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new NotificationSignatureError('No v1 signature matches the body and the secret.');
  return { timestamp };
}
