/**
 * The pay-by-bank (PIS) steps every stage plays: choose the bank (a GET search form with a country
 * select and a name, then the matching banks as buttons of one POST form), log in to it, confirm with
 * a code. No step needs JavaScript: each search is a page load.
 */
import { errorMessage, field } from './fields.js';
import { type Html, html } from './html.js';
import { type PageFrame, renderPage } from './layout.js';

/** One bank the shopper can pick; `value` is what the stage's form posts (its own bank id). */
export interface BankChoice {
  value: string;
  name: string;
  bic?: string;
}

export interface BankSearch {
  /** The GET action of the search form (the page itself). */
  searchAction: string;
  /** The POST action of the bank buttons. */
  chooseAction: string;
  /** The form field the chosen bank's `value` is posted as (ConnectPay: `providerId`). */
  choiceField: string;
  /** Countries of the select, in order; `country` is added when missing. */
  countries: readonly string[];
  country: string;
  query: string;
  banks: readonly BankChoice[];
  testHint?: string;
  error?: string;
}

export function bankSearchPage(frame: PageFrame, search: BankSearch): Html {
  const { words } = frame;
  const countries = search.countries.includes(search.country)
    ? search.countries
    : [...search.countries, search.country];
  const options = countries.map(
    (code) =>
      html`<option value="${code}"${code === search.country && html` selected`}>${words.countries[code] ?? code}</option>`,
  );
  const results =
    search.banks.length === 0
      ? html`<p class="count" role="status">${words.noBanksFound}</p>`
      : html`<p class="count" role="status" id="bank-count">${words.bankResults(search.banks.length)}</p>
<form method="post" action="${search.chooseAction}">
${frame.hiddenFields}
<ul class="choices" aria-labelledby="bank-count">${search.banks.map(
          (bank) =>
            html`<li><button type="submit" name="${search.choiceField}" value="${bank.value}"><span>${bank.name}</span>${
              bank.bic && html`<span class="bic">${bank.bic}</span>`
            }</button></li>`,
        )}</ul>
</form>`;
  return renderPage(frame, {
    title: words.chooseBankTitle,
    cancel: true,
    testHint: search.testHint,
    body: html`<h1 id="step-title">${words.chooseBankTitle}</h1>
${search.error && errorMessage('form-error', search.error)}
<form class="search" method="get" action="${search.searchAction}" role="search">
${frame.hiddenFields}
<div class="field"><label for="field-country">${words.country}</label>
<select id="field-country" name="country">${options}</select></div>
<div class="inline">
<div class="field"><label for="field-q">${words.searchBank}</label>
<span class="hint" id="field-q-hint">${words.searchHint}</span>
<input id="field-q" name="q" type="search" autocomplete="off" value="${search.query}" aria-describedby="field-q-hint" autofocus></div>
<button type="submit" class="secondary">${words.searchButton}</button>
</div>
</form>
${results}`,
  });
}

export interface BankLogin {
  action: string;
  bankName: string;
  /** The user name typed before an error, shown again (never the password). */
  username?: string;
  testHint?: string;
  error?: string;
}

export function bankLoginPage(frame: PageFrame, login: BankLogin): Html {
  const { words } = frame;
  const title = words.loginTitle(login.bankName);
  return renderPage(frame, {
    title,
    cancel: true,
    testHint: login.testHint,
    body: html`<h1 id="step-title">${title}</h1>
<p class="intro">${words.loginIntro}</p>
<form method="post" action="${login.action}">
${frame.hiddenFields}
${field({
  name: 'username',
  label: words.username,
  autocomplete: 'username',
  value: login.username,
  autofocus: !login.error,
})}
${field({
  name: 'password',
  label: words.password,
  type: 'password',
  autocomplete: 'current-password',
  error: login.error,
})}
<button type="submit" class="wide">${words.logIn}</button>
</form>`,
  });
}

export interface BankCode {
  action: string;
  testHint?: string;
  error?: string;
}

/** The SCA confirmation code step (the field is named `code`). */
export function bankCodePage(frame: PageFrame, code: BankCode): Html {
  const { words } = frame;
  return renderPage(frame, {
    title: words.codeTitle,
    cancel: true,
    testHint: code.testHint,
    body: html`<h1 id="step-title">${words.codeTitle}</h1>
<p class="intro">${words.codeIntro}</p>
<form method="post" action="${code.action}">
${frame.hiddenFields}
${field({
  name: 'code',
  label: words.code,
  autocomplete: 'one-time-code',
  inputmode: 'numeric',
  maxlength: 12,
  autofocus: true,
  error: code.error,
})}
<button type="submit" class="wide">${words.confirm}</button>
</form>`,
  });
}
