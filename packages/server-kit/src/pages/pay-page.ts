import type { OptionsResponse } from '@pay-checkout/contract';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { pageMessages } from './locale.js';
import { pageDocument } from './page-document.js';

export interface PayPageInput {
  /** The merchant's order id (validated by the caller against the contract's OrderId). */
  orderId: string;
  /** Already negotiated; passed to the element as `language`. */
  locale: string;
  /** CSP nonce for this response. */
  nonce: string;
  /** Where the kit is mounted, no trailing slash (`/checkout`; `''` at the root); the element's `endpoint`. */
  basePath: string;
  /** The script-tag bundle, e.g. `/checkout/element.js`. */
  elementUrl: string;
  /** SRI hash of the bundle (`sha384-…`). */
  elementIntegrity?: string;
  description?: string;
  /** The amount, already formatted for the locale. */
  amountLabel?: string;
  /** A provider instance id to pin (`?provider=` on the page), passed to the element. */
  provider?: string;
  /** The bank's country (`?country=` on the page), passed to the element as `country`. */
  country?: string;
  /**
   * The `GET options` answer for this order, country and language, handed to the element inline (a
   * JSON child it reads before fetching), so the first render needs no round trip.
   */
  options?: OptionsResponse;
}

/**
 * The hosted checkout page (`GET pay/:order`) for merchants who redirect instead of embedding: the
 * `<pay-checkout>` element on our own page. The element bundle is the only script; it carries the
 * nonce, and `'strict-dynamic'` lets it load its locale chunks.
 */
export function renderPayPage(input: PayPageInput): string {
  const { locale, messages } = pageMessages(input.locale);
  const n = escapeHtml(input.nonce);
  // Module scripts are always fetched in CORS mode; `crossorigin` makes that explicit for SRI.
  const integrity = input.elementIntegrity
    ? ` integrity="${escapeHtml(input.elementIntegrity)}" crossorigin="anonymous"`
    : '';
  const summary = [
    input.description ? `<p class="merchant"><bdi>${escapeHtml(input.description)}</bdi></p>` : '',
    input.amountLabel
      ? `<dl><dt>${escapeHtml(messages.amount)}</dt><dd><bdi>${escapeHtml(input.amountLabel)}</bdi></dd></dl>`
      : '',
  ].join('');

  // Data, not script: `type="application/json"` never runs, and the CSP nonce keeps it unambiguous.
  const inline = input.options
    ? `<script type="application/json" nonce="${n}">${jsonForScript(input.options)}</script>`
    : '';

  return pageDocument({
    locale,
    dir: messages.dir,
    title: messages.payTitle,
    nonce: input.nonce,
    head: `<script type="module" src="${escapeHtml(input.elementUrl)}" nonce="${n}"${integrity}></script>\n`,
    body: `<main>
<h1>${escapeHtml(messages.payTitle)}</h1>
${summary}
<pay-checkout endpoint="${escapeHtml(input.basePath)}" order="${escapeHtml(input.orderId)}" language="${escapeHtml(input.locale)}"${input.provider ? ` provider="${escapeHtml(input.provider)}"` : ''}${input.country ? ` country="${escapeHtml(input.country)}"` : ''}>${inline}</pay-checkout>
<noscript><p>${escapeHtml(messages.payNoScript)}</p></noscript>
</main>
`,
  });
}
