/** Step "bank-login": the bank's online-banking login (Fake Bank: username / secret). */
import { findBank } from '../banks.js';
import type { SandboxPayment } from '../model.js';
import { FAKE_BANK_ID } from '../test-data.js';
import { hiddenFields, type PageContext, widgetPath } from './context.js';
import { field } from './fields.js';
import { type Html, html } from './html.js';
import { renderPage } from './layout.js';

export function bankLoginPage(
  context: PageContext,
  payment: SandboxPayment,
  values: { username?: string } = {},
  error?: string,
): Html {
  const { messages } = context;
  const bankName = (payment.providerId && findBank(payment.providerId)?.name) || payment.providerId || '';
  const title = messages.loginTitle(bankName);
  return renderPage(context, {
    title,
    cancel: true,
    testHint: payment.providerId === FAKE_BANK_ID ? messages.fakeBankHint : messages.otherBankHint,
    body: html`<h1 id="step-title">${title}</h1>
<p class="intro">${messages.loginIntro}</p>
<form method="post" action="${widgetPath(context, 'login')}">
${hiddenFields(context)}
${field({
  name: 'username',
  label: messages.username,
  autocomplete: 'username',
  value: values.username,
  autofocus: !error,
})}
${field({
  name: 'password',
  label: messages.password,
  type: 'password',
  autocomplete: 'current-password',
  error,
})}
<button type="submit" class="wide">${messages.logIn}</button>
</form>`,
  });
}
