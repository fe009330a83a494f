/**
 * Who sent a request, for per-client rate limits. `toNodeHandler` knows the socket's address and
 * records it here (a fetch `Request` cannot carry it); fetch-style runtimes have no socket, so the first
 * `X-Forwarded-For` hop of their platform's proxy is used, else one shared key.
 */
const addresses = new WeakMap<Request, string>();

export function setClientAddress(request: Request, address: string | undefined): void {
  if (address) addresses.set(request, address);
}

export function clientAddress(request: Request): string {
  const known = addresses.get(request);
  if (known !== undefined) return known;
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded ? forwarded.slice(0, 64) : 'unknown';
}
