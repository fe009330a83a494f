import type { Product } from '../catalogue.js';
import { html, type SafeHtml } from './html.js';

/** Inline illustrations, so the demo ships no image files and makes no requests for them. */
const ART: Record<Product['art'], SafeHtml> = {
  tee: html`<svg class="art" viewBox="0 0 320 220" role="img" aria-label="A dark green T-shirt with a light bulb mark">
    <rect width="320" height="220" fill="#e3eeea" />
    <path d="M112 40l-42 22 16 40 20-8v96h108v-96l20 8 16-40-42-22c-6 14-22 22-48 22s-42-8-48-22z"
      fill="#2f5d50" />
    <circle cx="160" cy="110" r="14" fill="#e9b949" />
    <rect x="154" y="126" width="12" height="6" rx="2" fill="#f5f4f0" />
  </svg>`,
  review: html`<svg class="art" viewBox="0 0 320 220" role="img"
    aria-label="A laptop showing a portfolio page with review notes">
    <rect width="320" height="220" fill="#f3ead8" />
    <rect x="70" y="42" width="180" height="112" rx="8" fill="#1b1d23" />
    <rect x="80" y="52" width="160" height="92" rx="3" fill="#ffffff" />
    <rect x="90" y="62" width="60" height="40" fill="#e3eeea" />
    <rect x="158" y="64" width="70" height="8" rx="3" fill="#c9ccd3" />
    <rect x="158" y="80" width="56" height="8" rx="3" fill="#c9ccd3" />
    <rect x="90" y="112" width="138" height="8" rx="3" fill="#c9ccd3" />
    <path d="M50 160h220l-16 14H66z" fill="#5a5f6b" />
    <circle cx="232" cy="60" r="18" fill="#e9b949" />
    <path d="M224 60l6 6 11-12" stroke="#1b1d23" stroke-width="4" fill="none" />
  </svg>`,
};

export function productArt(product: Product): SafeHtml {
  return ART[product.art];
}
