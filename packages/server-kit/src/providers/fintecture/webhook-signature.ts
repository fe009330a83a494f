import { createHash, type KeyObject, privateDecrypt, timingSafeEqual } from 'node:crypto';
import { SignatureError } from '../../errors.js';

/**
 * Verifies a Fintecture webhook as its Node SDK's `Validation.authenticateRequest` does (packages/sandbox/README.md,
 * "Fintecture"): the `Digest` is `SHA-256=` + base64(sha256(raw body)); the `Signature`'s `keyId` is our
 * app id; its `signature` part, decrypted with our private key (RSA-OAEP, SHA-1: Node's default), is
 * exactly the signing string of the listed headers. We add what the SDK leaves out: the signed `Date`
 * must be within `toleranceMs` of our clock (a replayed old webhook is refused), and the comparison is
 * constant time. Each failure has its own message.
 */
export function verifyFintectureWebhook(
  raw: Uint8Array,
  headers: Headers,
  options: { appId: string; privateKey: KeyObject; toleranceMs: number; now?: number },
): void {
  const signature = headers.get('signature');
  const digest = headers.get('digest');
  const date = headers.get('date');
  if (!signature) throw new SignatureError('The Fintecture webhook has no Signature header.');
  if (!digest) throw new SignatureError('The Fintecture webhook has no Digest header.');
  if (!date) throw new SignatureError('The Fintecture webhook has no Date header.');
  const expectedDigest = `SHA-256=${createHash('sha256').update(raw).digest('base64')}`;
  if (!equal(digest, expectedDigest)) {
    throw new SignatureError('The Fintecture webhook Digest does not match its body.');
  }
  const parts = new Map<string, string>();
  for (const match of signature.matchAll(/([a-z]+)\s*=\s*"([^"]+)"/gi)) parts.set(match[1], match[2]);
  if (parts.get('keyId') !== options.appId) {
    throw new SignatureError('The Fintecture webhook Signature keyId is not our app id.');
  }
  const listed = (parts.get('headers') ?? '').toLowerCase().split(' ').filter(Boolean);
  for (const name of ['date', 'digest', 'x-request-id']) {
    if (!listed.includes(name))
      throw new SignatureError(`The Fintecture webhook Signature does not cover ${name}.`);
  }
  const at = Date.parse(date);
  if (Number.isNaN(at) || Math.abs((options.now ?? Date.now()) - at) > options.toleranceMs) {
    throw new SignatureError(
      'The Fintecture webhook Date is outside the accepted window (stale or replayed).',
    );
  }
  const expected = listed
    .map((name) => `${name}: ${name === '(request-target)' ? 'post /webhook' : (headers.get(name) ?? '')}`)
    .join('\n');
  let decrypted: string;
  try {
    decrypted = privateDecrypt(
      options.privateKey,
      Buffer.from(parts.get('signature') ?? '', 'base64'),
    ).toString('utf8');
  } catch {
    throw new SignatureError('The Fintecture webhook signature cannot be decrypted with our private key.');
  }
  if (!equal(decrypted, expected)) {
    throw new SignatureError('The Fintecture webhook signature does not match its signed headers.');
  }
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
