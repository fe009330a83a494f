import { MAX_QTY } from '../cart.js';
import type { Product } from '../catalogue.js';
import { formatMoney } from './format.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { productArt } from './product-art.js';

/** `/products/:sku`: one product with a quantity field and Add to cart. */
export function renderProductPage(input: { product: Product; cartCount: number; nonce: string }) {
  const { product } = input;
  return layout({
    title: product.name,
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'shop',
    body: html`<nav aria-label="Breadcrumb"><a href="/">Shop</a> / <span aria-current="page">${product.name}</span></nav>
    <div class="product-detail">
      <div class="card">${productArt(product)}</div>
      <div class="stack">
        <h1>${product.name}</h1>
        <p class="price">${formatMoney(product.price, product.currency)}</p>
        <p>${product.description}</p>
        <form method="post" action="/cart/add" class="card">
          <input type="hidden" name="sku" value="${product.sku}">
          <div class="field">
            <label for="qty">Quantity</label>
            <input id="qty" name="qty" type="number" inputmode="numeric" min="1" max="${MAX_QTY}" value="1" required>
          </div>
          <button type="submit">Add to cart</button>
        </form>
      </div>
    </div>`,
  });
}
