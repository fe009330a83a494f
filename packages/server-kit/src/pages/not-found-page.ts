import { escapeHtml } from './html-escape.js';
import { pageMessages } from './locale.js';
import { pageDocument } from './page-document.js';

export interface NotFoundPageInput {
  /** Already negotiated. */
  locale: string;
  nonce: string;
  /** Where the shopper goes back to (config `shopUrl`, or the order's return URL when known). */
  shopUrl?: string;
}

/**
 * What a hosted page (`pay/:order`, `return/:id`) shows for a payment link that names no order or
 * session we know (mistyped, expired, from another shop): a page in the shopper's language with the way
 * back to the shop, never the API's JSON error.
 */
export function renderNotFoundPage(input: NotFoundPageInput): string {
  const { locale, messages } = pageMessages(input.locale);
  const link = input.shopUrl
    ? `<p><a class="button" id="return-link" href="${escapeHtml(input.shopUrl)}">${escapeHtml(messages.returnToMerchant)}</a></p>\n`
    : '';
  return pageDocument({
    locale,
    dir: messages.dir,
    title: messages.notFoundTitle,
    nonce: input.nonce,
    body: `<main data-status="not-found">
<h1>${escapeHtml(messages.notFoundTitle)}</h1>
<p>${escapeHtml(messages.notFoundText)}</p>
${link}</main>
`,
  });
}
