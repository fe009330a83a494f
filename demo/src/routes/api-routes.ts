import { readJson } from '../http/request-body.js';
import { sendError, sendJson } from '../http/responses.js';
import { CreateOrderBody, CreateTopUpBody, type Order } from '../orders.js';
import type { Route } from './context.js';

/** The order as the shop's API shows it (amounts in minor units, like server-kit's wire shapes). */
function orderView(order: Order) {
  return {
    orderId: order.id,
    kind: order.kind,
    items: order.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      qty: line.qty,
      unitPrice: line.unitPrice,
    })),
    total: { value: order.total, currency: order.currency },
    description: order.description,
    createdAt: order.createdAt.toISOString(),
  };
}

function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}

/**
 * The shop's JSON API (docs/testing.md): `POST /api/orders {items: [{sku, qty}]}` → 201 `{orderId}`,
 * `POST /api/topups {amount, creditorIban}` → 201 `{orderId}`, `GET /api/orders/:id`, and the
 * back-office view `GET /api/payments/:sessionId/history` (status events as server-kit stored them).
 */
export const apiRoutes: Route = async (ctx) => {
  const { req, res, url, deps } = ctx;
  const path = url.pathname;
  if (!path.startsWith('/api/')) return false;
  if (path === '/api/orders' || path === '/api/topups') {
    if (req.method !== 'POST') {
      sendError(res, 405, 'method_not_allowed', `${path} accepts POST only`);
      return true;
    }
    const body = await readJson(req);
    if (path === '/api/orders') {
      const parsed = CreateOrderBody.safeParse(body);
      if (!parsed.success) {
        sendError(res, 400, 'invalid_request', fieldErrors(parsed.error.issues));
        return true;
      }
      sendJson(res, 201, { orderId: deps.orders.createPurchase(parsed.data).id });
      return true;
    }
    const parsed = CreateTopUpBody.safeParse(body);
    if (!parsed.success) {
      sendError(res, 400, 'invalid_request', fieldErrors(parsed.error.issues));
      return true;
    }
    sendJson(res, 201, { orderId: deps.orders.createTopUp(parsed.data).id });
    return true;
  }
  const match = /^\/api\/orders\/([A-Za-z0-9._:-]{1,128})$/.exec(path);
  if (match && req.method === 'GET') {
    const order = deps.orders.get(match[1]);
    if (!order) sendError(res, 404, 'order_not_found', 'No such order');
    else sendJson(res, 200, orderView(order));
    return true;
  }
  const history = /^\/api\/payments\/([A-Za-z0-9_-]{1,64})\/history$/.exec(path);
  if (history && req.method === 'GET') {
    const found = await deps.paymentHistory(history[1]);
    if (!found) sendError(res, 404, 'session_not_found', 'No such payment');
    else sendJson(res, 200, found);
    return true;
  }
  sendError(res, 404, 'not_found', `No route for ${req.method} ${path}`);
  return true;
};
