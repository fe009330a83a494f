/**
 * Connect's bank choice: a GET search form (country, account type, bank name) and the matching banks
 * as buttons of one POST form, each with its initials where a logo would be (ours have none), its name
 * and BIC. The shared bank page (`shared/pages/bank-pages.ts`) has no account type and no initials,
 * hence this one; it uses the shared frame and fields, so it looks and reads like every other stage.
 */
import { errorMessage } from '../../../shared/pages/fields.js';
import { type Html, html } from '../../../shared/pages/html.js';
import { type PageFrame, renderPage } from '../../../shared/pages/layout.js';
import type { FintectureBank } from '../banks.js';
import { PSU_TYPES, type PsuType } from '../model.js';
import type { ConnectWords } from '../words.js';

export interface BankList {
  searchAction: string;
  chooseAction: string;
  countries: readonly string[];
  country: string;
  psuType: PsuType;
  query: string;
  banks: readonly FintectureBank[];
  error?: string;
}

/** Initials in a round badge; decorative (the name follows), so hidden from assistive technology. */
const LIST_STYLE = html`<style>
ul.choices .bank { display: flex; align-items: center; gap: .75rem; }
ul.choices .initials { display: inline-grid; place-items: center; width: 2.25rem; height: 2.25rem; border-radius: 50%;
  background: #e8eefc; color: #0d1b2e; font-weight: 700; font-size: .8125rem; flex: none; }
</style>`;

export function bankListPage(frame: PageFrame, words: ConnectWords, list: BankList): Html {
  const countries = list.countries.includes(list.country)
    ? list.countries
    : [...list.countries, list.country];
  const countryOptions = countries.map(
    (code) =>
      html`<option value="${code}"${code === list.country && html` selected`}>${words.countries[code] ?? code}</option>`,
  );
  const psuOptions = PSU_TYPES.map(
    (type) =>
      html`<option value="${type}"${type === list.psuType && html` selected`}>${words.psuTypes[type]}</option>`,
  );
  const results =
    list.banks.length === 0
      ? html`<p class="count" role="status">${words.noBanksFound}</p>`
      : html`<p class="count" role="status" id="bank-count">${words.bankResults(list.banks.length)}</p>
<form method="post" action="${list.chooseAction}">
${frame.hiddenFields}
<ul class="choices" aria-labelledby="bank-count">${list.banks.map(
          (bank) =>
            html`<li><button type="submit" name="provider" value="${bank.id}"><span class="bank"><span class="initials" aria-hidden="true">${bank.initials}</span><span>${bank.name}</span></span>${
              bank.bic && html`<span class="bic">${bank.bic}</span>`
            }</button></li>`,
        )}</ul>
</form>`;
  return renderPage(frame, {
    title: words.chooseBankTitle,
    cancel: true,
    testHint: words.bankHint,
    body: html`${LIST_STYLE}<h1 id="step-title">${words.chooseBankTitle}</h1>
${list.error && errorMessage('form-error', list.error)}
<form class="search" method="get" action="${list.searchAction}" role="search">
${frame.hiddenFields}
<div class="row">
<div class="field"><label for="field-country">${words.country}</label>
<select id="field-country" name="country">${countryOptions}</select></div>
<div class="field"><label for="field-psu-type">${words.psuType}</label>
<select id="field-psu-type" name="psu_type">${psuOptions}</select></div>
</div>
<div class="inline">
<div class="field"><label for="field-q">${words.searchBank}</label>
<span class="hint" id="field-q-hint">${words.searchHint}</span>
<input id="field-q" name="q" type="search" autocomplete="off" value="${list.query}" aria-describedby="field-q-hint" autofocus></div>
<button type="submit" class="secondary">${words.searchButton}</button>
</div>
</form>
${results}`,
  });
}
