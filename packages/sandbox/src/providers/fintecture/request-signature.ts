/**
 * Fintecture's request signature, checked as the real API checks what its Node SDK (`fintecture-client`
 * 2.0.2, `services/ApiService.js` and `utils/Crypto.js`) sends:
 *
 * - `Digest: SHA-256=<base64(sha256(body))>` when there is a body, over the exact bytes received;
 * - `Date`: an RFC 2822 date (`new Date().toUTCString()`), within `DATE_TOLERANCE_MS` of our clock;
 * - `X-Request-ID`: a UUID v4, never seen before from the application within the replay window;
 * - `Signature: keyId="<app_id>",algorithm="rsa-sha256",headers="(request-target) date digest
 *   x-request-id",signature="<base64>"`: RSA-SHA256 (PKCS#1 v1.5) with the application's private key
 *   over the listed headers, one `name: value` line each, joined by `\n`, where `(request-target)` is
 *   `lowercase(method) + " " + path + ?query` as sent.
 *
 * Each failure has its own code and names the header (errors.ts).
 */
import { createHash, createPublicKey, createVerify, type KeyObject } from 'node:crypto';
import { FintectureSignatureError } from './errors.js';

/** How far a request's `Date` may be from the stage's clock (the replay window is twice that). */
export const DATE_TOLERANCE_MS = 5 * 60_000;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** RFC 2822 as `toUTCString()` writes it: `Mon, 08 Jun 2020 23:11:23 GMT`. */
const RFC_2822 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

/** The parts of a `Signature` header (draft-cavage `key="value"` pairs). */
export interface SignatureParts {
  keyId: string;
  algorithm: string;
  headers: string[];
  signature: string;
}

/** Parses `keyId="…",algorithm="…",headers="…",signature="…"`; `undefined` when a part is missing. */
export function parseSignatureHeader(value: string): SignatureParts | undefined {
  const parts = new Map<string, string>();
  for (const match of value.matchAll(/([A-Za-z]+)="([^"]*)"/g)) parts.set(match[1], match[2]);
  const keyId = parts.get('keyId');
  const algorithm = parts.get('algorithm');
  const headers = parts.get('headers');
  const signature = parts.get('signature');
  if (!keyId || !algorithm || !headers || !signature) return undefined;
  return { keyId, algorithm, headers: headers.toLowerCase().split(' ').filter(Boolean), signature };
}

/** `SHA-256=` + base64 of the body's SHA-256, as the SDK's `Crypto.hashBase64` computes it. */
export function digestOf(body: Uint8Array | string): string {
  return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received (`/fintecture/pis/v2/connect?state=…`). */
  target: string;
  headers: Headers;
  body: Uint8Array;
}

export interface VerifyOptions {
  /** The public key registered for an app id; `undefined` for an unknown one. */
  publicKeyOf(appId: string): string | KeyObject | undefined;
  now?: number;
  /** Remembers a request id; false when the app used it already inside the replay window. */
  firstUse(appId: string, requestId: string): boolean;
}

/** Verifies every signature header of one request; answers the app id that signed it. */
export function verifyFintectureRequest(request: SignedRequest, options: VerifyOptions): string {
  const { headers } = request;
  const required = (name: string): string => {
    const value = headers.get(name);
    if (value === null || value.trim() === '') {
      throw new FintectureSignatureError('missing_header', `The ${name} header is required.`);
    }
    return value;
  };
  const hasBody = request.body.byteLength > 0;
  const date = required('Date');
  const requestId = required('X-Request-ID');
  const signatureHeader = required('Signature');
  const digest = hasBody ? required('Digest') : headers.get('digest');

  if (!RFC_2822.test(date) || Number.isNaN(Date.parse(date))) {
    throw new FintectureSignatureError(
      'invalid_date',
      'The Date header must be an RFC 2822 date such as "Mon, 08 Jun 2020 23:11:23 GMT".',
    );
  }
  if (!UUID_V4.test(requestId)) {
    throw new FintectureSignatureError('invalid_request_id', 'The X-Request-ID header must be a UUID v4.');
  }
  if (digest !== null && digest !== digestOf(request.body)) {
    throw new FintectureSignatureError(
      'invalid_digest',
      'The Digest header does not match the SHA-256 of the request body (expected "SHA-256=<base64>" over the exact bytes sent).',
    );
  }
  const parts = parseSignatureHeader(signatureHeader);
  if (!parts) {
    throw new FintectureSignatureError(
      'malformed_signature',
      'The Signature header must carry keyId, algorithm, headers and signature, each as key="value".',
    );
  }
  if (parts.algorithm.toLowerCase() !== 'rsa-sha256') {
    throw new FintectureSignatureError(
      'unsupported_algorithm',
      `The Signature algorithm must be rsa-sha256, not ${parts.algorithm.slice(0, 20)}.`,
    );
  }
  const publicKey = options.publicKeyOf(parts.keyId);
  if (!publicKey) {
    throw new FintectureSignatureError(
      'unknown_key_id',
      'The Signature keyId is not the app_id of a known application.',
    );
  }
  const mustSign = ['(request-target)', 'date', 'x-request-id', ...(digest !== null ? ['digest'] : [])];
  const unsigned = mustSign.find((name) => !parts.headers.includes(name));
  if (unsigned) {
    throw new FintectureSignatureError(
      'unsigned_header',
      `The Signature headers list must include ${unsigned} (it lists "${parts.headers.join(' ')}").`,
    );
  }
  const now = options.now ?? Date.now();
  if (Math.abs(now - Date.parse(date)) > DATE_TOLERANCE_MS) {
    throw new FintectureSignatureError(
      'stale_date',
      `The Date header is more than ${DATE_TOLERANCE_MS / 60_000} minutes away from the server's clock.`,
    );
  }
  const lines = parts.headers.map((name) => {
    if (name === '(request-target)')
      return `(request-target): ${request.method.toLowerCase()} ${request.target}`;
    const value = headers.get(name);
    if (value === null) {
      throw new FintectureSignatureError(
        'missing_header',
        `The signed header ${name} is not in the request.`,
      );
    }
    return `${name}: ${value}`;
  });
  const verifier = createVerify('RSA-SHA256');
  verifier.update(lines.join('\n'));
  let valid = false;
  try {
    valid = verifier.verify(
      typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey,
      Buffer.from(parts.signature, 'base64'),
    );
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new FintectureSignatureError(
      'invalid_signature',
      'The Signature does not verify with the public key of the application over the listed headers.',
    );
  }
  if (!options.firstUse(parts.keyId, requestId)) {
    throw new FintectureSignatureError(
      'replayed_request',
      'This X-Request-ID was already used by the application; every request needs a fresh one.',
    );
  }
  return parts.keyId;
}

/** Request ids seen per application, forgotten after twice the date tolerance (older dates are stale anyway). */
export function createReplayGuard(now: () => number = Date.now): {
  firstUse(appId: string, requestId: string): boolean;
  reset(): void;
} {
  const seen = new Map<string, number>();
  return {
    firstUse(appId, requestId) {
      const at = now();
      if (seen.size > 10_000) {
        for (const [key, expires] of seen) if (expires < at) seen.delete(key);
      }
      const key = `${appId} ${requestId.toLowerCase()}`;
      const expires = seen.get(key);
      if (expires !== undefined && expires >= at) return false;
      seen.set(key, at + 2 * DATE_TOLERANCE_MS);
      return true;
    },
    reset: () => seen.clear(),
  };
}
