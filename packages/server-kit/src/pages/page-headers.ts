import { ConfigError } from '../errors.js';

/**
 * Response headers for the hosted pages (docs/reliability.md 12). The CSP allows only scripts and
 * styles that carry this response's nonce; `'strict-dynamic'` lets the nonced element bundle load its
 * own locale chunks. There is no `'unsafe-inline'`, so the pages use no inline event handlers and no
 * `style=` attributes. See https://www.w3.org/TR/CSP3/#strict-dynamic-usage.
 */

/** A nonce as `createNonce` makes it: base64 only, so it cannot break out of the header or an attribute. */
const NONCE_PATTERN = /^[A-Za-z0-9+/]{16,}={0,2}$/;

/**
 * `frame-ancestors` sources: a scheme-and-host source such as `https://shop.example`,
 * `https://*.shop.example:8443`, or `'self'`. Anything with `;`, `,` or whitespace could inject directives.
 */
const FRAME_ANCESTOR_PATTERN = /^(?:'self'|https?:\/\/(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?)$/;

/** A `form-action` source: scheme, host and optional port, nothing that could inject a directive. */
const FORM_ACTION_PATTERN = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/;

/** A fresh 128-bit random nonce, base64. Uses Web Crypto so it works on every runtime the kit runs on. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export interface PageHeaderOptions {
  /** Origins allowed to frame the page; default none (`frame-ancestors 'none'`). */
  frameAncestors?: string[];
  /**
   * Origins a form on the page may post to besides our own (`form-action`): the provider's 3-D Secure
   * page on `continue/:id`. Each must be an origin such as `https://acs.example`.
   */
  formActions?: string[];
}

/** Headers for a hosted page response whose script and style tags carry `nonce`. */
export function pageHeaders(nonce: string, opts: PageHeaderOptions = {}): Record<string, string> {
  if (!NONCE_PATTERN.test(nonce)) {
    throw new ConfigError('pageHeaders: the nonce must be base64 (use createNonce()).');
  }
  const ancestors = opts.frameAncestors ?? [];
  for (const source of ancestors) {
    if (!FRAME_ANCESTOR_PATTERN.test(source)) {
      throw new ConfigError(
        `pageHeaders: frameAncestors entry ${JSON.stringify(source).slice(0, 80)} is not an origin such as https://shop.example or 'self'.`,
      );
    }
  }
  const formActions = opts.formActions ?? [];
  for (const source of formActions) {
    if (!FORM_ACTION_PATTERN.test(source)) {
      throw new ConfigError(
        `pageHeaders: formActions entry ${JSON.stringify(source).slice(0, 80)} is not an origin such as https://acs.example.`,
      );
    }
  }
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    `form-action 'self'${formActions.map((origin) => ` ${origin}`).join('')}`,
    `frame-ancestors ${ancestors.length > 0 ? ancestors.join(' ') : "'none'"}`,
  ].join('; ');
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  // Browsers without CSP frame-ancestors still honour this; it can only say "nobody", so only then.
  if (ancestors.length === 0) headers['X-Frame-Options'] = 'DENY';
  return headers;
}
