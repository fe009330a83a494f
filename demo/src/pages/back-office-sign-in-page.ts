import { html } from './html.js';
import { layout } from './layout.js';

interface PageInput {
  nonce: string;
  cartCount: number;
}

/**
 * `/back-office` before signing in (401): one password field for the merchant key. A wrong key comes
 * back here with the error tied to the field and the focus on it, so the next try is one keystroke away.
 */
export function renderBackOfficeSignInPage(input: PageInput & { error?: string; notice?: string }) {
  const invalid = input.error !== undefined;
  return layout({
    title: 'Back office: sign in',
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'none',
    body: html`<h1>Back office</h1>
    <p class="lead">Orders, payments, and capture, void and refund. For the shop's staff: sign in with the
      merchant key.</p>
    ${input.notice ? html`<div class="notice warn" role="status"><p>${input.notice}</p></div>` : ''}
    <form method="post" action="/back-office/sign-in" class="card bo-sign-in">
      <div class="field">
        <label for="merchant-key">Merchant key</label>
        <input id="merchant-key" name="merchantKey" type="password" required autocomplete="current-password"
          spellcheck="false" aria-describedby="${invalid ? 'merchant-key-error merchant-key-hint' : 'merchant-key-hint'}"
          ${invalid ? html`aria-invalid="true" autofocus` : ''}>
        ${invalid ? html`<p id="merchant-key-error" class="field-error" role="alert">${input.error}</p>` : ''}
        <p id="merchant-key-hint" class="muted">The shop's <code>MERCHANT_KEY</code>. In sandbox mode without one,
          <code>npm start</code> printed the key it made up for this run.</p>
      </div>
      <button type="submit">Sign in</button>
    </form>`,
  });
}

/** `/back-office` when no merchant key is configured (404): what turns it on. */
export function renderBackOfficeOffPage(input: PageInput) {
  return layout({
    title: 'Back office is off',
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'none',
    body: html`<h1>Back office is off</h1>
    <p class="lead">This shop has no merchant key, so the back office and server-kit's merchant API are off.
      Set <code>MERCHANT_KEY</code> (at least 16 characters) and restart the shop to turn them on.</p>
    <a class="button" href="/">Back to the shop</a>`,
  });
}

/** A back-office form posted from another site (403). */
export function renderBackOfficeRefusedPage(input: PageInput) {
  return layout({
    title: 'Back office: refused',
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'none',
    body: html`<h1>Request refused</h1>
    <p class="lead">Back-office forms are accepted only from the shop's own pages.</p>
    <a class="button" href="/back-office">Open the back office</a>`,
  });
}
