import { createHash, type KeyObject, sign } from 'node:crypto';
import type { RequestSigner, SignableRequest } from '../http/provider-client.js';

/**
 * Fintecture's request signature, built as its Node SDK builds it (`fintecture-client` 2.0.2,
 * `services/ApiService.js` and `utils/Crypto.js`; packages/sandbox/README.md, "Fintecture"):
 * `Digest: SHA-256=<base64 sha256(body)>` when there is a body, `Date` as `toUTCString()` (RFC 2822),
 * the client's `X-Request-ID` (a UUID v4), and a draft-cavage `Signature` with `keyId` = the app id,
 * RSA-SHA256 (PKCS#1 v1.5) over `(request-target)`, `date`, `digest`, `x-request-id` in that order,
 * each present one as `name: value`, joined by `\n`.
 */
export const SIGNED_HEADERS = ['(request-target)', 'date', 'digest', 'x-request-id'] as const;

export function fintectureDigest(body: string): string {
  return `SHA-256=${createHash('sha256').update(body, 'utf8').digest('base64')}`;
}

/** The signing string and the header list of one request whose `date`, `digest`, `x-request-id` are set. */
export function fintectureSigningString(
  method: string,
  url: URL,
  headers: Readonly<Record<string, string>>,
): { signingString: string; headerList: string } {
  const values: Record<string, string | undefined> = {
    '(request-target)': `${method.toLowerCase()} ${url.pathname}${url.search}`,
    date: headers.date,
    digest: headers.digest,
    'x-request-id': headers['x-request-id'],
  };
  const present = SIGNED_HEADERS.filter((name) => values[name]);
  return {
    signingString: present.map((name) => `${name}: ${values[name]}`).join('\n'),
    headerList: present.join(' '),
  };
}

/** The headers Fintecture wants on one request (`body` is the exact text sent, '' for none). */
export async function signFintectureRequest(
  request: Pick<SignableRequest, 'method' | 'url' | 'body' | 'headers'>,
  appId: string,
  privateKey: KeyObject | string,
  now: Date = new Date(),
): Promise<Record<string, string>> {
  const added: Record<string, string> = { date: now.toUTCString() };
  if (request.body !== '') added.digest = fintectureDigest(request.body);
  const { signingString, headerList } = fintectureSigningString(request.method, request.url, {
    ...request.headers,
    ...added,
  });
  // On libuv's thread pool: an RSA-2048 signature costs about a millisecond of CPU.
  const signature = await new Promise<string>((resolve, reject) => {
    sign('sha256', Buffer.from(signingString, 'utf8'), privateKey, (error, result) => {
      if (error) reject(error);
      else resolve(result.toString('base64'));
    });
  });
  added.signature = `keyId="${appId}",algorithm="rsa-sha256",headers="${headerList}",signature="${signature}"`;
  return added;
}

/** The provider client's signer hook for Fintecture. */
export function fintectureSigner(appId: string, privateKey: KeyObject): RequestSigner {
  return (request) => signFintectureRequest(request, appId, privateKey);
}
