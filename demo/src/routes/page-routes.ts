import { cartCookie, cartCount, MAX_QTY } from '../cart.js';
import { CATALOGUE, findProduct } from '../catalogue.js';
import { readForm } from '../http/request-body.js';
import { createNonce, redirect, sendHtml } from '../http/responses.js';
import { IMPORT_MAP } from '../modules.js';
import { CreateTopUpBody } from '../orders.js';
import { renderCartPage } from '../pages/cart-page.js';
import { BILLING_COUNTRIES, renderCheckoutPage } from '../pages/checkout-page.js';
import { renderHomePage } from '../pages/home-page.js';
import { renderNotFoundPage } from '../pages/not-found-page.js';
import { renderOrderPage } from '../pages/order-page.js';
import { renderProductPage } from '../pages/product-page.js';
import { renderTopUpPage } from '../pages/topup-page.js';
import type { Route, RouteContext } from './context.js';

/** An order whose payment reached one of these is paid: no Pay any more. */
const PAID_STATUSES = new Set(['processing', 'authorized', 'succeeded']);

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function notFound(ctx: RouteContext): true {
  const nonce = createNonce();
  sendHtml(ctx.res, 404, renderNotFoundPage({ nonce, cartCount: cartCount(ctx.cart) }), nonce);
  return true;
}

/** The billing country: `?country=`, else the region of the browser's first language, else Germany. */
function billingCountry(ctx: RouteContext): string {
  const known = (code: string | undefined) => BILLING_COUNTRIES.some((country) => country.code === code);
  const requested = ctx.url.searchParams.get('country')?.toUpperCase();
  if (requested && known(requested)) return requested;
  for (const part of (ctx.req.headers['accept-language'] ?? '').split(',')) {
    const tag = part.split(';')[0].trim();
    const region = tag.split('-')[1]?.toUpperCase() ?? tag.toUpperCase();
    if (known(region)) return region;
  }
  return 'DE';
}

async function showPage(ctx: RouteContext): Promise<boolean> {
  const { url, cart } = ctx;
  const nonce = createNonce();
  const count = cartCount(cart);
  const path = url.pathname;
  if (path === '/') {
    sendHtml(ctx.res, 200, renderHomePage({ products: CATALOGUE, cartCount: count, nonce }), nonce);
    return true;
  }
  const product = /^\/products\/([a-z0-9-]+)$/.exec(path);
  if (product) {
    const found = findProduct(product[1]);
    if (!found) return notFound(ctx);
    sendHtml(ctx.res, 200, renderProductPage({ product: found, cartCount: count, nonce }), nonce);
    return true;
  }
  if (path === '/cart') {
    sendHtml(ctx.res, 200, renderCartPage({ cart, cartCount: count, nonce }), nonce);
    return true;
  }
  if (path === '/topup') {
    const accounts = ctx.deps.config.wallet.accounts;
    sendHtml(ctx.res, 200, renderTopUpPage({ accounts, cartCount: count, nonce }), nonce);
    return true;
  }
  const order = /^\/orders\/([A-Za-z0-9._:-]{1,128})(\/pay|\/pay-esm)?$/.exec(path);
  if (order) {
    const found = ctx.deps.orders.get(order[1]);
    if (!found) return notFound(ctx);
    if (!order[2]) {
      // The status comes from server-kit's fulfilment hook (the order book), never from the URL: the
      // `?session=` server-kit adds to the return URL is not read (docs/server-kit.md, "Fulfil orders").
      sendHtml(ctx.res, 200, renderOrderPage({ order: found, cartCount: count, nonce }), nonce);
      return true;
    }
    if (found.payment && PAID_STATUSES.has(found.payment.status)) {
      // A paid order offers no Pay: its checkout page leads to the order page.
      redirect(ctx.res, `/orders/${found.id}`);
      return true;
    }
    const lang = url.searchParams.get('lang') ?? undefined;
    const page = renderCheckoutPage({
      order: found,
      nonce,
      cartCount: count,
      endpoint: ctx.deps.checkoutPath,
      country: billingCountry(ctx),
      language: lang && LANGUAGE_TAG.test(lang) ? lang : undefined,
      loading:
        order[2] === '/pay'
          ? {
              kind: 'script-tag',
              src: `${ctx.deps.checkoutPath}/element.js`,
              integrity: await ctx.deps.elementIntegrity(),
            }
          : { kind: 'esm', importMap: IMPORT_MAP },
    });
    sendHtml(ctx.res, 200, page, nonce);
    return true;
  }
  return false;
}

async function handleForm(ctx: RouteContext): Promise<boolean> {
  const { url, cart, res } = ctx;
  const path = url.pathname;
  if (path === '/cart/add' || path === '/cart/remove') {
    const form = await readForm(ctx.req);
    const sku = form.get('sku') ?? '';
    if (findProduct(sku)) {
      if (path === '/cart/remove') cart.delete(sku);
      else {
        const qty = Math.trunc(Number(form.get('qty') ?? '1'));
        if (qty >= 1) cart.set(sku, Math.min((cart.get(sku) ?? 0) + qty, MAX_QTY));
      }
    }
    redirect(res, '/cart', { 'set-cookie': cartCookie(cart) });
    return true;
  }
  if (path === '/cart/clear') {
    // called by cart.js once `POST /api/orders` placed the order
    cart.clear();
    res.writeHead(204, { 'set-cookie': cartCookie(cart), 'cache-control': 'no-store' }).end();
    return true;
  }
  if (path === '/cart/checkout') {
    if (cart.size === 0) {
      redirect(res, '/cart');
      return true;
    }
    const order = ctx.deps.orders.createPurchase({ items: [...cart].map(([sku, qty]) => ({ sku, qty })) });
    cart.clear();
    redirect(res, `/orders/${order.id}/pay`, { 'set-cookie': cartCookie(cart) });
    return true;
  }
  if (path === '/topup') {
    const form = await readForm(ctx.req);
    const parsed = CreateTopUpBody.safeParse({
      amount: Number(form.get('amount')),
      creditorIban: form.get('creditorIban') ?? '',
    });
    const known = ctx.deps.config.wallet.accounts.some((a) => a.iban === parsed.data?.creditorIban);
    if (!parsed.success || !known) {
      const nonce = createNonce();
      const page = renderTopUpPage({
        accounts: ctx.deps.config.wallet.accounts,
        cartCount: cartCount(cart),
        nonce,
        error: 'Choose an amount and one of your wallet accounts.',
      });
      sendHtml(res, 422, page, nonce);
      return true;
    }
    const order = ctx.deps.orders.createTopUp(parsed.data);
    redirect(res, `/orders/${order.id}/pay`);
    return true;
  }
  return false;
}

/** The shop's HTML pages (GET) and their forms (POST, post/redirect/get). */
export const pageRoutes: Route = async (ctx) => {
  const method = ctx.req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return (await showPage(ctx)) || notFound(ctx);
  if (method === 'POST') return (await handleForm(ctx)) || notFound(ctx);
  return notFound(ctx);
};
