/**
 * The page frame every stage's hosted pages share: `lang` on `<html>`, a header with the stage's name
 * and a language switcher, a card-style panel with the amount and the merchant reference, a test-data
 * hint, and a Cancel form that works without JavaScript. What differs per stage (its name, where its
 * forms post, which hidden fields they carry) comes in the `PageFrame`.
 */
import type { PageLanguage } from '../i18n/languages.js';
import { PAGE_LANGUAGES } from '../i18n/languages.js';
import { type SharedWords, wordsFor } from '../i18n/words.js';
import { type Html, html } from './html.js';
import { PAGE_STYLE } from './styles.js';

/** What a stage tells the shared pages about the page being rendered. */
export interface PageFrame {
  language: PageLanguage;
  /** The shared words in `language` (a stage may pass its own words, which extend them). */
  words: SharedWords;
  /** The header's name, e.g. "ConnectPay · stage sandbox". */
  brand: string;
  /** The language switcher's link to this page in `language`; without it there is no switcher. */
  languageHref?: (language: PageLanguage) => string;
  /** Amount (already formatted) and merchant reference shown above the step; absent without a payment. */
  summary?: { amount: string; reference?: string };
  /** Hidden inputs every form of the page posts (the payment's key, the chosen language). */
  hiddenFields: Html;
  /** Where the Cancel form posts. */
  cancelAction?: string;
}

export interface PageParts {
  title: string;
  body: Html;
  /** Show the Cancel form (every step the shopper can still act on); needs `frame.cancelAction`. */
  cancel?: boolean;
  /** Extra class on the panel (the 3-D Secure and wallet pages look different). */
  panelClass?: string;
  /** Test-data hint for the sandbox user, shown below the form. */
  testHint?: string;
}

export function renderPage(frame: PageFrame, parts: PageParts): Html {
  const { words } = frame;
  return html`<!doctype html>
<html lang="${words.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${parts.title} · ${frame.brand}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header class="top">
<span class="brand">${frame.brand}</span>
${languageSwitcher(frame)}
</header>
<main id="content">
<section class="panel ${parts.panelClass ?? ''}" aria-labelledby="step-title">
${summary(frame)}
${parts.body}
${parts.testHint && testHint(frame, parts.testHint)}
${parts.cancel && cancelForm(frame)}
</section>
</main>
</body>
</html>
`;
}

function languageSwitcher(frame: PageFrame): Html | undefined {
  const { languageHref } = frame;
  if (!languageHref) return undefined;
  const links = PAGE_LANGUAGES.map(
    (language) =>
      html`<li><a href="${languageHref(language)}" lang="${language}" hreflang="${language}"${
        language === frame.language ? html` aria-current="true"` : ''
      }>${wordsFor(language).languageName}</a></li>`,
  );
  return html`<nav class="languages" aria-label="${frame.words.languageSwitcher}"><ul>${links}</ul></nav>`;
}

function summary(frame: PageFrame): Html | undefined {
  const { summary: shown, words } = frame;
  if (!shown) return undefined;
  return html`<dl class="summary" aria-label="${words.paymentSummary}">
<div>${shown.reference && html`<dt>${words.merchantReference}</dt><dd>${shown.reference}</dd>`}</div>
<div class="amount"><dt>${words.amount}</dt><dd>${shown.amount}</dd></div>
</dl>`;
}

function testHint(frame: PageFrame, text: string): Html {
  return html`<aside class="hintbox" aria-labelledby="test-data-title"><h2 id="test-data-title">${
    frame.words.testDataHeading
  }</h2><p>${text}</p></aside>`;
}

function cancelForm(frame: PageFrame): Html | undefined {
  if (!frame.cancelAction) return undefined;
  return html`<form class="cancel" method="post" action="${frame.cancelAction}">
${frame.hiddenFields}
<p id="cancel-hint">${frame.words.cancelHint}</p>
<button type="submit" class="danger" aria-describedby="cancel-hint">${frame.words.cancel}</button>
</form>`;
}

/**
 * "19,99 €" in de/lt, "€19.99" in en, from an amount in major units as a decimal string (how the
 * providers' wires carry it). An unknown currency code is shown as sent rather than failing the page.
 */
export function formatAmount(amount: string, currency: string, locale: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}
