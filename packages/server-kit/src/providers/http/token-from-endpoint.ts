import type { AuthStrategy } from './auth.js';
import type { ProviderHttp } from './provider-client.js';
import { cachedTokenAuth, type IssuedToken } from './token-cache.js';

export interface TokenFromEndpointOptions {
  /**
   * Asks the provider for a token over `http` (the client without auth or signer), e.g. the card
   * gateway's form POST to `authToken` whose `AuthToken` lives an hour.
   */
  fetchToken: (http: ProviderHttp) => Promise<IssuedToken>;
  /** The header that carries the token: `(token) => ['AuthToken', token]`. */
  header: (token: string) => readonly [name: string, value: string];
  /** Clock for the token's expiry; injectable for tests. */
  now?: () => number;
}

/**
 * A token from a provider-specific endpoint, with the same single-flight cache, early refresh and
 * refresh-on-401 as OAuth2 client credentials.
 */
export function tokenFromEndpoint(options: TokenFromEndpointOptions): AuthStrategy {
  return cachedTokenAuth({
    now: options.now,
    issue: options.fetchToken,
    headers: (token) => {
      const [name, value] = options.header(token);
      return { [name.toLowerCase()]: value };
    },
  });
}
