/**
 * `POST /transactionServices/REST/v1/authToken` and the `AuthToken` header of every later call. The
 * token is a JWT (HS256) that names the member and lives an hour, as Paymentz documents; the stage
 * signs it with a key of its own, so it needs no token table and a restarted stage refuses old tokens.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GATEWAY_ERROR_CODES, GatewayError } from './errors.js';
import { type CardGatewayMerchant, merchantById, merchantByLogin } from './merchants.js';

export const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export interface TokenIssuer {
  issue(merchant: CardGatewayMerchant, now?: number): string;
  /** The merchant of a valid, unexpired token; `GatewayError` 401 otherwise. */
  verify(token: string | null, now?: number): CardGatewayMerchant;
}

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

export function createTokenIssuer(key: Buffer = randomBytes(32)): TokenIssuer {
  const sign = (data: string) => createHmac('sha256', key).update(data).digest();
  return {
    issue(merchant, now = Date.now()) {
      const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
      const payload = base64url(
        JSON.stringify({
          sub: merchant.memberId,
          iat: Math.floor(now / 1000),
          exp: Math.floor((now + TOKEN_LIFETIME_MS) / 1000),
        }),
      );
      return `${header}.${payload}.${base64url(sign(`${header}.${payload}`))}`;
    },
    verify(token, now = Date.now()) {
      const refuse = (why: string) => new GatewayError(401, GATEWAY_ERROR_CODES.unauthorized, why);
      if (!token) throw refuse('The AuthToken header is missing.');
      const [header, payload, signature] = token.split('.');
      if (!header || !payload || !signature) throw refuse('The AuthToken is not a token of this gateway.');
      const expected = sign(`${header}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw refuse('The AuthToken is not a token of this gateway.');
      }
      let claims: { sub?: unknown; exp?: unknown };
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw refuse('The AuthToken is not a token of this gateway.');
      }
      if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now)
        throw refuse('The AuthToken has expired.');
      const merchant = typeof claims.sub === 'string' ? merchantById(claims.sub) : undefined;
      if (!merchant) throw refuse('The AuthToken names no merchant of this gateway.');
      return merchant;
    },
  };
}

/**
 * Who asks for a token: `authentication.memberId` with `authentication.sKey`, or
 * `authentication.partnerId` + `merchant.username` with `authentication.sKey` (deployments differ;
 * the stage accepts either). A wrong key or an unknown login is a 401.
 */
export function merchantForToken(fields: Record<string, string>): CardGatewayMerchant {
  const sKey = fields['authentication.sKey'];
  const memberId = fields['authentication.memberId'];
  const partnerId = fields['authentication.partnerId'];
  const username = fields['merchant.username'];
  const merchant = memberId
    ? merchantById(memberId)
    : partnerId && username
      ? merchantByLogin(partnerId, username)
      : undefined;
  if (!sKey || !merchant || !sameText(merchant.secureKey, sKey)) {
    throw new GatewayError(401, GATEWAY_ERROR_CODES.unauthorized, 'Authentication failed.');
  }
  return merchant;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
