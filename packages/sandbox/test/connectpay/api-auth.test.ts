import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_CLIENT } from '../../src/providers/connectpay/clients.js';
import { signConnectPayRequest } from '../../src/providers/connectpay/request-signature.js';
import { paymentBody, startTestSandbox, type TestSandbox } from './helpers/sandbox.js';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** A signed request built by hand, so that each test can break exactly one part of it. */
function signedInit(
  url: string,
  method: string,
  body: string,
  overrides: Record<string, string | undefined> = {},
) {
  const headers: Record<string, string> = {
    authorization: basic(SANDBOX_CLIENT.clientId, SANDBOX_CLIENT.clientSecret),
    'x-signature': signConnectPayRequest({ method, url, body, privateKeyPem: SANDBOX_CLIENT.privateKeyPem }),
    'x-request-id': randomUUID(),
    accept: 'application/json;version=2',
    'content-type': 'application/json',
  };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return { method, headers, body: method === 'GET' ? undefined : body };
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe('ConnectPay API v2 authentication', () => {
  let t: TestSandbox;
  let url: string;
  const body = JSON.stringify(paymentBody());
  before(async () => {
    t = await startTestSandbox();
    url = `${t.base}/merchant/payments`;
  });
  after(() => t.close());

  it('accepts a request with Basic credentials, a valid X-Signature, X-Request-ID and Accept version 2', async () => {
    const response = await fetch(url, signedInit(url, 'POST', body));
    assert.equal(response.status, 201);
  });

  it('answers 401 unauthorized without an Authorization header', async () => {
    const response = await fetch(url, signedInit(url, 'POST', body, { authorization: undefined }));
    assert.equal(response.status, 401);
    assert.equal((await errorOf(response)).code, 'unauthorized');
  });

  it('answers 401 unauthorized for a wrong client secret', async () => {
    const response = await fetch(
      url,
      signedInit(url, 'POST', body, { authorization: basic('sandbox-client', 'nope') }),
    );
    assert.equal(response.status, 401);
    assert.equal((await errorOf(response)).code, 'unauthorized');
  });

  it('answers 401 unauthorized for a bearer token (the retired v1 OAuth flow)', async () => {
    const response = await fetch(url, signedInit(url, 'POST', body, { authorization: 'Bearer abc' }));
    assert.equal(response.status, 401);
  });

  it('answers 401 invalid_signature without X-Signature', async () => {
    const response = await fetch(url, signedInit(url, 'POST', body, { 'x-signature': undefined }));
    assert.equal(response.status, 401);
    assert.equal((await errorOf(response)).code, 'invalid_signature');
  });

  it('answers 401 invalid_signature when the body differs from the signed one', async () => {
    const init = signedInit(url, 'POST', body);
    const tampered = body.replace('19.99', '0.01');
    const response = await fetch(url, { ...init, body: tampered });
    assert.equal(response.status, 401);
    assert.equal((await errorOf(response)).code, 'invalid_signature');
  });

  it('answers 401 invalid_signature when the signature was made for another path', async () => {
    const other = `${t.base}/merchant/payments/other`;
    const init = signedInit(url, 'POST', body, {
      'x-signature': signConnectPayRequest({
        method: 'POST',
        url: other,
        body,
        privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
      }),
    });
    const response = await fetch(url, init);
    assert.equal(response.status, 401);
    assert.equal((await errorOf(response)).code, 'invalid_signature');
  });

  it('ignores whitespace in the body when verifying, as ConnectPay minifies before signing', async () => {
    const pretty = JSON.stringify(paymentBody(), null, 2);
    const init = signedInit(url, 'POST', pretty, {
      'x-signature': signConnectPayRequest({
        method: 'POST',
        url,
        body: body,
        privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
      }),
    });
    const response = await fetch(url, init);
    assert.equal(response.status, 201);
  });

  it('signs the query string too: a GET with a changed query answers 401', async () => {
    const signedFor = `${t.base}/merchant/payments?merchantReference=a`;
    const init = signedInit(signedFor, 'GET', '');
    const response = await fetch(`${t.base}/merchant/payments?merchantReference=b`, init);
    assert.equal(response.status, 401);
    const ok = await fetch(signedFor, signedInit(signedFor, 'GET', ''));
    assert.equal(ok.status, 200);
  });

  it('answers 400 missing_request_id without X-Request-ID', async () => {
    const response = await fetch(url, signedInit(url, 'POST', body, { 'x-request-id': undefined }));
    assert.equal(response.status, 400);
    assert.equal((await errorOf(response)).code, 'missing_request_id');
  });

  it('answers 400 invalid_request_id when X-Request-ID is not a UUID', async () => {
    const response = await fetch(url, signedInit(url, 'POST', body, { 'x-request-id': 'req-1' }));
    assert.equal(response.status, 400);
    assert.equal((await errorOf(response)).code, 'invalid_request_id');
  });

  it('tolerates a missing Accept header', async () => {
    const response = await fetch(url, signedInit(url, 'POST', body, { accept: undefined }));
    assert.equal(response.status, 201);
  });

  it('answers 406 for Accept application/json;version=1', async () => {
    const response = await fetch(
      url,
      signedInit(url, 'POST', body, { accept: 'application/json;version=1' }),
    );
    assert.equal(response.status, 406);
    assert.equal((await errorOf(response)).code, 'not_acceptable');
  });

  it('does not ask the widget and admin paths for credentials', async () => {
    const admin = await fetch(`${t.base}/admin/knobs`);
    assert.equal(admin.status, 200);
  });
});
