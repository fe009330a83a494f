/**
 * Step "card": number, expiry, CVC, name, with the `cc-*` autocomplete tokens so browsers and password
 * managers fill them. On an error the page comes back with expiry and name kept; the number and the CVC
 * are never written back into the HTML.
 */
import type { SandboxPayment, WidgetError } from '../model.js';
import { formatAmount, hiddenFields, type PageContext, widgetPath } from './context.js';
import { errorMessage, field } from './fields.js';
import { type Html, html } from './html.js';
import { renderPage } from './layout.js';

type CardField = 'number' | 'expiry' | 'cvc' | 'name';

const FIELD_OF_ERROR: Partial<Record<WidgetError, CardField>> = {
  invalid_card_number: 'number',
  invalid_expiry: 'expiry',
  card_expired: 'expiry',
  invalid_cvc: 'cvc',
  missing_name: 'name',
};

export function cardPage(
  context: PageContext,
  payment: SandboxPayment,
  values: { expiry?: string; name?: string } = {},
  error?: WidgetError,
): Html {
  const { messages } = context;
  const errorField = error ? FIELD_OF_ERROR[error] : undefined;
  const errorFor = (name: CardField) => (error && errorField === name ? messages.errors[error] : undefined);
  return renderPage(context, {
    title: messages.cardTitle,
    cancel: true,
    testHint: messages.cardHint,
    body: html`<h1 id="step-title">${messages.cardTitle}</h1>
${error && !errorField && errorMessage('form-error', messages.errors[error])}
<form method="post" action="${widgetPath(context, 'card')}">
${hiddenFields(context)}
${field({
  name: 'number',
  label: messages.cardNumber,
  autocomplete: 'cc-number',
  inputmode: 'numeric',
  maxlength: 23,
  autofocus: !error,
  error: errorFor('number'),
})}
<div class="row">
${field({
  name: 'expiry',
  label: messages.expiry,
  autocomplete: 'cc-exp',
  hint: messages.expiryHint,
  maxlength: 7,
  value: values.expiry,
  error: errorFor('expiry'),
})}
${field({
  name: 'cvc',
  label: messages.cvc,
  autocomplete: 'cc-csc',
  hint: messages.cvcHint,
  inputmode: 'numeric',
  maxlength: 4,
  error: errorFor('cvc'),
})}
</div>
${field({
  name: 'name',
  label: messages.cardholderName,
  autocomplete: 'cc-name',
  value: values.name,
  error: errorFor('name'),
})}
<button type="submit" class="wide">${messages.pay(formatAmount(payment, messages.locale))}</button>
</form>`,
  });
}
