import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureError, ValidationError } from '../../src/errors.js';
import type { ParsedNotification, ProviderStatus } from '../../src/providers/provider.js';
import { FakeProvider } from './fake-provider.js';

/** Test-only: the signing secret of the signed fake provider. */
export const SIGNED_SECRET = 'whsec_test_only_secret';
/** Signatures older or further ahead than this are refused (Stripe's default tolerance). */
export const TOLERANCE_SECONDS = 300;
export const SIGNATURE_HEADER = 'test-signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + '.' + rawBody)>`, the stripe-node / Standard
 * Webhooks scheme, so tests can sign their own payloads.
 */
export function signTestPayload(
  raw: string,
  timestamp = Math.floor(Date.now() / 1000),
  secret = SIGNED_SECRET,
): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * A test-only provider that signs its notifications (ConnectPay does not), to prove the kit's handling
 * of signed ones: verification over the exact raw bytes, constant-time comparison, a timestamp
 * tolerance window, and statuses trusted as-is once verified. Payload: `{"id", "paymentId", "status",
 * "reason"?}`.
 */
export class SignedFakeProvider extends FakeProvider {
  constructor() {
    super({ id: 'signedpay', redirectHost: 'pay.signed.test', methods: ['card'], notifications: 'signed' });
  }

  override async parseNotification(raw: Uint8Array, headers: Headers): Promise<ParsedNotification> {
    const header = headers.get(SIGNATURE_HEADER);
    if (!header) throw new SignatureError('No signature header.');
    const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
    const timestamp = Number(parts.t);
    if (!Number.isInteger(timestamp) || !parts.v1) throw new SignatureError('Malformed signature header.');
    const age = Math.floor(Date.now() / 1000) - timestamp;
    if (Math.abs(age) > TOLERANCE_SECONDS)
      throw new SignatureError('Timestamp outside the tolerance window.');
    const expected = createHmac('sha256', SIGNED_SECRET).update(`${timestamp}.`).update(raw).digest();
    const given = Buffer.from(parts.v1, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new SignatureError('Signature mismatch.');
    }
    let body: {
      id?: string;
      paymentId?: string;
      status?: ProviderStatus['status'];
      reason?: ProviderStatus['reason'];
    };
    try {
      body = JSON.parse(new TextDecoder().decode(raw));
    } catch (error) {
      throw new ValidationError('notification is not JSON', { cause: error });
    }
    if (!body.id || !body.paymentId || !body.status) throw new ValidationError('notification misses fields');
    return {
      type: 'status',
      providerRef: body.paymentId,
      notificationId: body.id,
      status: { status: body.status, reason: body.reason, raw: body.status },
    };
  }
}
