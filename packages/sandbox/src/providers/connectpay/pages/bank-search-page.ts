/**
 * Step "choose-bank": a GET search form (country select + name) and the matching banks as buttons of
 * one POST form. Works without JavaScript: each search is a page load.
 */
import { SANDBOX_BANK_COUNTRIES, searchBanks } from '../banks.js';
import type { SandboxPayment } from '../model.js';
import { hiddenFields, type PageContext, widgetPath } from './context.js';
import { errorMessage } from './fields.js';
import { type Html, html } from './html.js';
import { renderPage } from './layout.js';

export interface BankSearch {
  country?: string;
  query?: string;
}

export function bankSearchPage(
  context: PageContext,
  payment: SandboxPayment,
  search: BankSearch,
  error?: string,
): Html {
  const { messages } = context;
  const country = (search.country || payment.providerCountryCode || 'DE').toUpperCase();
  const query = search.query ?? '';
  const banks = searchBanks(country, query);
  const countries: string[] = [...SANDBOX_BANK_COUNTRIES];
  if (!countries.includes(country)) countries.push(country);
  const options = countries.map(
    (code) =>
      html`<option value="${code}"${code === country && html` selected`}>${messages.countries[code] ?? code}</option>`,
  );
  const results =
    banks.length === 0
      ? html`<p class="count" role="status">${messages.noBanksFound}</p>`
      : html`<p class="count" role="status" id="bank-count">${messages.bankResults(banks.length)}</p>
<form method="post" action="${widgetPath(context, 'bank')}">
${hiddenFields(context)}
<ul class="choices" aria-labelledby="bank-count">${banks.map(
          (bank) =>
            html`<li><button type="submit" name="providerId" value="${bank.providerId}"><span>${bank.name}</span>${
              bank.bic && html`<span class="bic">${bank.bic}</span>`
            }</button></li>`,
        )}</ul>
</form>`;
  return renderPage(context, {
    title: messages.chooseBankTitle,
    cancel: true,
    testHint: messages.bankSearchTestHint,
    body: html`<h1 id="step-title">${messages.chooseBankTitle}</h1>
${error && errorMessage('form-error', error)}
<form class="search" method="get" action="${widgetPath(context)}" role="search">
${hiddenFields(context)}
<div class="field"><label for="field-country">${messages.country}</label>
<select id="field-country" name="country">${options}</select></div>
<div class="inline">
<div class="field"><label for="field-q">${messages.searchBank}</label>
<span class="hint" id="field-q-hint">${messages.searchHint}</span>
<input id="field-q" name="q" type="search" autocomplete="off" value="${query}" aria-describedby="field-q-hint" autofocus></div>
<button type="submit" class="secondary">${messages.searchButton}</button>
</div>
</form>
${results}`,
  });
}
