import type { ProviderAdapter } from '../providers/provider.js';

/**
 * Open-redirect defences (OWASP Unvalidated Redirects cheat sheet; docs/reliability.md 11). Both checks
 * parse with the WHATWG URL parser and accept only absolute URLs, so `//evil.example`,
 * `/\evil.example`, `javascript:` and percent-encoded tricks never pass: they either fail to parse
 * without a base, or come out with a scheme or host that is not on the list.
 */
function parseAbsolute(value: string): URL | undefined {
  if (typeof value !== 'string' || value.length > 2048 || /[\s\\]/.test(value)) return undefined;
  try {
    const url = new URL(value);
    if (url.username || url.password) return undefined; // https://shop.example@evil.example
    return url;
  } catch {
    return undefined;
  }
}

/** A provider's `redirectUrl` is followed only if https (http for sandbox adapters) on the adapter's hosts. */
export function isSafeProviderRedirect(value: string, adapter: ProviderAdapter): boolean {
  const url = parseAbsolute(value);
  if (!url) return false;
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && adapter.sandbox);
  const hosts = adapter.redirectHosts.map((host) => host.toLowerCase());
  return schemeOk && hosts.includes(url.host.toLowerCase());
}

/** The merchant's return URL, if it is on the allow-list; otherwise `undefined` (no button is offered). */
export function allowedReturnUrl(
  value: string | undefined,
  hosts: readonly string[],
  allowHttp: boolean,
): string | undefined {
  if (!value) return undefined;
  const url = parseAbsolute(value);
  if (!url) return undefined;
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && allowHttp);
  return schemeOk && hosts.includes(url.host.toLowerCase()) ? url.href : undefined;
}
