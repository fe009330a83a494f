import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';

// TEST-DATA.md, ConnectPay merchant payments: PIS rows, and the cancel path.
const FAKE_BANK = 'Fake Bank with Client Keys';
const SIAULIU = 'Siauliu bankas';

test.describe('DE: bank payment with "Fake Bank with Client Keys"', () => {
  test('wrong password then right, wrong code then 123456, success', async ({
    page,
    shop,
    checkout,
    widget,
    returnPage,
    backOffice,
    snap,
  }) => {
    const orderId = await test.step('put a tee in the cart and check out', async () => {
      await shop.open();
      await snap('shop');
      return shop.buy(PRODUCTS.tee);
    });

    await test.step('choose bank payment and find the bank by search', async () => {
      await checkout.billingCountry.selectOption('DE');
      await checkout.chooseMethod('pis');
      await checkout.bankSearch.fill('Fake');
      await expect(checkout.element.getByRole('option', { name: FAKE_BANK })).toBeVisible();
      await snap('bank-search');
      await checkout.element.getByRole('option', { name: FAKE_BANK }).click();
      await snap('checkout');
      await checkout.pay();
      await widget.waitUntilOpen();
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

    const key = widget.key();
    await test.step('back at the shop: the return page says success', async () => {
      await widget.returnToMerchant.click();
      await returnPage.waitUntilOpen();
      await returnPage.expectHeading(returnPage.texts.succeeded);
      await snap('return-succeeded');
    });

    await test.step('server-kit agrees, and applied the notification once', async () => {
      const session = await backOffice.session(returnPage.sessionId());
      expect(session).toMatchObject({
        status: 'succeeded',
        method: 'pis',
        amount: { value: 1999, currency: 'EUR' },
      });
      await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'succeeded');
    });

    await test.step('Return to merchant opens the paid order', async () => {
      await returnPage.returnToMerchant.click();
      await expect(page).toHaveURL(new RegExp(`/orders/${orderId}\\?session=`));
      await expect(page.getByRole('heading', { name: 'Thank you! Payment received' })).toBeVisible();
      await snap('order-paid');
    });
  });
});

test.describe('LT: bank payment with "Siauliu bankas"', () => {
  test('success', async ({ shop, checkout, widget, returnPage, backOffice }) => {
    await test.step('check out a tee with Lithuania as billing country', async () => {
      await shop.buy(PRODUCTS.tee);
      await checkout.billingCountry.selectOption('LT');
      await checkout.chooseMethod('pis');
      await checkout.chooseBank('Siau', SIAULIU);
      await checkout.pay();
      await widget.waitUntilOpen();
    });
    await test.step('log in and confirm at the bank', async () => {
      await widget.logIn('jonas', 'any-password');
      await widget.confirmCode('123456');
    });
    const key = widget.key();
    await test.step('the return page and server-kit say success', async () => {
      await widget.returnToMerchant.click();
      await returnPage.waitUntilOpen();
      await returnPage.expectHeading(returnPage.texts.succeeded);
      expect((await backOffice.session(returnPage.sessionId())).status).toBe('succeeded');
      await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'succeeded');
    });
  });
});

test.describe('Cancel at the bank', () => {
  test('cancelled', async ({ page, shop, checkout, widget, returnPage, backOffice, snap }) => {
    await test.step('start a bank payment', async () => {
      await shop.buy(PRODUCTS.tee);
      await checkout.billingCountry.selectOption('DE');
      await checkout.chooseMethod('pis');
      await checkout.chooseBank('Fake', FAKE_BANK);
      await checkout.pay();
      await widget.waitUntilOpen();
    });
    const key = widget.key();
    await test.step('cancel at the bank login', async () => {
      await widget.cancelButton.click();
      await widget.returnToMerchant.click();
      await returnPage.waitUntilOpen();
    });
    await test.step('the return page and server-kit say cancelled', async () => {
      await returnPage.expectHeading(returnPage.texts.cancelled);
      await snap('return-cancelled');
      expect((await backOffice.session(returnPage.sessionId())).status).toBe('cancelled');
      await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'cancelled');
    });
    await test.step('the order page offers to pay again', async () => {
      await returnPage.returnToMerchant.click();
      await expect(page.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Pay now' })).toBeVisible();
    });
  });
});
