/**
 * The card form every card stage shows: number, expiry, CVC, name, with the `cc-*` autocomplete tokens
 * so browsers and password managers fill them. After an error the page comes back with expiry and name
 * kept; the number and the CVC are never written back into the HTML.
 */
import { type CardError, isCardError } from '../cards/card-rules.js';
import { errorMessage, field } from './fields.js';
import { type Html, html } from './html.js';
import { type PageFrame, renderPage } from './layout.js';

type CardField = 'number' | 'expiry' | 'cvc' | 'name';

const FIELD_OF_ERROR: Record<CardError, CardField> = {
  invalid_card_number: 'number',
  invalid_expiry: 'expiry',
  card_expired: 'expiry',
  invalid_cvc: 'cvc',
  missing_name: 'name',
};

export interface CardForm {
  action: string;
  /** The amount, already formatted, for the Pay button. */
  amount: string;
  values?: { expiry?: string; name?: string };
  /** A card error is shown at its field; any other code above the form. */
  error?: { code: string; text: string };
  testHint?: string;
}

export function cardPage(frame: PageFrame, form: CardForm): Html {
  const { words } = frame;
  const { error } = form;
  const errorField = error && isCardError(error.code) ? FIELD_OF_ERROR[error.code] : undefined;
  const errorFor = (name: CardField) => (error && errorField === name ? error.text : undefined);
  return renderPage(frame, {
    title: words.cardTitle,
    cancel: true,
    testHint: form.testHint,
    body: html`<h1 id="step-title">${words.cardTitle}</h1>
${error && !errorField && errorMessage('form-error', error.text)}
<form method="post" action="${form.action}">
${frame.hiddenFields}
${field({
  name: 'number',
  label: words.cardNumber,
  autocomplete: 'cc-number',
  inputmode: 'numeric',
  maxlength: 23,
  autofocus: !error,
  error: errorFor('number'),
})}
<div class="row">
${field({
  name: 'expiry',
  label: words.expiry,
  autocomplete: 'cc-exp',
  hint: words.expiryHint,
  maxlength: 7,
  value: form.values?.expiry,
  error: errorFor('expiry'),
})}
${field({
  name: 'cvc',
  label: words.cvc,
  autocomplete: 'cc-csc',
  hint: words.cvcHint,
  inputmode: 'numeric',
  maxlength: 4,
  error: errorFor('cvc'),
})}
</div>
${field({
  name: 'name',
  label: words.cardholderName,
  autocomplete: 'cc-name',
  value: form.values?.name,
  error: errorFor('name'),
})}
<button type="submit" class="wide">${words.pay(form.amount)}</button>
</form>`,
  });
}
