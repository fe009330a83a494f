import { createPublicKey, type KeyObject } from 'node:crypto';
import { BadRequestError, NotAcceptableError, UnauthorizedError } from '../../shared/http/errors.js';
import type { ClientDirectory, ConnectPayClient } from './clients.js';
import { verifyConnectPayRequest } from './request-signature.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The client id `Authorization: Basic` names, before any check (for the per-client latency knob). */
export function claimedClientId(request: Request): string | undefined {
  const credentials = basicCredentials(request);
  return credentials && credentials.colon > 0 ? credentials.decoded.slice(0, credentials.colon) : undefined;
}

function basicCredentials(request: Request): { decoded: string; colon: number } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return { decoded, colon: decoded.indexOf(':') };
}

/**
 * Identifies the API v2 caller from `Authorization: Basic base64(clientId:clientSecret)`
 * (packages/sandbox/README.md, ConnectPay's wire). Missing or wrong credentials → 401 `unauthorized`.
 */
export function identifyClient(request: Request, clients: ClientDirectory): ConnectPayClient {
  const credentials = basicCredentials(request);
  if (!credentials) {
    throw new UnauthorizedError('unauthorized', 'Send Authorization: Basic base64(clientId:clientSecret).');
  }
  const { decoded, colon } = credentials;
  const client =
    colon > 0 ? clients.authenticate(decoded.slice(0, colon), decoded.slice(colon + 1)) : undefined;
  if (!client) throw new UnauthorizedError('unauthorized', 'Unknown client id or wrong client secret.');
  return client;
}

/**
 * The rest of the v2 request contract, checked after the client is known: `X-Signature` over
 * method + host/path/query + whitespace-free body with the client's public key (401 `invalid_signature`),
 * `X-Request-ID` as a UUID (400), and `Accept` version 2 when a version is asked for (406).
 */
export function checkSignedRequest(
  request: Request,
  url: URL,
  rawBody: string,
  client: ConnectPayClient,
): void {
  const signature = request.headers.get('x-signature');
  if (!signature) throw new UnauthorizedError('invalid_signature', 'The X-Signature header is missing.');
  const publicKey = publicKeyOf(client);
  const valid =
    publicKey !== null &&
    verifyConnectPayRequest({
      method: request.method,
      url,
      body: rawBody,
      signature,
      publicKeyPem: publicKey,
    });
  if (!valid) {
    throw new UnauthorizedError(
      'invalid_signature',
      'X-Signature does not verify: sign lowercase(method) + lowercase(host + path + query) + the body without whitespace.',
    );
  }
  const requestId = request.headers.get('x-request-id');
  if (!requestId)
    throw new BadRequestError('missing_request_id', 'The X-Request-ID header (a UUID) is missing.');
  if (!UUID.test(requestId.trim())) {
    throw new BadRequestError('invalid_request_id', 'The X-Request-ID header must be a UUID.');
  }
  checkAccept(request.headers.get('accept'));
}

/**
 * Each client's public key, parsed once (parsing the PEM took ~170 µs of every API call, five times the RSA
 * check). Keyed by the directory's client object, so a re-registered client gets its new key. A PEM that does
 * not parse is `null`: its calls fail the signature check, as before.
 */
const publicKeys = new WeakMap<ConnectPayClient, KeyObject | null>();

function publicKeyOf(client: ConnectPayClient): KeyObject | null {
  let key = publicKeys.get(client);
  if (key === undefined) {
    try {
      key = createPublicKey(client.publicKeyPem);
    } catch {
      key = null;
    }
    publicKeys.set(client, key);
  }
  return key;
}

/** Absent, `*\/*` or `application/json` without a version are tolerated; any version other than 2 is not. */
function checkAccept(accept: string | null): void {
  if (!accept) return;
  for (const part of accept.split(',')) {
    const [type, ...params] = part.split(';').map((item) => item.trim().toLowerCase());
    if (type !== 'application/json' && type !== '*/*' && type !== 'application/*') continue;
    const version = params.find((param) => param.startsWith('version='))?.slice('version='.length);
    if (version === undefined || version === '2') return;
  }
  throw new NotAcceptableError('This API speaks application/json;version=2 only.');
}
