import { html } from './html.js';
import { layout } from './layout.js';

export function renderNotFoundPage(input: { nonce: string; cartCount: number }) {
  return layout({
    title: 'Not found',
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'none',
    body: html`<h1>Page not found</h1>
    <p class="lead">We could not find that page or order.</p>
    <a class="button" href="/">Back to the shop</a>`,
  });
}
