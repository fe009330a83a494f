import { type AdminBaseContext, handleAdminBase, readAdminJson } from '../../shared/admin/admin-base.js';
import { MethodNotAllowedError, NotFoundError } from '../../shared/http/errors.js';
import { safeDecode } from '../../shared/http/path.js';
import { jsonResponse } from '../../shared/http/responses.js';
import { parseOrThrow } from '../../shared/http/validation.js';
import { paymentKnobsSchema } from '../../shared/knobs/knob-board.js';
import { detailsOf, widgetUrl } from './api.js';
import { SANDBOX_CLIENT } from './clients.js';
import type { ConnectPayContext } from './context.js';
import type { SandboxPayment } from './model.js';
import { registerClientSchema } from './schema.js';
import type { WidgetVisit } from './widget-visits.js';

/**
 * The admin API under `{base}/admin`: the shared routes (knobs, per-client knobs, fail-next,
 * notification attempts: `shared/admin/admin-base.ts`) plus ConnectPay's own: payments with their
 * history, manual review, extra clients, reset. No auth: the sandbox is a local test tool.
 */
export async function handleAdmin(
  request: Request,
  url: URL,
  context: ConnectPayContext,
): Promise<Response | undefined> {
  const path = url.pathname.slice(context.prefix.length);
  if (path !== '/admin' && !path.startsWith('/admin/')) return undefined;
  const route = path.slice('/admin'.length);
  const method = request.method;
  const readJson = (): Promise<unknown> => readAdminJson(request);
  const base: AdminBaseContext = {
    knobs: context.knobs,
    notifier: context.notifier,
    hasClient: (clientId) => context.clients.get(clientId) !== undefined,
    defaultClientId: SANDBOX_CLIENT.clientId,
  };
  const shared = await handleAdminBase(route, request, url, base);
  if (shared) return shared;

  if (route === '/payments') {
    if (method !== 'GET') throw new MethodNotAllowedError(method);
    const key = url.searchParams.get('key');
    const reference = url.searchParams.get('merchantReference');
    const payments = context.book
      .list(
        (payment) =>
          (key === null || payment.key === key) &&
          (reference === null || payment.merchantReference === reference),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return jsonResponse(200, { payments: payments.map((payment) => adminView(context, url, payment)) });
  }
  const paymentRoute = /^\/payments\/([^/]+)(?:\/(knobs|approve|reject|expire))?$/.exec(route);
  if (paymentRoute) {
    const paymentId = safeDecode(paymentRoute[1]);
    const action = paymentRoute[2];
    const payment = context.book.get(paymentId);
    if (!payment) throw new NotFoundError('payment_not_found', `No payment ${paymentId}.`);
    if (action === undefined) {
      if (method !== 'GET') throw new MethodNotAllowedError(method);
      return jsonResponse(200, adminView(context, url, payment));
    }
    if (action === 'knobs') {
      if (method !== 'PUT') throw new MethodNotAllowedError(method);
      const { latencyMs, ...knobs } = parseOrThrow(paymentKnobsSchema, await readJson());
      if (latencyMs !== undefined) context.knobs.setPaymentLatency(paymentId, latencyMs);
      const updated = context.book.setKnobs(paymentId, knobs);
      return jsonResponse(200, adminView(context, url, updated));
    }
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    // The book refuses illegal moves with IllegalTransitionError, answered 409 at the stage boundary.
    const updated =
      action === 'approve'
        ? context.book.approve(paymentId)
        : action === 'reject'
          ? context.book.reject(paymentId)
          : context.book.expire(paymentId);
    return jsonResponse(200, adminView(context, url, updated));
  }
  if (route === '/clients') {
    if (method === 'GET') {
      // Secrets stay in the sandbox even though they are test data: the list shows ids only.
      return jsonResponse(200, {
        clients: context.clients
          .list()
          .map((client) => ({ clientId: client.clientId, brandId: client.brandId })),
      });
    }
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    const client = context.clients.register(parseOrThrow(registerClientSchema, await readJson()));
    return jsonResponse(201, { clientId: client.clientId, brandId: client.brandId });
  }
  if (route === '/reset') {
    if (method !== 'POST') throw new MethodNotAllowedError(method);
    context.notifier.reset();
    context.book.reset();
    context.knobs.reset();
    context.clients.reset();
    context.topUpConsumers.clear();
    context.widgetVisits.reset();
    return jsonResponse(200, { reset: true });
  }
  throw new NotFoundError('not_found', `No admin endpoint ${route || '/'}.`);
}

function adminView(context: ConnectPayContext, url: URL, payment: SandboxPayment) {
  return {
    paymentId: payment.paymentId,
    kind: payment.kind,
    clientId: payment.clientId,
    key: payment.key,
    widgetUrl: widgetUrl(url.origin, context.prefix, payment.key),
    status: payment.status,
    ...(payment.statusReason ? { statusReason: payment.statusReason } : {}),
    step: payment.step,
    ...(payment.method ? { method: payment.method } : {}),
    allowedMethods: payment.allowedMethods,
    knobs: { ...payment.knobs, latencyMs: context.knobs.paymentLatency(payment.paymentId) ?? null },
    history: payment.history,
    details: detailsOf(context, payment),
    // Whether anyone was ever served this payment's widget (a page or a form post with its key).
    widget: widgetView(context.widgetVisits.get(payment.paymentId)),
  };
}

function widgetView(visit: WidgetVisit | undefined) {
  return visit ? { served: visit.count, firstServedAt: visit.firstAt } : { served: 0 };
}
