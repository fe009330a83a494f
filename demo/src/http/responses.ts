import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { SafeHtml } from '../pages/html.js';

/** A fresh CSP nonce per page (128 bits). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The shop's pages run no inline script without the page's nonce. `'self'` scripts are the shop's own
 * assets and `/checkout/element.js` served by server-kit on this same origin; Lit styles the element
 * through adopted stylesheets, so `style-src` needs no `'unsafe-inline'`.
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function sendHtml(res: ServerResponse, status: number, page: SafeHtml, nonce: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(nonce),
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(page.value);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** `{error: {code, message}}`, the same error shape server-kit answers with. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

/** Post/redirect/get: every form post answers 303 so a reload never re-submits. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}
