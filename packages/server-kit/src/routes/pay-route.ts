import { CountryCode, OrderId, ProviderId } from '@pay-checkout/contract';
import { CheckoutError, ValidationError } from '../errors.js';
import { OrderNotFoundError } from '../http/http-errors.js';
import type { RouteHandler } from '../http/router.js';
import { formatAmount } from '../pages/amount-format.js';
import {
  createNonce,
  negotiateLocale,
  pageHeaders,
  renderNotFoundPage,
  renderPayPage,
} from '../pages/index.js';
import { loadOrder } from '../sessions/order.js';
import { readElementIntegrity } from './element-files.js';
import { buildOptions } from './options-route.js';
import type { RouteDeps } from './route-deps.js';

/**
 * `GET pay/:order[?provider=…][&country=…][&lang=…]`: the hosted checkout page, the element on our own
 * page, for merchants who redirect. `provider` is handed to the element, which sends it with
 * `POST sessions`; `country` is the bank's country (else the region of the browser's language). The
 * element gets its options inline, so its first render needs no round trip. A link that names no order
 * (or a bad parameter) gets a page in the shopper's language with the way back to the shop, never JSON.
 */
export function payRoute(deps: RouteDeps): RouteHandler {
  return async ({ request, url, params }) => {
    const locale = negotiateLocale(request.headers.get('accept-language'), url.searchParams.get('lang'));
    try {
      return await payPage(deps, request, url, params.order, locale);
    } catch (error) {
      if (!(error instanceof CheckoutError) || error.status >= 500) throw error;
      deps.log.info({ code: error.code, status: error.status }, 'hosted pay page: no such payment link');
      const nonce = createNonce();
      const html = renderNotFoundPage({ locale, nonce, shopUrl: deps.config.shopUrl });
      return new Response(html, { status: error.status, headers: pageHeaders(nonce) });
    }
  };
}

async function payPage(
  deps: RouteDeps,
  request: Request,
  url: URL,
  orderId: string | undefined,
  locale: string,
): Promise<Response> {
  if (!OrderId.safeParse(orderId).success) throw new OrderNotFoundError();
  const order = await loadOrder(deps, orderId as string);
  // `?provider=` pins a provider instance of the route (POST sessions refuses one outside it).
  const pinned = url.searchParams.get('provider');
  if (pinned !== null && !ProviderId.safeParse(pinned).success) {
    throw new ValidationError('provider must be a provider id: lower-case letters, digits and -');
  }
  const asked = url.searchParams.get('country')?.toUpperCase();
  const country = CountryCode.safeParse(asked).success ? asked : browserRegion(request);
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
    ...(country && CountryCode.safeParse(asked).success ? { country } : {}),
    options: await buildOptions(deps, { order: order.orderId, country, language: locale }, order),
  });
  return new Response(html, { status: 200, headers: pageHeaders(nonce) });
}

/**
 * The region of the browser's first language (`en-US` → `US`): what the element would ask with when
 * no country is given, so the inlined options match what it would have fetched.
 */
function browserRegion(request: Request): string | undefined {
  const first = request.headers.get('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  try {
    return first ? new Intl.Locale(first).region : undefined;
  } catch {
    return undefined;
  }
}
