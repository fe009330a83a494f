import assert from 'node:assert/strict';
import { createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  connectPaySigner,
  connectPaySigningString,
  signConnectPayRequest,
  signConnectPayRequestAsync,
} from '../src/providers/connectpay/request-signature.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('ConnectPay X-Signature', () => {
  it('signs lowercase method + lowercase host and path + the body without whitespace, unseparated', () => {
    const url = new URL('https://API2-Stage.ConnectPay.com/merchant/Payments');
    const body = '{"merchant": {"brandId": "b 1"},\n "payment": {}}';
    assert.equal(
      connectPaySigningString('POST', url, body),
      'postapi2-stage.connectpay.com/merchant/payments{"merchant":{"brandId":"b1"},"payment":{}}',
    );
  });

  it('includes the port of a local sandbox, the base path and the query string', () => {
    const url = new URL('http://127.0.0.1:3100/connectpay/merchant/payments?merchantReference=Ref-1');
    assert.equal(
      connectPaySigningString('GET', url, ''),
      'get127.0.0.1:3100/connectpay/merchant/payments?merchantreference=ref-1',
    );
  });

  it('produces a base64 RSA-SHA256 signature that the public key verifies over that string', () => {
    const url = new URL('http://127.0.0.1:3100/connectpay/merchant/payments');
    const body = JSON.stringify({ payment: { instructedAmount: { amount: '19.99', currency: 'EUR' } } });
    const signature = signConnectPayRequest('POST', url, body, privateKey);
    assert.match(signature, /^[A-Za-z0-9+/]{342}==$/); // 2048-bit key → 256 bytes → 344 base64 chars
    const verifier = createVerify('RSA-SHA256');
    verifier.update(connectPaySigningString('POST', url, body));
    assert.equal(verifier.verify(publicKey, signature, 'base64'), true);
  });

  it('does not verify when the body differs', () => {
    const url = new URL('http://127.0.0.1:3100/connectpay/merchant/payments');
    const signature = signConnectPayRequest('POST', url, '{"a":"1"}', privateKey);
    const verifier = createVerify('RSA-SHA256');
    verifier.update(connectPaySigningString('POST', url, '{"a":"2"}'));
    assert.equal(verifier.verify(publicKey, signature, 'base64'), false);
  });

  it('signs off the event loop with the very same signature (PKCS#1 v1.5 is deterministic)', async () => {
    const url = new URL('http://127.0.0.1:3100/connectpay/merchant/payments?merchantReference=Ref-1');
    const body = JSON.stringify({ payment: { instructedAmount: { amount: '19.99', currency: 'EUR' } } });
    const signature = await signConnectPayRequestAsync('POST', url, body, privateKey);
    assert.equal(signature, signConnectPayRequest('POST', url, body, privateKey));
    const verifier = createVerify('RSA-SHA256');
    verifier.update(connectPaySigningString('POST', url, body));
    assert.equal(verifier.verify(publicKey, signature, 'base64'), true);
  });

  it('rejects, rather than throws, when the key cannot sign', async () => {
    const url = new URL('http://127.0.0.1:3100/connectpay/merchant/payments');
    await assert.rejects(signConnectPayRequestAsync('POST', url, '{}', publicKey));
  });

  it("adds X-Signature through the provider client's signer hook, over the method, URL and body it is handed", async () => {
    const url = new URL('http://127.0.0.1:3100/connectpay/merchant/payments');
    const body = '{"payment":{"remittanceInformationUnstructured":"Užsakymas 1"}}';
    const added = await connectPaySigner(privateKey)({ method: 'POST', url, body, headers: {} });
    assert.deepEqual(Object.keys(added), ['x-signature']);
    const verifier = createVerify('RSA-SHA256');
    verifier.update(connectPaySigningString('POST', url, body));
    assert.equal(verifier.verify(publicKey, added['x-signature'], 'base64'), true);
  });
});
