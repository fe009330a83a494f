import type { Html } from '../pages/html.js';

/**
 * A hosted page. Pages show one payment's state and carry its key in their URL, so: never cached,
 * no Referer to the merchant's site, and no content sniffing.
 */
export function htmlResponse(status: number, page: Html, headers: Record<string, string> = {}): Response {
  return new Response(page.toString(), {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

/** Post/redirect/get: the next step is always rendered by a GET, so reload and back behave. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}
