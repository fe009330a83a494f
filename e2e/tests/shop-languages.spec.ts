import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';

// The whole journey in the shopper's language: the browser's locale drives the element, the bank's
// widget (ConnectPay speaks de and lt; Arabic falls back to English) and the return page.

test.describe('The whole journey in German (de)', () => {
  test.use({ journeyLanguage: 'de' });

  test('Fake Bank with Client Keys: success', async ({
    page,
    shop,
    checkout,
    widget,
    returnPage,
    backOffice,
    snap,
  }) => {
    await test.step('the checkout speaks German', async () => {
      await shop.buy(PRODUCTS.tee);
      await expect(checkout.element.getByRole('group', { name: 'Zahlungsart' })).toBeVisible();
      await checkout.chooseMethod('pis');
      await checkout.chooseBank('Fake', 'Fake Bank with Client Keys');
      await expect(checkout.payButton).toContainText('bezahlen');
      await checkout.pay();
      await widget.waitUntilOpen();
    });
    await test.step('the bank speaks German', async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await snap('bank-login-de');
      await widget.logIn('username', 'secret');
      await widget.confirmCode('123456');
    });
    const key = widget.key();
    await test.step('the return page speaks German and says success', async () => {
      await widget.returnToMerchant.click();
      await returnPage.waitUntilOpen();
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await returnPage.expectHeading(returnPage.texts.succeeded);
      await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'succeeded');
      await expect(returnPage.returnToMerchant).toBeVisible();
    });
  });
});

test.describe('The whole journey in Lithuanian (lt)', () => {
  test.use({ journeyLanguage: 'lt' });

  test('Siauliu bankas: success', async ({ page, shop, checkout, widget, returnPage, backOffice }) => {
    await test.step('the checkout speaks Lithuanian', async () => {
      await shop.buy(PRODUCTS.tee);
      await expect(checkout.element.getByRole('group', { name: 'Mokėjimo būdas' })).toBeVisible();
      await checkout.chooseMethod('pis');
      await checkout.chooseBank('Siau', 'Siauliu bankas');
      await checkout.pay();
      await widget.waitUntilOpen();
    });
    await test.step('the bank speaks Lithuanian', async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
      await widget.logIn('jonas', 'slaptazodis');
      await widget.confirmCode('123456');
    });
    const key = widget.key();
    await test.step('the return page speaks Lithuanian and says success', async () => {
      await widget.returnToMerchant.click();
      await returnPage.waitUntilOpen();
      await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
      await returnPage.expectHeading(returnPage.texts.succeeded);
      await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'succeeded');
    });
  });
});

test.describe('The whole journey in Arabic (ar, right to left)', () => {
  test.use({ journeyLanguage: 'ar' });

  test('card 4242424242424242: success', async ({
    page,
    shop,
    checkout,
    widget,
    returnPage,
    backOffice,
    snap,
  }) => {
    await test.step('the checkout speaks Arabic, right to left', async () => {
      await shop.buy(PRODUCTS.tee);
      await expect(checkout.element.getByRole('group', { name: 'طريقة الدفع' })).toBeVisible();
      await expect(checkout.element.locator('[dir="rtl"]').first()).toBeVisible();
      await checkout.chooseMethod('card');
      await snap('checkout-rtl');
      await checkout.pay();
      await widget.waitUntilOpen();
    });
    await test.step('pay at the card page (English: ConnectPay has no Arabic)', async () => {
      await widget.payByCard({ number: '4242424242424242' });
      await widget.threeDsPass.click();
    });
    const key = widget.key();
    await test.step('the return page is Arabic, right to left, and says success', async () => {
      await widget.returnToMerchant.click();
      await returnPage.waitUntilOpen();
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await returnPage.expectHeading(returnPage.texts.succeeded);
      await snap('return-succeeded-rtl');
      await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'succeeded');
    });
  });
});
