// The billing country filters the banks the checkout offers: <pay-checkout>'s `country` is reactive,
// so changing it updates the element in place.
const select = document.getElementById('billing-country');
const checkout = document.querySelector('pay-checkout');
if (select && checkout) {
  select.addEventListener('change', () => {
    checkout.setAttribute('country', select.value);
  });
}
