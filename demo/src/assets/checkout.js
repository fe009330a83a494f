// The checkout page's own behaviour around <pay-checkout>.
const select = document.getElementById('billing-country');
const checkout = document.querySelector('pay-checkout');
const notice = document.getElementById('checkout-notice');

// The billing country filters the banks the checkout offers: the element's `country` is reactive,
// so changing it updates the element in place.
if (select && checkout) {
  select.addEventListener('change', () => {
    checkout.setAttribute('country', select.value);
  });
}

// A top-up the provider refuses because of the wallet account is the shop's business to explain:
// the element reports the provider's code in `pay-checkout-error`, and the shop says what to do.
const ACCOUNT_PROBLEMS = {
  creditor_account_inactive: 'This wallet account is closed, so it cannot receive a top-up.',
  creditor_account_not_found: 'This wallet account does not exist any more.',
  creditor_account_not_owned: 'This wallet account belongs to someone else.',
  consumer_not_found: 'Your wallet is not set up for top-ups yet.',
};
if (checkout && notice) {
  checkout.addEventListener('pay-checkout-error', (event) => {
    const problem = ACCOUNT_PROBLEMS[event.detail?.code];
    if (!problem) return;
    notice.querySelector('[data-text]').textContent =
      `Top-up refused. ${problem} Please choose another account.`;
    notice.hidden = false;
    notice.focus();
  });
}
