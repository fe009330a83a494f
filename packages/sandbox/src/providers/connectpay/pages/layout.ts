/**
 * The shared page frame: `lang` on `<html>`, header "ConnectPay · stage sandbox" with a language
 * switcher, a card-style panel with the amount and the merchant reference, and a Cancel form that
 * works without JavaScript.
 */
import { messagesFor, WIDGET_LANGUAGES } from '../i18n/index.js';
import { formatAmount, hiddenFields, type PageContext, widgetPath } from './context.js';
import { type Html, html } from './html.js';
import { WIDGET_STYLE } from './styles.js';

export interface PageParts {
  title: string;
  body: Html;
  /** Show the Cancel form (every step the shopper can still act on). */
  cancel?: boolean;
  /** Extra class on the panel (the 3-D Secure and wallet pages look different). */
  panelClass?: string;
  /** Test-data hint for the sandbox user, shown below the form. */
  testHint?: string;
}

export function renderPage(context: PageContext, parts: PageParts): Html {
  const { messages } = context;
  return html`<!doctype html>
<html lang="${messages.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${parts.title} · ${messages.brand}</title>
<style>${WIDGET_STYLE}</style>
</head>
<body>
<header class="top">
<span class="brand">${messages.brand}</span>
${languageSwitcher(context)}
</header>
<main id="content">
<section class="panel ${parts.panelClass ?? ''}" aria-labelledby="step-title">
${summary(context)}
${parts.body}
${parts.testHint && testHint(context, parts.testHint)}
${parts.cancel && cancelForm(context)}
</section>
</main>
</body>
</html>
`;
}

function languageSwitcher(context: PageContext): Html {
  const key = context.payment?.key ?? context.key;
  const links = WIDGET_LANGUAGES.map((language) => {
    const query = new URLSearchParams({ ...(key ? { key } : {}), ...context.keepQuery, lang: language });
    const name = messagesFor(language).languageName;
    return html`<li><a href="${widgetPath(context)}?${query.toString()}" lang="${language}" hreflang="${language}"${
      language === context.language ? html` aria-current="true"` : ''
    }>${name}</a></li>`;
  });
  return html`<nav class="languages" aria-label="${context.messages.languageSwitcher}"><ul>${links}</ul></nav>`;
}

function summary(context: PageContext): Html | undefined {
  const { payment, messages } = context;
  if (!payment) return undefined;
  return html`<dl class="summary" aria-label="${messages.paymentSummary}">
<div>${payment.merchantReference && html`<dt>${messages.merchantReference}</dt><dd>${payment.merchantReference}</dd>`}</div>
<div class="amount"><dt>${messages.amount}</dt><dd>${formatAmount(payment, messages.locale)}</dd></div>
</dl>`;
}

function testHint(context: PageContext, text: string): Html {
  return html`<aside class="hintbox" aria-labelledby="test-data-title"><h2 id="test-data-title">${
    context.messages.testDataHeading
  }</h2><p>${text}</p></aside>`;
}

function cancelForm(context: PageContext): Html {
  return html`<form class="cancel" method="post" action="${widgetPath(context, 'cancel')}">
${hiddenFields(context)}
<p id="cancel-hint">${context.messages.cancelHint}</p>
<button type="submit" class="danger" aria-describedby="cancel-hint">${context.messages.cancel}</button>
</form>`;
}
