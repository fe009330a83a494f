import { z } from 'zod';
import { type AuthStrategy, basicAuthorization } from './auth.js';
import { cachedTokenAuth } from './token-cache.js';

export interface OAuth2ClientCredentialsOptions {
  /** The token endpoint; relative to the client's base URL, or absolute (Fintecture's is on another host). */
  tokenUrl: string | URL;
  clientId: string;
  clientSecret: string;
  scope?: string;
  /**
   * Where the client credentials go (RFC 6749 §2.3.1): `basic` = an `Authorization: Basic` header
   * (`client_secret_basic`, Fintecture), `body` = `client_id` and `client_secret` form fields.
   */
  authStyle: 'basic' | 'body';
  /** More form fields the provider wants, e.g. Fintecture's `app_id`. */
  extraParams?: Readonly<Record<string, string>>;
  /** Clock for the token's expiry; injectable for tests. */
  now?: () => number;
}

/**
 * RFC 6749 §5.1. `expires_in` is only RECOMMENDED and some servers send it as a string; `token_type`
 * must be Bearer when given, since the token is sent as one.
 */
const TokenAnswer = z.looseObject({
  access_token: z.string().min(1),
  token_type: z
    .string()
    .refine((type) => type.toLowerCase() === 'bearer', 'is not Bearer')
    .optional(),
  expires_in: z.union([z.number().positive(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

/** A token without `expires_in` is kept this long; a 401 before then still replaces it. */
const DEFAULT_LIFETIME_MS = 5 * 60_000;

/**
 * OAuth2 client credentials (RFC 6749 §4.4): a form POST to the token endpoint, then
 * `Authorization: Bearer <access_token>` on every call, one token shared by all concurrent calls and
 * replaced shortly before it expires or when the API answers 401.
 */
export function oauth2ClientCredentials(options: OAuth2ClientCredentialsOptions): AuthStrategy {
  const fields: Record<string, string> = { grant_type: 'client_credentials' };
  if (options.scope !== undefined) fields.scope = options.scope;
  Object.assign(fields, options.extraParams);
  let headers: Record<string, string> | undefined;
  if (options.authStyle === 'basic') {
    // Providers decode the Basic pair without the form-encoding RFC 6749 §2.3.1 asks for (Fintecture's
    // SDK sends base64(app_id:app_secret)), so it is sent plain, as RFC 7617 does.
    headers = { authorization: basicAuthorization(options.clientId, options.clientSecret) };
  } else {
    fields.client_id = options.clientId;
    fields.client_secret = options.clientSecret;
  }
  return cachedTokenAuth({
    now: options.now,
    // A token request changes nothing at the provider, so a transient failure is worth retrying.
    issue: async (http) => {
      const answer = await http.post(
        { path: options.tokenUrl, body: fields, bodyType: 'form', headers, idempotent: true },
        TokenAnswer,
      );
      const lifetimeMs = answer.expires_in === undefined ? DEFAULT_LIFETIME_MS : answer.expires_in * 1000;
      return { token: answer.access_token, expiresInMs: lifetimeMs };
    },
    headers: (token) => ({ authorization: `Bearer ${token}` }),
  });
}
