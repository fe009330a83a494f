/** Step "choose-method": the merchant allowed several methods and preselected none. */
import { errorMessage } from '../../../shared/pages/fields.js';
import { type Html, html } from '../../../shared/pages/html.js';
import { renderPage } from '../../../shared/pages/layout.js';
import type { SandboxPayment } from '../model.js';
import { frameOf, hiddenFields, type PageContext, widgetPath } from './context.js';

export function methodPage(context: PageContext, payment: SandboxPayment, error?: string): Html {
  const { messages } = context;
  const buttons = payment.allowedMethods.map(
    (method, index) =>
      html`<li><button type="submit" name="method" value="${method}"${index === 0 && html` autofocus`}>${
        messages.methods[method]
      }</button></li>`,
  );
  return renderPage(frameOf(context), {
    title: messages.chooseMethodTitle,
    cancel: true,
    body: html`<h1 id="step-title">${messages.chooseMethodTitle}</h1>
<p class="intro" id="method-intro">${messages.chooseMethodIntro}</p>
${error && errorMessage('form-error', error)}
<form method="post" action="${widgetPath(context, 'method')}">
${hiddenFields(context)}
<ul class="choices" aria-describedby="method-intro">${buttons}</ul>
</form>`,
  });
}
