/**
 * Fintecture's webhook signature, made as Fintecture makes it and checked the way its Node SDK's
 * `Validation.authenticateRequest` checks it (`fintecture-client` 2.0.2): `Digest` is `SHA-256=` +
 * base64(sha256(raw body)); the signing string is `date: …\ndigest: …\nx-request-id: …`; and despite
 * its name, the `signature` part is that signing string **encrypted with the application's public
 * key** (RSA-OAEP with SHA-1, Node's `publicEncrypt` default), so that only the holder of the private
 * key can read it back and compare.
 */
import { publicEncrypt, randomUUID } from 'node:crypto';
import { digestOf } from './request-signature.js';

export const WEBHOOK_SIGNED_HEADERS = ['date', 'digest', 'x-request-id'] as const;

/** The headers of one webhook delivery attempt (fresh `Date` and `X-Request-ID` each time). */
export function signFintectureWebhook(
  rawBody: string,
  app: { appId: string; publicKeyPem: string },
  at: Date = new Date(),
  requestId: string = randomUUID(),
): Record<string, string> {
  const digest = digestOf(rawBody);
  const date = at.toUTCString();
  const signingString = `date: ${date}\ndigest: ${digest}\nx-request-id: ${requestId}`;
  const encrypted = publicEncrypt(app.publicKeyPem, Buffer.from(signingString, 'utf8')).toString('base64');
  return {
    'content-type': 'application/x-www-form-urlencoded',
    date,
    digest,
    'x-request-id': requestId,
    signature: `keyId="${app.appId}",algorithm="rsa-sha256",headers="${WEBHOOK_SIGNED_HEADERS.join(' ')}",signature="${encrypted}"`,
  };
}
