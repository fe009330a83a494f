import type { Product } from '../catalogue.js';
import { formatMoney } from './format.js';
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import { productArt } from './product-art.js';

function productCard(product: Product): SafeHtml {
  return html`<article class="card product-card" aria-labelledby="product-${product.sku}">
    <a href="/products/${product.sku}" tabindex="-1" aria-hidden="true">${productArt(product)}</a>
    <h2 id="product-${product.sku}"><a href="/products/${product.sku}">${product.name}</a></h2>
    <p>${product.summary}</p>
    <form method="post" action="/cart/add" class="row">
      <span class="price">${formatMoney(product.price, product.currency)}</span>
      <input type="hidden" name="sku" value="${product.sku}">
      <input type="hidden" name="qty" value="1">
      <button type="submit" aria-label="Add ${product.name} to cart">Add to cart</button>
    </form>
  </article>`;
}

/** `/`: the shop front with every product. */
export function renderHomePage(input: { products: readonly Product[]; cartCount: number; nonce: string }) {
  return layout({
    title: 'Shop',
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'shop',
    body: html`<h1>Things we make</h1>
    <p class="lead">Small-batch goods and services from a two-person design studio. Pay by bank, card,
      Google Pay or Apple Pay.</p>
    <div class="grid">${input.products.map(productCard)}</div>`,
  });
}
