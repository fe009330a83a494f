import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  signNotification,
  verifyNotification,
} from '../../src/providers/connectpay/notification-signature.js';

describe('the sandbox notification signature (X-Sandbox-Signature)', () => {
  const rawBody = '{"payment":{"paymentId":"p-1","status":"Completed"}}';
  const secret = 'sandbox-notification-secret';
  const at = 1_800_000_000;
  const now = () => at * 1000;

  it('verifies a header made by signNotification and returns the signed timestamp', () => {
    const header = signNotification({ rawBody, secret, timestamp: at });
    assert.deepEqual(verifyNotification({ rawBody, header, secret, now }), { timestamp: at });
  });

  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.rawBody">', async () => {
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', secret).update(`${at}.${rawBody}`).digest('hex');
    assert.equal(signNotification({ rawBody, secret, timestamp: at }), `t=${at},v1=${expected}`);
  });

  it('rejects a missing header', () => {
    assert.throws(() => verifyNotification({ rawBody, header: undefined, secret, now }), /header is missing/);
  });

  it('rejects a header without a timestamp or without a v1 signature', () => {
    assert.throws(
      () => verifyNotification({ rawBody, header: 'v1=abcd', secret, now }),
      /no valid timestamp/,
    );
    assert.throws(() => verifyNotification({ rawBody, header: `t=${at}`, secret, now }), /no v1 signature/);
  });

  it('rejects a body changed by one byte', () => {
    const header = signNotification({ rawBody, secret, timestamp: at });
    assert.throws(
      () => verifyNotification({ rawBody: rawBody.replace('Completed', 'Cancelled'), header, secret, now }),
      /No v1 signature matches/,
    );
  });

  it('rejects a wrong secret', () => {
    const header = signNotification({ rawBody, secret: 'other', timestamp: at });
    assert.throws(() => verifyNotification({ rawBody, header, secret, now }), /No v1 signature matches/);
  });

  it('rejects a timestamp outside the tolerance window (replay), with a status 401 error class', () => {
    const header = signNotification({ rawBody, secret, timestamp: at - 301 });
    assert.throws(() => verifyNotification({ rawBody, header, secret, now }), {
      name: 'NotificationSignatureError',
      code: 'invalid_signature',
      status: 401,
      message: 'The signed timestamp is more than 300 s away from now.',
    });
  });
});
