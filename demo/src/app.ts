import type { RequestListener } from 'node:http';
import type { NodeHandler } from '@pay-checkout/server-kit';
import { parseCart } from './cart.js';
import { sendError } from './http/responses.js';
import { apiRoutes } from './routes/api-routes.js';
import { assetRoutes } from './routes/asset-routes.js';
import { backOfficeRoutes } from './routes/back-office-routes.js';
import type { RouteContext, ShopDeps } from './routes/context.js';
import { pageRoutes } from './routes/page-routes.js';

export interface ShopAppInput {
  deps: ShopDeps;
  /** server-kit's node:http handler, mounted at `deps.checkoutPath`. */
  checkout: NodeHandler;
  /** False until server-kit's store is open: `/healthz` answers 503 until then. */
  isReady(): boolean;
}

function errorStatus(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof Error && 'status' in error && 'code' in error) {
    return { status: Number(error.status), code: String(error.code), message: error.message };
  }
  return { status: 500, code: 'internal_error', message: 'Something went wrong' };
}

/** The demo shop as one node:http request listener: server-kit under `/checkout`, the shop elsewhere. */
export function createShopApp(input: ShopAppInput): RequestListener {
  const { deps } = input;
  const routes = [assetRoutes, apiRoutes, backOfficeRoutes, pageRoutes];
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://shop.invalid');
    if (url.pathname === deps.checkoutPath || url.pathname.startsWith(`${deps.checkoutPath}/`)) {
      input.checkout(req, res);
      return;
    }
    if (url.pathname === '/healthz') {
      const ready = input.isReady();
      res.writeHead(ready ? 200 : 503, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(ready ? 'ok' : 'starting');
      return;
    }
    const ctx: RouteContext = { req, res, url, cart: parseCart(req.headers.cookie), deps };
    void (async () => {
      for (const route of routes) if (await route(ctx)) return;
    })().catch((error: unknown) => {
      const { status, code, message } = errorStatus(error);
      if (status >= 500) console.error('demo: request failed', req.method, url.pathname, error);
      if (res.headersSent) res.end();
      else sendError(res, status, code, message);
    });
  };
}
