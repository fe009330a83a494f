/**
 * The admin API under `{base}/admin`: the shared routes (knobs, per-shop knobs with `clientId` = shop id,
 * fail-next, notification attempts: `shared/admin/admin-base.ts`) plus pay.tech's own: payments (by id,
 * `referenceId` or parent), a payment's knobs, an abandoned checkout (`expire` → CANCELLED 1.04), shops
 * (register one, set its webhook URL) and reset. No auth: the sandbox is a local test tool.
 */
import { type AdminBaseContext, handleAdminBase, readAdminJson } from '../../shared/admin/admin-base.js';
import { MethodNotAllowedError, NotFoundError } from '../../shared/http/errors.js';
import { safeDecode } from '../../shared/http/path.js';
import { jsonResponse } from '../../shared/http/responses.js';
import { parseOrThrow } from '../../shared/http/validation.js';
import { paymentKnobsSchema } from '../../shared/knobs/knob-board.js';
import type { PaytechContext } from './context.js';
import type { PaytechPayment } from './model.js';
import { adminShopSchema, shopWebhookSchema } from './schema.js';
import { PAYTECH_TEST_SHOP } from './shops.js';
import { toWire, toWireOperations } from './wire.js';

export async function handleAdmin(
  request: Request,
  url: URL,
  context: PaytechContext,
): Promise<Response | undefined> {
  const path = url.pathname.slice(context.prefix.length);
  if (path !== '/admin' && !path.startsWith('/admin/')) return undefined;
  const route = path.slice('/admin'.length);
  const method = request.method;
  const base: AdminBaseContext = {
    knobs: context.knobs,
    notifier: context.notifier,
    hasClient: (shopId) => context.shops.get(shopId) !== undefined,
    defaultClientId: PAYTECH_TEST_SHOP.shopId,
  };
  const shared = await handleAdminBase(route, request, url, base);
  if (shared) return shared;

  if (route === '/payments') {
    if (method !== 'GET') throw new MethodNotAllowedError(method);
    const id = url.searchParams.get('id');
    const reference = url.searchParams.get('referenceId');
    const parent = url.searchParams.get('parentPaymentId');
    const payments = context.book
      .list(
        (payment) =>
          (id === null || payment.id === id) &&
          (reference === null || payment.referenceId === reference) &&
          (parent === null || payment.parentPaymentId === parent),
      )
      .sort((a, b) => a.created - b.created);
    return jsonResponse(200, { payments: payments.map((payment) => adminView(context, payment)) });
  }
  const paymentRoute = /^\/payments\/([^/]+)(?:\/(knobs|expire))?$/.exec(route);
  if (paymentRoute) {
    const id = safeDecode(paymentRoute[1]);
    const payment = context.book.get(id);
    if (!payment) throw new NotFoundError('payment_not_found', `No payment ${id.slice(0, 40)}.`);
    const action = paymentRoute[2];
    if (action === undefined) {
      if (method !== 'GET') throw new MethodNotAllowedError(method);
      return jsonResponse(200, adminView(context, payment));
    }
    if (action === 'knobs') {
      if (method !== 'PUT') throw new MethodNotAllowedError(method);
      const { latencyMs, ...knobs } = parseOrThrow(paymentKnobsSchema, await readAdminJson(request));
      if (latencyMs !== undefined) context.knobs.setPaymentLatency(id, latencyMs);
      return jsonResponse(200, adminView(context, context.book.setKnobs(id, knobs)));
    }
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    return jsonResponse(200, adminView(context, context.book.expire(id)));
  }
  if (route === '/shops') {
    if (method === 'GET') {
      // Keys stay in the sandbox even though they are test data: the list shows ids and settings only.
      return jsonResponse(200, {
        shops: context.shops
          .list()
          .map((shop) => ({ shopId: shop.shopId, webhookUrl: shop.webhookUrl ?? null })),
      });
    }
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    const shop = context.shops.register(parseOrThrow(adminShopSchema, await readAdminJson(request)));
    return jsonResponse(201, shop);
  }
  const shopRoute = /^\/shops\/([^/]+)\/webhook$/.exec(route);
  if (shopRoute) {
    if (method !== 'PUT') throw new MethodNotAllowedError(method);
    const { webhookUrl } = parseOrThrow(shopWebhookSchema, await readAdminJson(request));
    const shop = context.shops.setWebhookUrl(safeDecode(shopRoute[1]), webhookUrl ?? undefined);
    if (!shop) throw new NotFoundError('client_not_found', 'No such shop.');
    return jsonResponse(200, { shopId: shop.shopId, webhookUrl: shop.webhookUrl ?? null });
  }
  if (route === '/reset') {
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    context.notifier.reset();
    context.book.reset();
    context.knobs.reset();
    context.shops.reset();
    return jsonResponse(200, { reset: true });
  }
  throw new NotFoundError('not_found', `No admin endpoint ${route || '/'}.`);
}

/** The wire view plus what only the sandbox knows: the shop, the page step, the knobs, the operations. */
function adminView(context: PaytechContext, payment: PaytechPayment) {
  return {
    ...toWire(payment, context.prefix),
    shopId: payment.shopId,
    step: payment.step,
    refunded: payment.refunded,
    knobs: { ...payment.knobs, latencyMs: context.knobs.paymentLatency(payment.id) ?? null },
    operations: toWireOperations(payment),
  };
}
