import { createSign, type KeyObject, sign } from 'node:crypto';
import type { RequestSigner } from '../http/provider-client.js';

/**
 * ConnectPay API v2 request signing (packages/sandbox/README.md, ConnectPay's wire; the tail of the string is the sandbox's
 * documented choice, connectpay-sandbox-wire.md): RSA-SHA256 (PKCS#1 v1.5) over
 * `lowercase(method) + lowercase(host + path + ?query) + body without whitespace`, base64-encoded.
 * Host and path come from the URL actually called, so the same code signs for the sandbox
 * (`127.0.0.1:3100/connectpay/...`) and the stage (`api2-stage.connectpay.com/...`).
 */
export function connectPaySigningString(method: string, url: URL, body: string): string {
  return `${method.toLowerCase()}${`${url.host}${url.pathname}${url.search}`.toLowerCase()}${body.replace(/\s+/g, '')}`;
}

/** The `X-Signature` header value for one request. `body` must be the exact text that is sent. */
export function signConnectPayRequest(
  method: string,
  url: URL,
  body: string,
  privateKey: KeyObject | string,
): string {
  const signer = createSign('RSA-SHA256');
  signer.update(connectPaySigningString(method, url, body), 'utf8');
  return signer.sign(privateKey, 'base64');
}

/**
 * The same signature, computed on libuv's thread pool: an RSA-2048 signature costs about a millisecond
 * of CPU, which the synchronous form spends on the event loop of every request that calls ConnectPay.
 */
export function signConnectPayRequestAsync(
  method: string,
  url: URL,
  body: string,
  privateKey: KeyObject | string,
): Promise<string> {
  const data = Buffer.from(connectPaySigningString(method, url, body), 'utf8');
  return new Promise((resolve, reject) => {
    // An RSA key with 'sha256' and no padding option is RSASSA-PKCS1-v1_5, as createSign('RSA-SHA256').
    sign('sha256', data, privateKey, (error, signature) => {
      if (error) reject(error);
      else resolve(signature.toString('base64'));
    });
  });
}

/** The provider client's signer hook for ConnectPay: `X-Signature` over the exact method, URL and body sent. */
export function connectPaySigner(privateKey: KeyObject | string): RequestSigner {
  return async ({ method, url, body }) => ({
    'x-signature': await signConnectPayRequestAsync(method, url, body, privateKey),
  });
}
