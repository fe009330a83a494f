/**
 * The kit-hosted card page (`GET card/:sessionId`) for gateways without a hosted card page of their
 * own (`providers/cardgateway/card-entry.ts`): a small, accessible card form on the merchant's domain.
 * Each field has a visible label, its format hint and its error tied by `aria-describedby`, the
 * browser's card autofill (`autocomplete="cc-…"`), and an error summary that takes the focus when the
 * server refuses a post. The only script is inline and carries the response's nonce; the form works
 * without it. The number and the CVC are never written back into the page.
 */
import type { CardField, CardFieldError } from './card-page-form.js';
import { CARD_PAGE_MESSAGES, type CardPageMessages } from './card-page-messages.js';
import { CARD_PAGE_SCRIPT } from './card-page-script.js';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { pageMessages } from './locale.js';
import { pageDocument } from './page-document.js';

export interface CardPageInput {
  /** Where the form posts: `{basePath}/card/{sessionId}`. */
  action: string;
  locale: string;
  nonce: string;
  /** The amount, formatted for the locale. */
  amountLabel: string;
  description?: string;
  /** Field errors of a refused post. */
  errors?: Partial<Record<CardField, CardFieldError>>;
  /** A problem that is not a field's (the gateway could not be reached). */
  problem?: 'unavailable';
  /** Values a refused post may show again: the expiry and the name, never the number or the CVC. */
  kept?: { expiry: string; holder: string };
}

/** The card page's words for a locale (the catalog's match), falling back to English. */
export function cardPageMessages(locale: string): { locale: string; card: CardPageMessages } {
  const { locale: matched } = pageMessages(locale);
  const card = (CARD_PAGE_MESSAGES as Record<string, CardPageMessages>)[matched] ?? CARD_PAGE_MESSAGES.en;
  return { locale: matched, card };
}

const CARD_PAGE_STYLES = `
form { display: grid; gap: 1rem; margin-block-start: 1rem; }
.field { display: grid; gap: 0.25rem; }
.field label { font-weight: 600; }
.hint { font-size: 0.875rem; opacity: 0.8; margin: 0; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
input {
  font: inherit;
  padding: 0.5rem 0.75rem;
  border: 1px solid color-mix(in srgb, CanvasText 45%, transparent);
  border-radius: var(--pay-checkout-radius);
  background: Field;
  color: FieldText;
}
input:focus-visible { outline: 0.1875rem solid var(--pay-checkout-accent); outline-offset: 0.125rem; }
input[aria-invalid='true'] { border-color: #b3261e; }
.field-error, .problem { color: #b3261e; font-weight: 600; margin: 0; }
@media (prefers-color-scheme: dark) { .field-error, .problem, input[aria-invalid='true'] { color: #f2b8b5; border-color: #f2b8b5; } }
.summary { border: 2px solid #b3261e; border-radius: var(--pay-checkout-radius); padding: 0.75rem 1rem; }
.summary ul { margin: 0; padding-inline-start: 1.25rem; }
button[type='submit'] {
  font: inherit;
  font-weight: 600;
  padding-block: 0.75rem;
  border: 0;
  border-radius: var(--pay-checkout-radius);
  background: var(--pay-checkout-accent);
  color: var(--pay-checkout-accent-text);
  cursor: pointer;
}
button[type='submit']:focus-visible { outline: 0.1875rem solid CanvasText; outline-offset: 0.1875rem; }
button[disabled] { opacity: 0.6; cursor: progress; }
.privacy { font-size: 0.875rem; opacity: 0.85; margin-block-start: 1rem; }
@media (forced-colors: active) { button[type='submit'] { border: 1px solid ButtonText; } }
`;

const FIELDS: readonly CardField[] = ['number', 'expiry', 'cvc', 'holder'];

export function renderCardPage(input: CardPageInput): string {
  const { messages } = pageMessages(input.locale);
  const { locale, card } = cardPageMessages(input.locale);
  const errors = input.errors ?? {};
  const n = escapeHtml(input.nonce);
  const text = (field: CardField) => {
    const error = errors[field];
    return error ? card.errors[error] : '';
  };
  const labels: Record<CardField, string> = {
    number: card.number,
    expiry: card.expiry,
    cvc: card.cvc,
    holder: card.holder,
  };
  const field = (name: CardField, attributes: string, hint?: string, value = '', extra = ''): string => {
    const id = `card-${name}`;
    const error = text(name);
    const described = [hint ? `${id}-hint` : '', extra ? `${id}-brand` : '', `${id}-error`]
      .filter(Boolean)
      .join(' ');
    return `<div class="field">
<label for="${id}">${escapeHtml(labels[name])}</label>
${hint ? `<p class="hint" id="${id}-hint">${escapeHtml(hint)}</p>` : ''}<input id="${id}" name="${name}" ${attributes} value="${escapeHtml(value)}" aria-describedby="${described}"${error ? ' aria-invalid="true"' : ''}>
${extra}<p class="field-error" id="${id}-error"${error ? '' : ' hidden'}>${escapeHtml(error)}</p>
</div>`;
  };
  const listed = FIELDS.filter((name) => errors[name]);
  const summary =
    listed.length > 0 || input.problem
      ? `<div class="summary" id="card-summary" role="alert" tabindex="-1">
${input.problem ? `<p class="problem">${escapeHtml(card.errors[input.problem])}</p>` : ''}${
  listed.length > 0
    ? `<p>${escapeHtml(card.errorSummary)}</p><ul>${listed
        .map((name) => `<li><a href="#card-${name}">${escapeHtml(text(name))}</a></li>`)
        .join('')}</ul>`
    : ''
}
</div>`
      : '';
  const scriptMessages = { ...card.errors };
  return pageDocument({
    locale,
    dir: messages.dir,
    title: card.title,
    nonce: input.nonce,
    head: `<style nonce="${n}">${CARD_PAGE_STYLES}</style>\n`,
    body: `<main>
<h1>${escapeHtml(card.title)}</h1>
${input.description ? `<p class="merchant"><bdi>${escapeHtml(input.description)}</bdi></p>` : ''}
<dl><dt>${escapeHtml(messages.amount)}</dt><dd><bdi>${escapeHtml(input.amountLabel)}</bdi></dd></dl>
${summary}
<form id="card-form" method="post" action="${escapeHtml(input.action)}" novalidate>
<input type="hidden" name="lang" value="${escapeHtml(locale)}">
${field('number', 'type="text" inputmode="numeric" autocomplete="cc-number" maxlength="23" spellcheck="false" required', undefined, '', '<span class="hint" id="card-number-brand" aria-live="polite"></span>\n')}
<div class="row">
${field('expiry', 'type="text" inputmode="numeric" autocomplete="cc-exp" maxlength="7" placeholder="MM/YY" required', card.expiryHint, input.kept?.expiry ?? '')}
${field('cvc', 'type="text" inputmode="numeric" autocomplete="cc-csc" maxlength="4" spellcheck="false" required', card.cvcHint)}
</div>
${field('holder', 'type="text" autocomplete="cc-name" maxlength="100" required', undefined, input.kept?.holder ?? '')}
<button type="submit">${escapeHtml(card.pay.replace('{amount}', input.amountLabel))}</button>
</form>
<p class="privacy">${escapeHtml(card.privacy)}</p>
</main>
<script type="application/json" id="card-messages">${jsonForScript(scriptMessages)}</script>
<script nonce="${n}">${CARD_PAGE_SCRIPT}${summary ? "document.getElementById('card-summary').focus();" : ''}</script>
`,
  });
}
