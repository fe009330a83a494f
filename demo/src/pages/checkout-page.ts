import type { Order } from '../orders.js';
import { html, type SafeHtml, trusted } from './html.js';
import { layout } from './layout.js';
import { orderSummary } from './order-summary.js';

/** Countries whose banks the ConnectPay sandbox lists; the shopper's billing country filters the banks. */
export const BILLING_COUNTRIES: readonly { code: string; name: string }[] = [
  { code: 'DE', name: 'Germany' },
  { code: 'LT', name: 'Lithuania' },
  { code: 'LV', name: 'Latvia' },
  { code: 'EE', name: 'Estonia' },
  { code: 'FI', name: 'Finland' },
  { code: 'FR', name: 'France' },
  { code: 'ES', name: 'Spain' },
  { code: 'IT', name: 'Italy' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'PL', name: 'Poland' },
];

/** How the page loads `<pay-checkout>`: the script-tag file served by server-kit, or the npm ESM build. */
export type ElementLoading =
  | { kind: 'script-tag'; src: string; integrity?: string }
  | { kind: 'esm'; importMap: Record<string, string> };

export interface CheckoutPageInput {
  order: Order;
  nonce: string;
  cartCount: number;
  /** Where server-kit is mounted on this origin, e.g. `/checkout`. */
  endpoint: string;
  loading: ElementLoading;
  country: string;
  /** Explicit language for the element (`?lang=`); absent → the element follows the browser. */
  language?: string;
}

/** JSON inside `<script>`: `<` escaped so no value can close the tag. */
function scriptJson(value: unknown): SafeHtml {
  return trusted(JSON.stringify(value).replace(/</g, '\\u003c'));
}

function elementHead(loading: ElementLoading, nonce: string): SafeHtml {
  if (loading.kind === 'script-tag') {
    return html`<script type="module" src="${loading.src}"${
      loading.integrity ? html` integrity="${loading.integrity}"` : ''
    }></script>`;
  }
  // The npm build imports bare specifiers (`lit` and its parts): the import map resolves them to
  // the read-only `/modules/` files, as a bundler would at build time.
  return html`<script type="importmap" nonce="${nonce}">${scriptJson({ imports: loading.importMap })}</script>
  <script type="module" nonce="${nonce}">import '@pay-checkout/element';</script>`;
}

/** `/orders/:id/pay` and `/orders/:id/pay-esm`: the order summary and `<pay-checkout>`. */
export function renderCheckoutPage(input: CheckoutPageInput) {
  const { order, loading } = input;
  const isTopUp = order.kind === 'topup';
  const other =
    loading.kind === 'script-tag'
      ? html`This page loads the checkout with a script tag.
        <a href="/orders/${order.id}/pay-esm">Use the npm (ES module) build instead</a>.`
      : html`This page imports the checkout from npm as an ES module.
        <a href="/orders/${order.id}/pay">Use the script-tag build instead</a>.`;
  return layout({
    title: 'Checkout',
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'none',
    head: html`${elementHead(loading, input.nonce)}
  <script type="module" src="/assets/checkout.js"></script>`,
    body: html`<h1>Checkout</h1>
    <p class="lead">${isTopUp ? 'Add money to your Lumen wallet.' : 'Almost there: choose how you want to pay.'}</p>
    <div class="checkout">
      <section class="card stack" aria-labelledby="payment-heading">
        <h2 id="payment-heading">Payment</h2>
        ${
          isTopUp
            ? html`<div class="notice bad" id="checkout-notice" role="alert" tabindex="-1" hidden>
          <p data-text></p><p><a href="/topup">Choose another wallet account</a></p></div>`
            : ''
        }
        <div class="field">
          <label for="billing-country">Billing country</label>
          <select id="billing-country" name="country">
            ${BILLING_COUNTRIES.map(
              (country) =>
                html`<option value="${country.code}" ${country.code === input.country ? 'selected' : ''}>${country.name}</option>`,
            )}
          </select>
        </div>
        <pay-checkout endpoint="${input.endpoint}" order="${order.id}" country="${input.country}"
          methods="${isTopUp ? 'pis card' : 'pis card googlepay applepay'}"${
            input.language ? html` language="${input.language}"` : ''
          }></pay-checkout>
        <p class="muted">${other}</p>
      </section>
      ${orderSummary(order)}
    </div>`,
  });
}
