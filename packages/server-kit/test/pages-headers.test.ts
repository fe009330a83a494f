import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../src/errors.js';
import { createNonce, pageHeaders } from '../src/pages/index.js';

describe('hosted page headers', () => {
  it('sends a strict CSP built around the nonce, with no unsafe-inline', () => {
    const nonce = createNonce();
    const headers = pageHeaders(nonce);
    assert.equal(
      headers['Content-Security-Policy'],
      `default-src 'none'; script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'nonce-${nonce}'; ` +
        "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'",
    );
    assert.doesNotMatch(headers['Content-Security-Policy'], /unsafe-inline|unsafe-eval/);
  });

  it('sends no-referrer, nosniff, no-store and an HTML content type', () => {
    const headers = pageHeaders(createNonce());
    assert.equal(headers['Referrer-Policy'], 'no-referrer');
    assert.equal(headers['X-Content-Type-Options'], 'nosniff');
    assert.equal(headers['Cache-Control'], 'no-store');
    assert.equal(headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(headers['X-Frame-Options'], 'DENY');
  });

  it('lets named origins frame the page when asked', () => {
    const headers = pageHeaders(createNonce(), { frameAncestors: ["'self'", 'https://shop.example'] });
    assert.match(headers['Content-Security-Policy'], /frame-ancestors 'self' https:\/\/shop\.example$/);
    assert.equal(headers['X-Frame-Options'], undefined, 'XFO cannot name origins, so it is left out');
  });

  it('refuses frame ancestors that could inject directives', () => {
    for (const bad of ['https://a.example; script-src *', '*', 'https://a.example\r\nSet-Cookie: x', '']) {
      assert.throws(
        () => pageHeaders(createNonce(), { frameAncestors: [bad] }),
        (error: unknown) => error instanceof ConfigError && /frameAncestors entry/.test(error.message),
        JSON.stringify(bad),
      );
    }
  });

  it('refuses a nonce that is not base64', () => {
    for (const bad of ["abc' 'unsafe-inline", 'short', 'a\r\nb'.repeat(8)]) {
      assert.throws(() => pageHeaders(bad), ConfigError);
    }
  });

  it('makes a fresh 128-bit base64 nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
      assert.equal(Buffer.from(nonce, 'base64').length, 16);
    }
  });
});
