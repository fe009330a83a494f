import { TOP_UP_AMOUNTS } from '../catalogue.js';
import type { WalletAccount } from '../config.js';
import { formatMoney } from './format.js';
import { html } from './html.js';
import { layout } from './layout.js';

/**
 * `/topup`: add money to a Lumen wallet. The shop is a BaaS merchant: the money goes to the shopper's
 * own creditor account at ConnectPay, which must exist, be active and belong to her.
 */
export function renderTopUpPage(input: {
  accounts: readonly WalletAccount[];
  nonce: string;
  cartCount: number;
  error?: string;
}) {
  return layout({
    title: 'Wallet top-up',
    nonce: input.nonce,
    cartCount: input.cartCount,
    current: 'topup',
    body: html`<h1>Top up your wallet</h1>
    <p class="lead">Spend your Lumen wallet balance on anything in the shop. Top up by bank payment or card.</p>
    ${input.error ? html`<div class="notice bad" role="alert"><p>${input.error}</p></div>` : ''}
    ${
      input.accounts.length === 0
        ? html`<div class="notice warn"><p>No wallet account is set up for top-ups in this shop
          (on the ConnectPay stage, set CONNECTPAY_TOPUP_CONSUMER_ID and CONNECTPAY_TOPUP_IBANS).</p></div>`
        : ''
    }
    <form method="post" action="/topup" class="card">
      <fieldset>
        <legend>Amount</legend>
        ${TOP_UP_AMOUNTS.map(
          (amount, index) => html`<label class="choice"><input type="radio" name="amount" value="${amount}"
            ${index === 1 ? 'checked' : ''} required> ${formatMoney(amount, 'EUR')}</label>`,
        )}
      </fieldset>
      <div class="field">
        <label for="account">Wallet account</label>
        <select id="account" name="creditorIban" required>
          ${input.accounts.map(
            (account) => html`<option value="${account.iban}">${account.label} · ${account.iban}</option>`,
          )}
        </select>
      </div>
      <button type="submit">Continue to payment</button>
    </form>`,
  });
}
