/**
 * The merchant's return URL with `session=<id>` added. S1 allow-lists the URL before it gets here; this
 * is a second line of defence (docs/reliability.md 11): only http(s) URLs and same-origin paths are
 * accepted, anything else (`javascript:`, `//evil.example`, `/\evil.example`) yields no link at all.
 */
export function merchantReturnHref(merchantReturnUrl: string, sessionId: string): string | undefined {
  const raw = merchantReturnUrl.trim();
  if (/^\/(?![/\\])/.test(raw)) {
    // A path on our own origin: resolve against a throwaway base and keep only the path part.
    const url = new URL(raw, 'http://return.invalid');
    if (url.host !== 'return.invalid') return undefined;
    url.searchParams.set('session', sessionId);
    return `${url.pathname}${url.search}${url.hash}`;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.searchParams.set('session', sessionId);
  return url.href;
}
