import { buildOpenApiDocument } from '@pay-checkout/contract';
import { jsonResponse } from '../http/json.js';
import type { RouteHandler } from '../http/router.js';
import type { RouteDeps } from './route-deps.js';

/**
 * `GET openapi.json`: the OpenAPI 3.1 document of this kit's HTTP contract (docs/openapi.json), with
 * this kit's `publicUrl` as its server so API tools call the right base. Built once: it depends on
 * nothing but the contract and the URL. Public like the element-facing routes it describes, and
 * readable cross-origin so API tools on another origin can load it.
 */
export function openApiRoute(deps: RouteDeps): RouteHandler {
  let document: Record<string, unknown> | undefined;
  return async () => {
    document ??= buildOpenApiDocument({ serverUrl: deps.config.publicUrl });
    return jsonResponse(200, document, {
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
    });
  };
}
