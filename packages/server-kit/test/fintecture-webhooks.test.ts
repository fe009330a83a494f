import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { fintectureTestApp, signFintectureWebhook } from '@pay-checkout/sandbox';
import { SignatureError, ValidationError } from '../src/errors.js';
import { fintecture } from '../src/providers/fintecture/index.js';

/**
 * Webhook verification as Fintecture's SDK verifies (digest, keyId, signing string decrypted with our
 * private key), plus the date window; the webhooks are made by the sandbox stage's signer.
 */
const adapter = fintecture({ baseUrl: 'http://127.0.0.1:9/fintecture', ...fintectureTestApp });
const body =
  'session_id=0123456789abcdef0123456789abcdef&status=payment_created&provider=bnpafr&state=s1&event=payment_session.status.payment_created';
const bytes = (text: string) => new TextEncoder().encode(text);

function signed(text = body, at = new Date(), app = fintectureTestApp): Headers {
  return new Headers(signFintectureWebhook(text, app, at));
}

async function refusal(raw: string, headers: Headers): Promise<string> {
  try {
    await adapter.parseNotification(bytes(raw), headers);
  } catch (error) {
    assert.ok(error instanceof SignatureError || error instanceof ValidationError, String(error));
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('Fintecture webhooks: verification', () => {
  it('accepts a signed payment status and trusts its status, keyed by the body', async () => {
    const parsed = await adapter.parseNotification(bytes(body), signed());
    assert.equal(parsed.type, 'status');
    assert.ok(parsed.type === 'status');
    assert.equal(parsed.providerRef, '0123456789abcdef0123456789abcdef');
    assert.deepEqual(parsed.status, { status: 'succeeded', raw: 'payment_created' });
    const again = await adapter.parseNotification(bytes(body), signed());
    assert.equal(again.notificationId, parsed.notificationId, 'a retry (fresh headers, same body) dedupes');
  });

  it('maps an unsuccessful status with its reason, and ignores events that are not payment statuses', async () => {
    const refused = `${body.replace('payment_created', 'payment_unsuccessful').replace('event=payment_session.status.payment_created', 'status_reason=cancelled_by_psu')}`;
    const parsed = await adapter.parseNotification(bytes(refused), signed(refused));
    assert.ok(parsed.type === 'status');
    assert.deepEqual(parsed.status, {
      status: 'cancelled',
      reason: 'cancelled_by_shopper',
      raw: 'payment_unsuccessful',
    });
    const refund = 'session_id=abc&status=refund_created&event=refund.status.refund_created';
    assert.equal((await adapter.parseNotification(bytes(refund), signed(refund))).type, 'ignore');
  });

  it('refuses a missing Signature, Digest or Date', async () => {
    for (const name of ['signature', 'digest', 'date']) {
      const headers = signed();
      headers.delete(name);
      assert.match(await refusal(body, headers), new RegExp(`no ${name}`, 'i'));
    }
  });

  it('refuses a changed body (digest), another keyId, a stale Date and a signature for another key', async () => {
    assert.match(await refusal(body.replace('s1', 's2'), signed()), /Digest does not match/);
    const otherKey = signed().get('signature')?.replace(fintectureTestApp.appId, 'another-app') ?? '';
    const withOtherKeyId = signed();
    withOtherKeyId.set('signature', otherKey);
    assert.match(await refusal(body, withOtherKeyId), /keyId/);
    assert.match(await refusal(body, signed(body, new Date(Date.now() - 11 * 60_000))), /stale or replayed/);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const forSomeoneElse = signed(body, new Date(), { ...fintectureTestApp, publicKeyPem: stranger });
    assert.match(await refusal(body, forSomeoneElse), /cannot be decrypted/);
  });

  it('refuses headers changed after signing (the decrypted signing string no longer matches)', async () => {
    const headers = signed();
    headers.set('x-request-id', crypto.randomUUID());
    assert.match(await refusal(body, headers), /does not match its signed headers/);
  });

  it('refuses a signed body that names no session', async () => {
    const garbage = 'hello=world';
    assert.match(await refusal(garbage, signed(garbage)), /session_id, status/);
  });
});
