import { escapeHtml } from './html-escape.js';
import { pageMessages } from './locale.js';
import { pageDocument } from './page-document.js';

export interface ContinuePageInput {
  /** Where the form goes (the provider's 3-D Secure / ACS page), already checked against the adapter's hosts. */
  action: string;
  /** The fields the provider asked us to post, as the adapter gave them. */
  fields: Readonly<Record<string, string>>;
  locale: string;
  nonce: string;
}

/**
 * `GET continue/:sessionId`: the kit-hosted step for a `form_post` next action (3-D Secure and other
 * providers that are entered by a form POST instead of a link). The element only ever follows one URL,
 * so it comes here, and this page posts the provider's form from the merchant's domain at once. The
 * one script carries the response's nonce; without JavaScript the shopper sees a "Continue" button.
 */
export function renderContinuePage(input: ContinuePageInput): string {
  const { locale, messages } = pageMessages(input.locale);
  const inputs = Object.entries(input.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return pageDocument({
    locale,
    dir: messages.dir,
    title: messages.continueTitle,
    nonce: input.nonce,
    body: `<main>
<h1>${escapeHtml(messages.continueTitle)}</h1>
<form id="continue" method="post" action="${escapeHtml(input.action)}">
${inputs}
<button type="submit">${escapeHtml(messages.continueButton)}</button>
</form>
</main>
<script nonce="${escapeHtml(input.nonce)}">document.getElementById('continue').submit();</script>
`,
  });
}
