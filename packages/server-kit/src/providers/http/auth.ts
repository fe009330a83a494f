import { ConfigError } from '../../errors.js';
import type { ProviderHttp } from './provider-client.js';

/** Headers an auth strategy adds to a call. Lowercase names; never mutated once handed out. */
export type AuthHeaders = Readonly<Record<string, string>>;

export interface AuthContext {
  /**
   * The same client without auth or signer (same base URL, transport, deadline, error mapping and
   * request ids), for token requests.
   */
  http: ProviderHttp;
  /** The caller's signal: waiting for a token ends when it aborts (the shared token request goes on). */
  signal?: AbortSignal;
}

/**
 * How a provider client authenticates. Static strategies (Basic, Bearer) return one constant object;
 * token strategies return the same object for as long as their token lives.
 */
export interface AuthStrategy {
  headers(context: AuthContext): AuthHeaders | Promise<AuthHeaders>;
  /**
   * Called with the headers a call was answered 401 with. A strategy that has it drops that token,
   * and the client sends the call once more with fresh headers; without it a 401 is final.
   */
  invalidate?(rejected: AuthHeaders): void;
}

/**
 * HTTP Basic (RFC 7617), as ConnectPay API v2 takes `ClientId:ClientSecret`. The header is built once:
 * base64 on every call would be wasted work at hundreds of calls per second.
 */
export function basicAuth(user: string, password: string): AuthStrategy {
  const headers: AuthHeaders = Object.freeze({ authorization: basicAuthorization(user, password) });
  return { headers: () => headers };
}

/** `Basic base64(user:password)`; a colon in the user part could not be told from the separator. */
export function basicAuthorization(user: string, password: string): string {
  if (user.includes(':')) throw new ConfigError('A Basic auth user name must not contain ":".');
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** A static bearer token (RFC 6750), for APIs that issue long-lived keys. */
export function bearerAuth(token: string): AuthStrategy {
  const headers: AuthHeaders = Object.freeze({ authorization: `Bearer ${token}` });
  return { headers: () => headers };
}

const NONE: AuthHeaders = Object.freeze({});

/** No credentials: token endpoints that authenticate by their body, public resources. */
export function noAuth(): AuthStrategy {
  return { headers: () => NONE };
}
