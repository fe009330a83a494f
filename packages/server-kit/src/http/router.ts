import { MethodNotAllowedError, RouteNotFoundError } from './http-errors.js';

/** What a route handler receives: the request, its parsed URL and the `:params` of its pattern. */
export interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
}

export type RouteHandler = (context: RouteContext) => Promise<Response>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/**
 * A tiny router that matches paths relative to the base path where the kit is mounted
 * (`publicUrl`'s path), so the kit works under `/checkout`, `/api/pay/v2` or `/` alike.
 * Patterns are `/`-separated; `:name` matches one segment, a trailing `*` the rest.
 */
export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly basePath: string) {}

  add(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** The methods some route accepts at this path (for 405 `Allow` and CORS preflight). */
  allowedMethods(pathname: string): string[] {
    const relative = this.relativeSegments(pathname);
    if (!relative) return [];
    return [...new Set(this.routes.filter((r) => matchSegments(r.segments, relative)).map((r) => r.method))];
  }

  /** Finds the handler, or throws 404 `not_found` / 405 `method_not_allowed`. */
  resolve(method: string, url: URL): { handler: RouteHandler; params: Record<string, string> } {
    const relative = this.relativeSegments(url.pathname);
    if (!relative) throw new RouteNotFoundError(url.pathname);
    const lookup = method === 'HEAD' ? 'GET' : method;
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, relative);
      if (!params) continue;
      pathMatched = true;
      if (route.method === lookup) return { handler: route.handler, params };
    }
    if (pathMatched) throw new MethodNotAllowedError(method, this.allowedMethods(url.pathname));
    throw new RouteNotFoundError(url.pathname);
  }

  /** Path segments below the base path, decoded; undefined when the path is outside it. */
  private relativeSegments(pathname: string): string[] | undefined {
    if (this.basePath && pathname !== this.basePath && !pathname.startsWith(`${this.basePath}/`)) {
      return undefined;
    }
    const rest = pathname.slice(this.basePath.length);
    try {
      return rest.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return undefined; // malformed percent-encoding: no route can match it
    }
  }
}

function matchSegments(pattern: string[], path: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i];
    if (part === '*') {
      if (i >= path.length) return undefined;
      params['*'] = path.slice(i).join('/');
      return params;
    }
    const value = path[i];
    if (value === undefined) return undefined;
    if (part.startsWith(':')) params[part.slice(1)] = value;
    else if (part !== value) return undefined;
  }
  return pattern.length === path.length ? params : undefined;
}
