import { OrderId, ProviderId } from '@pay-checkout/contract';
import { ValidationError } from '../errors.js';
import { OrderNotFoundError } from '../http/http-errors.js';
import type { RouteHandler } from '../http/router.js';
import { formatAmount } from '../pages/amount-format.js';
import { createNonce, negotiateLocale, pageHeaders, renderPayPage } from '../pages/index.js';
import { loadOrder } from '../sessions/order.js';
import { readElementIntegrity } from './element-files.js';
import type { RouteDeps } from './route-deps.js';

/**
 * `GET pay/:order[?provider=…]`: the hosted checkout page, the element on our own page, for merchants
 * who redirect. `provider` is handed to the element, which sends it with `POST sessions`.
 */
export function payRoute(deps: RouteDeps): RouteHandler {
  return async ({ request, url, params }) => {
    if (!OrderId.safeParse(params.order).success) throw new OrderNotFoundError();
    const order = await loadOrder(deps, params.order);
    // `?provider=` pins a provider instance of the route (POST sessions refuses one outside it).
    const pinned = url.searchParams.get('provider');
    if (pinned !== null && !ProviderId.safeParse(pinned).success) {
      throw new ValidationError('provider must be a provider id: lower-case letters, digits and -');
    }
    const locale = negotiateLocale(request.headers.get('accept-language'), url.searchParams.get('lang'));
    const nonce = createNonce();
    const html = renderPayPage({
      orderId: order.orderId,
      locale,
      nonce,
      basePath: deps.config.basePath,
      elementUrl: `${deps.config.basePath}/element.js`,
      elementIntegrity: await readElementIntegrity(deps.elementDir),
      description: order.description,
      amountLabel: formatAmount(order.amountMinor, order.currency, locale),
      ...(pinned ? { provider: pinned } : {}),
    });
    return new Response(html, { status: 200, headers: pageHeaders(nonce) });
  };
}
