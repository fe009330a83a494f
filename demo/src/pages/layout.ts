import { html, type SafeHtml } from './html.js';

export type NavItem = 'shop' | 'topup' | 'cart' | 'none';

export interface LayoutInput {
  title: string;
  nonce: string;
  cartCount: number;
  current: NavItem;
  body: SafeHtml;
  /** Extra `<head>` content (import map, module scripts), already carrying the nonce where needed. */
  head?: SafeHtml;
}

const LOGO = html`<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
  <circle cx="16" cy="16" r="15" fill="currentColor" opacity="0.12" />
  <path d="M16 5a8 8 0 0 1 4.8 14.4c-.8.6-1.3 1.5-1.3 2.5V23h-7v-1.1c0-1-.5-1.9-1.3-2.5A8 8 0 0 1 16 5Z"
    fill="#e9b949" />
  <rect x="12.5" y="24.5" width="7" height="2.5" rx="1.2" fill="currentColor" />
</svg>`;

function navLink(href: string, label: SafeHtml | string, active: boolean): SafeHtml {
  return html`<li><a href="${href}" aria-current="${active ? 'page' : 'false'}">${label}</a></li>`;
}

/** The shop's page frame: skip link, header with navigation, main landmark, footer. */
export function layout(input: LayoutInput): SafeHtml {
  const cartLabel = html`Cart${
    input.cartCount > 0
      ? html`<span class="badge"><span class="visually-hidden"> (</span>${input.cartCount}<span
          class="visually-hidden"> items)</span></span>`
      : ''
  }`;
  return html`<!doctype html>
<html lang="en" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${input.title} · Lumen Studio</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/assets/shop.css">
  ${input.head ?? ''}
</head>
<body>
  <a class="skip-link" href="#main">Skip to content</a>
  <header class="site-header">
    <div class="wrap">
      <a class="brand" href="/">${LOGO}<span>Lumen Studio</span></a>
      <nav class="site-nav" aria-label="Main">
        <ul>
          ${navLink('/', 'Shop', input.current === 'shop')}
          ${navLink('/topup', 'Wallet top-up', input.current === 'topup')}
          ${navLink('/cart', cartLabel, input.current === 'cart')}
        </ul>
      </nav>
    </div>
  </header>
  <main id="main" class="wrap" tabindex="-1">
${input.body}
  </main>
  <footer class="site-footer">
    <div class="wrap">Lumen Studio is a demo shop for pay-checkout. Payments go to a local ConnectPay sandbox
      unless configured otherwise; no real money moves. <a href="/back-office">Back office</a></div>
  </footer>
</body>
</html>`;
}
