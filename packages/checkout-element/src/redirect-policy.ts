/**
 * Whether the element may navigate the shopper to `redirectUrl`: https only, or http when server-kit
 * reports sandbox mode (the local sandbox serves its provider pages over plain http). Anything else,
 * e.g. `javascript:` or `data:`, is refused, even if a compromised or misconfigured server sends it.
 */
export function isSafeRedirect(redirectUrl: string, mode: 'live' | 'sandbox'): boolean {
  let url: URL;
  try {
    url = new URL(redirectUrl, document.baseURI);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && mode === 'sandbox');
}
