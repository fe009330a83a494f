/**
 * The stage's admin API under `{prefix}/admin` (no auth: the sandbox is a local test tool): the shared
 * knobs, `fail-next` and notification log (`handleAdminBase`, keyed by member id), plus
 * `GET /payments[?merchantTransactionId=]` (what the stage keeps: never a card number or CVV) and
 * `POST /reset`.
 */
import { handleAdminBase } from '../../shared/admin/admin-base.js';
import { MethodNotAllowedError } from '../../shared/http/errors.js';
import { jsonResponse } from '../../shared/http/responses.js';
import type { CardGatewayContext } from './context.js';
import { cardGatewayTestMerchant, merchantById } from './merchants.js';

export async function handleAdmin(
  request: Request,
  url: URL,
  context: CardGatewayContext,
): Promise<Response | undefined> {
  const path = url.pathname.slice(context.prefix.length);
  if (path !== '/admin' && !path.startsWith('/admin/')) return undefined;
  const route = path.slice('/admin'.length);
  if (route === '/payments') {
    if (request.method !== 'GET') throw new MethodNotAllowedError(request.method);
    const reference = url.searchParams.get('merchantTransactionId');
    const payments = context.book.list(
      (payment) => reference === null || payment.merchantTransactionId === reference,
    );
    return jsonResponse(200, { payments: payments.map(({ acsToken: _token, ...kept }) => kept) });
  }
  if (route === '/reset') {
    if (request.method !== 'POST') throw new MethodNotAllowedError(request.method);
    context.book.reset();
    context.knobs.reset();
    context.notifier.reset();
    return jsonResponse(200, { reset: true });
  }
  const base = await handleAdminBase(route, request, url, {
    knobs: context.knobs,
    notifier: context.notifier,
    hasClient: (memberId) => merchantById(memberId) !== undefined,
    defaultClientId: cardGatewayTestMerchant.memberId,
  });
  if (base) return base;
  return jsonResponse(404, { error: { code: 'not_found', message: `No admin route ${route}.` } });
}
