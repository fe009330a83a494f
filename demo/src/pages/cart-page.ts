import type { Cart } from '../cart.js';
import { findProduct } from '../catalogue.js';
import { formatMoney } from './format.js';
import { html } from './html.js';
import { layout } from './layout.js';

/**
 * `/cart`: the lines, a total, and Checkout. The checkout form posts to `/cart/checkout` (works
 * without JavaScript); `cart.js` upgrades it to `POST /api/orders`, the shop's order API.
 */
export function renderCartPage(input: { cart: Cart; cartCount: number; nonce: string }) {
  const lines = [...input.cart].flatMap(([sku, qty]) => {
    const product = findProduct(sku);
    return product ? [{ product, qty }] : [];
  });
  const total = lines.reduce((sum, line) => sum + line.qty * line.product.price, 0);
  const body =
    lines.length === 0
      ? html`<h1>Your cart</h1>
    <p class="lead">Your cart is empty.</p>
    <a class="button" href="/">Continue shopping</a>`
      : html`<h1>Your cart</h1>
    <div class="checkout">
      <div class="card">
        <table>
          <caption class="visually-hidden">Items in your cart</caption>
          <thead><tr><th scope="col">Item</th><th scope="col" class="num">Quantity</th>
            <th scope="col" class="num">Price</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
          ${lines.map(
            (line) => html`<tr>
              <th scope="row"><a href="/products/${line.product.sku}">${line.product.name}</a></th>
              <td class="num">${line.qty}</td>
              <td class="num">${formatMoney(line.qty * line.product.price, line.product.currency)}</td>
              <td class="num"><form method="post" action="/cart/remove">
                <input type="hidden" name="sku" value="${line.product.sku}">
                <button type="submit" class="link" aria-label="Remove ${line.product.name}">Remove</button>
              </form></td>
            </tr>`,
          )}
          </tbody>
          <tfoot><tr><th scope="row">Total</th><td></td><td class="num" id="cart-total">${formatMoney(total, 'EUR')}</td><td></td></tr></tfoot>
        </table>
      </div>
      <form method="post" action="/cart/checkout" class="card stack" id="checkout-form"
        data-items="${JSON.stringify(lines.map((line) => ({ sku: line.product.sku, qty: line.qty })))}">
        <p class="muted">Taxes included. Shipping is free within the EU.</p>
        <button type="submit">Checkout</button>
        <p role="alert" id="checkout-error" class="muted"></p>
      </form>
    </div>`;
  return layout({
    title: 'Cart',
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'cart',
    head: html`<script type="module" src="/assets/cart.js"></script>`,
    body,
  });
}
