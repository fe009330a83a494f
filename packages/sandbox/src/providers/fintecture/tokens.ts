/**
 * OAuth access tokens of the Fintecture stage (`POST /oauth/accesstoken`, client credentials, scope
 * PIS). Tokens live an hour, like Fintecture's (`expires_in: 3600`); the admin API can revoke them all,
 * so that tests see the API answer 401 and the client fetch a new one.
 */
import { randomBytes } from 'node:crypto';

export const TOKEN_LIFETIME_S = 3600;

export interface TokenStore {
  issue(appId: string): { token: string; expiresIn: number };
  /** The app a live token belongs to. */
  appOf(token: string): string | undefined;
  revokeAll(): void;
  /** How many tokens were issued since the start (or the last reset): tests count token requests. */
  issued(): number;
  reset(): void;
}

export function createTokenStore(now: () => number = Date.now): TokenStore {
  const tokens = new Map<string, { appId: string; expiresAt: number }>();
  let count = 0;
  return {
    issue(appId) {
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, { appId, expiresAt: now() + TOKEN_LIFETIME_S * 1000 });
      count += 1;
      return { token, expiresIn: TOKEN_LIFETIME_S };
    },
    appOf(token) {
      const entry = tokens.get(token);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        tokens.delete(token);
        return undefined;
      }
      return entry.appId;
    },
    revokeAll: () => tokens.clear(),
    issued: () => count,
    reset: () => {
      tokens.clear();
      count = 0;
    },
  };
}
