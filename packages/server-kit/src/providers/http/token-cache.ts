import type { AuthHeaders, AuthStrategy } from './auth.js';
import type { ProviderHttp } from './provider-client.js';

/** A token as the provider issued it. */
export interface IssuedToken {
  token: string;
  /** How long the provider says it lives, from the moment we asked. */
  expiresInMs: number;
}

export interface CachedTokenOptions {
  /** Asks the provider for a fresh token. Runs once for all callers waiting at that moment. */
  issue: (http: ProviderHttp) => Promise<IssuedToken>;
  /** The header(s) that carry a token on API calls. */
  headers: (token: string) => AuthHeaders;
  /** Clock, injectable so tests can move past an expiry without waiting. */
  now?: () => number;
}

/** A token is replaced this long before it expires (at most a tenth of its life), so no call carries a dying one. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * An auth strategy over a single-flight token cache: concurrent callers share one token request; the
 * token is reused until shortly before its expiry; a 401 drops exactly the token that was refused (so
 * twenty calls refused together fetch one new token, not twenty).
 */
export function cachedTokenAuth(options: CachedTokenOptions): AuthStrategy {
  const now = options.now ?? Date.now;
  let current: { headers: AuthHeaders; refreshAt: number } | undefined;
  let pending: Promise<AuthHeaders> | undefined;

  function refresh(http: ProviderHttp): Promise<AuthHeaders> {
    const askedAt = now();
    const issued = options.issue(http).then(({ token, expiresInMs }) => {
      if (typeof token !== 'string' || token === '' || !(expiresInMs > 0)) {
        throw new TypeError('A token source must return a non-empty token and a positive expiresInMs.');
      }
      const headers = Object.freeze({ ...options.headers(token) });
      const margin = Math.min(REFRESH_MARGIN_MS, expiresInMs / 10);
      current = { headers, refreshAt: askedAt + expiresInMs - margin };
      return headers;
    });
    pending = issued;
    // A failed request is not cached: the next call asks again.
    const settle = () => {
      if (pending === issued) pending = undefined;
    };
    issued.then(settle, settle);
    return issued;
  }

  return {
    headers({ http, signal }) {
      if (current && now() < current.refreshAt) return current.headers;
      return untilAborted(pending ?? refresh(http), signal);
    },
    invalidate(rejected) {
      if (current?.headers === rejected) current = undefined;
    },
  };
}

/** `promise`, unless `signal` aborts first; the promise itself goes on for its other waiters. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
