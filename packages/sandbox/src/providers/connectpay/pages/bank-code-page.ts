/** Step "bank-code": the SCA confirmation code (123456 in the sandbox). */
import type { SandboxPayment } from '../model.js';
import { hiddenFields, type PageContext, widgetPath } from './context.js';
import { field } from './fields.js';
import { type Html, html } from './html.js';
import { renderPage } from './layout.js';

export function bankCodePage(context: PageContext, _payment: SandboxPayment, error?: string): Html {
  const { messages } = context;
  return renderPage(context, {
    title: messages.codeTitle,
    cancel: true,
    testHint: messages.codeHint,
    body: html`<h1 id="step-title">${messages.codeTitle}</h1>
<p class="intro">${messages.codeIntro}</p>
<form method="post" action="${widgetPath(context, 'code')}">
${hiddenFields(context)}
${field({
  name: 'code',
  label: messages.code,
  autocomplete: 'one-time-code',
  inputmode: 'numeric',
  maxlength: 12,
  autofocus: true,
  error,
})}
<button type="submit" class="wide">${messages.confirm}</button>
</form>`,
  });
}
