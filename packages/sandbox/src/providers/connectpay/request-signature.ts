import { createSign, createVerify, type KeyObject } from 'node:crypto';

/**
 * ConnectPay API v2 request signing (packages/sandbox/README.md, ConnectPay's wire): RSA-SHA256 (PKCS#1 v1.5) over
 * `lowercase(method) + lowercase(host + path + ?query) + body without whitespace`, base64 in `X-Signature`.
 * ConnectPay's page is cut off after the body part, so the separator (none) and the absence of further
 * parts are our documented choice. The same function builds the string on both sides.
 */
export function connectPayStringToSign(input: { method: string; url: string | URL; body?: string }): string {
  const url = typeof input.url === 'string' ? new URL(input.url) : input.url;
  const target = `${url.host}${url.pathname}${url.search}`;
  return `${input.method.toLowerCase()}${target.toLowerCase()}${(input.body ?? '').replace(/\s+/g, '')}`;
}

/** The `X-Signature` value for a request: sign exactly the body bytes you send. */
export function signConnectPayRequest(input: {
  method: string;
  url: string | URL;
  body?: string;
  privateKeyPem: string;
}): string {
  const signer = createSign('RSA-SHA256');
  signer.update(connectPayStringToSign(input));
  return signer.sign(input.privateKeyPem, 'base64');
}

/**
 * True when `signature` is the client's RSA-SHA256 signature of this request. Malformed input → false.
 * `publicKeyPem` may be a key parsed once with `createPublicKey`: parsing the PEM costs several times the check.
 */
export function verifyConnectPayRequest(input: {
  method: string;
  url: string | URL;
  body?: string;
  signature: string;
  publicKeyPem: string | KeyObject;
}): boolean {
  try {
    const verifier = createVerify('RSA-SHA256');
    verifier.update(connectPayStringToSign(input));
    return verifier.verify(input.publicKeyPem, input.signature, 'base64');
  } catch {
    return false;
  }
}
