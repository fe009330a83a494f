import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { SignatureError } from '../src/errors.js';
import { signPaytechTestPayload, verifyPaytechSignature } from '../src/providers/paytech/index.js';

const KEY = 'test-signing-key';
const BODY = new TextEncoder().encode('{"id":"a","state":"COMPLETED"}');

function refused(header: string | null, message: RegExp): void {
  assert.throws(
    () => verifyPaytechSignature(BODY, header, KEY),
    (error) => error instanceof SignatureError && error.status === 401 && message.test(error.message),
  );
}

describe('pay.tech webhook signature (HMAC-SHA256 of the raw body)', () => {
  it('accepts lowercase or uppercase hex, and base64', () => {
    const hex = signPaytechTestPayload(BODY, KEY);
    assert.equal(hex, createHmac('sha256', KEY).update(BODY).digest('hex'));
    verifyPaytechSignature(BODY, hex, KEY);
    verifyPaytechSignature(BODY, hex.toUpperCase(), KEY);
    verifyPaytechSignature(BODY, Buffer.from(hex, 'hex').toString('base64'), KEY);
  });

  it('refuses a missing, malformed, wrong-key or other-body signature, each with its own message', () => {
    refused(null, /no Signature header/);
    refused('  ', /no Signature header/);
    refused('sha256=abc', /neither a hex nor a base64/);
    refused(signPaytechTestPayload(BODY, 'another key'), /does not match/);
    refused(signPaytechTestPayload('{"id":"a","state":"DECLINED"}', KEY), /does not match/);
  });
});
