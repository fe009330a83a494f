/**
 * Step "three-ds": looks like an issuer's 3-D Secure challenge. The real stage lets the tester pass or
 * fail it; here that is two buttons, "Complete authentication" and "Fail authentication".
 */
import type { SandboxPayment } from '../model.js';
import { formatAmount, hiddenFields, type PageContext, widgetPath } from './context.js';
import { type Html, html } from './html.js';
import { renderPage } from './layout.js';

export function threeDsPage(context: PageContext, payment: SandboxPayment): Html {
  const { messages } = context;
  return renderPage(context, {
    title: messages.threeDsTitle,
    cancel: true,
    panelClass: 'issuer',
    testHint: messages.threeDsHint,
    body: html`<p class="issuer-name">${messages.threeDsIssuer}</p>
<h1 id="step-title">${messages.threeDsTitle}</h1>
<p class="intro">${messages.threeDsIntro(formatAmount(payment, messages.locale))}</p>
${payment.card && html`<p>${messages.threeDsCard(payment.card.brand, payment.card.last4)}</p>`}
<form method="post" action="${widgetPath(context, '3ds')}">
${hiddenFields(context)}
<div class="actions">
<button type="submit" name="result" value="pass" autofocus>${messages.threeDsPass}</button>
<button type="submit" name="result" value="fail" class="secondary">${messages.threeDsFail}</button>
</div>
</form>`,
  });
}
