import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';
import { BANKS } from '../pages/test-banks.js';

// docs/test-data.md, ConnectPay merchant payments: PIS rows, and the cancel path.
test.describe('DE: bank payment with "Fake Bank with Client Keys"', () => {
  test('wrong password then right, wrong code then 123456, success', async ({
    journey,
    shop,
    checkout,
    widget,
    snap,
  }) => {
    const orderId = await test.step('put a tee in the cart and check out', async () => {
      await shop.open();
      await snap('shop');
      return shop.buy(PRODUCTS.tee);
    });

    await test.step('choose bank payment and find the bank by search', async () => {
      await checkout.choose({ country: 'DE', method: 'pis' });
      await checkout.bankSearch.fill(BANKS.fake.search);
      await expect(checkout.bankOption(BANKS.fake.name)).toBeVisible();
      await snap('bank-search');
      await checkout.bankOption(BANKS.fake.name).click();
      await snap('checkout');
      await journey.pay();
    });

    await test.step('log in at the bank: wrong password, then the right one', async () => {
      await snap('bank-login');
      await widget.logIn('username', 'wrong');
      await widget.expectError();
      await widget.logIn('username', 'secret');
    });

    await test.step('confirm: wrong code, then 123456', async () => {
      await widget.confirmCode('000000');
      await widget.expectError();
      await widget.confirmCode('123456');
    });

    await journey.expectFinalState('succeeded', {
      screenshot: 'return-succeeded',
      session: { method: 'pis', amount: { value: 1999, currency: 'EUR' } },
    });
    await journey.returnToOrder('paid', { orderId, screenshot: 'order-paid' });
  });
});

test.describe('LT: bank payment with "Siauliu bankas"', () => {
  test('success', async ({ journey, widget }) => {
    await journey.checkOut(PRODUCTS.tee, { country: 'LT', method: 'pis', bank: BANKS.siauliu });
    await test.step('log in and confirm at the bank', () => widget.logInAndConfirm('jonas', 'any-password'));
    await journey.expectFinalState('succeeded');
  });
});

test.describe('Cancel at the bank', () => {
  test('cancelled', async ({ journey, widget, order }) => {
    await journey.checkOut(PRODUCTS.tee, { country: 'DE', method: 'pis', bank: BANKS.fake });
    await test.step('cancel at the bank login', () => widget.cancelButton.click());
    await journey.expectFinalState('cancelled', { screenshot: 'return-cancelled' });
    await journey.returnToOrder('cancelled');
    await test.step('the order page offers to pay again', () => expect(order.payNow).toBeVisible());
  });
});
