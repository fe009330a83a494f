/**
 * Who sent a request, for per-client rate limits. `toNodeHandler` knows the socket's address and
 * records it here (a fetch `Request` cannot carry it). Behind reverse proxies every shopper arrives from
 * the proxy's address; each proxy appends the address it saw to `X-Forwarded-For`, so the client is the
 * entry `trustedProxies` hops from the right of `[...X-Forwarded-For, socket]`. Entries further left
 * are whatever the client chose to send and are never trusted (a client could spread its requests over
 * invented addresses). Fetch-style runtimes have no socket: their platform's proxy stands in for it, so
 * the last `X-Forwarded-For` entry (the one the platform appended) is hop 0, else one shared key.
 */
const addresses = new WeakMap<Request, string>();

/** An address longer than this is not an address: it is cut so that a key stays small. */
const MAX_ADDRESS = 64;

export function setClientAddress(request: Request, address: string | undefined): void {
  if (address) addresses.set(request, address);
}

export function clientAddress(request: Request, trustedProxies = 0): string {
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const socket = addresses.get(request);
  const chain = socket === undefined ? forwarded : [...forwarded, socket];
  if (chain.length === 0) return 'unknown';
  const hops = socket === undefined ? Math.max(0, trustedProxies - 1) : trustedProxies;
  // More proxies configured than the chain has hops: the leftmost is the best we know.
  const entry = chain[Math.max(0, chain.length - 1 - hops)] as string;
  return entry.slice(0, MAX_ADDRESS);
}
