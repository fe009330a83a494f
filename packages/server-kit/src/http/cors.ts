import { OriginNotAllowedError } from './http-errors.js';

/** Headers the element sends cross-origin (and the SSE resume header). */
const ALLOWED_REQUEST_HEADERS = 'content-type, idempotency-key, last-event-id';

/**
 * CORS for the merchant pages that embed the element. Only origins in `allowedOrigins` get
 * `Access-Control-Allow-Origin`; everything else gets no CORS headers, so browsers block reads.
 */
export class CorsPolicy {
  private readonly origins: ReadonlySet<string>;

  constructor(allowedOrigins: readonly string[]) {
    this.origins = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  }

  isAllowed(origin: string): boolean {
    return this.origins.has(origin.toLowerCase());
  }

  /** Adds CORS headers for an allowed origin (and `Vary: Origin` always, for caches). */
  apply(request: Request, response: Response): Response {
    const origin = request.headers.get('origin');
    // Responses built from fetch() have immutable headers; copy only when needed.
    let headers: Headers;
    try {
      response.headers.append('vary', 'Origin');
      headers = response.headers;
    } catch {
      response = new Response(response.body, response);
      response.headers.append('vary', 'Origin');
      headers = response.headers;
    }
    if (origin && this.isAllowed(origin)) {
      headers.set('access-control-allow-origin', origin);
      headers.set('access-control-expose-headers', 'idempotent-replayed, retry-after');
    }
    return response;
  }

  /** Answers an `OPTIONS` preflight: 204 for allowed origins, 403 `origin_not_allowed` otherwise. */
  preflight(request: Request, allow: readonly string[]): Response {
    const origin = request.headers.get('origin') ?? '';
    if (!this.isAllowed(origin)) throw new OriginNotAllowedError(origin || '(none)');
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': allow.join(', '),
        'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
        'access-control-max-age': '600',
        vary: 'Origin',
      },
    });
  }

  /**
   * A state-changing request from a browser must come from an allowed origin. Requests without an
   * `Origin` header are not from a browser page (browsers always send it on POST), e.g. the
   * merchant's own server, and are let through.
   */
  assertOriginAllowed(request: Request): void {
    const origin = request.headers.get('origin');
    if (origin !== null && !this.isAllowed(origin)) throw new OriginNotAllowedError(origin);
  }
}
