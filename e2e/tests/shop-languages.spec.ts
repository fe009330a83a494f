import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';
import { BANKS } from '../pages/test-banks.js';

// The whole journey in the shopper's language: the browser's locale drives the element, the bank's
// widget (ConnectPay speaks de and lt; Arabic falls back to English) and the return page.

test.describe('The whole journey in German (de)', () => {
  test.use({ journeyLanguage: 'de' });

  test('Fake Bank with Client Keys: success', async ({
    page,
    journey,
    shop,
    checkout,
    widget,
    returnPage,
    snap,
  }) => {
    await test.step('the checkout speaks German', async () => {
      await shop.buy(PRODUCTS.tee);
      await expect(checkout.methodGroup).toBeVisible();
      await checkout.choose({ method: 'pis', bank: BANKS.fake });
      await expect(checkout.payButton).toContainText('bezahlen');
      await journey.pay();
    });
    await test.step('the bank speaks German', async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await snap('bank-login-de');
      await widget.logInAndConfirm('username', 'secret');
    });
    await journey.returnToShop('succeeded');
    await test.step('the return page speaks German', async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(returnPage.returnToMerchant).toBeVisible();
    });
    await journey.expectServerAgrees('succeeded');
  });
});

test.describe('The whole journey in Lithuanian (lt)', () => {
  test.use({ journeyLanguage: 'lt' });

  test('Siauliu bankas: success', async ({ page, journey, shop, checkout, widget }) => {
    await test.step('the checkout speaks Lithuanian', async () => {
      await shop.buy(PRODUCTS.tee);
      await expect(checkout.methodGroup).toBeVisible();
      await checkout.choose({ method: 'pis', bank: BANKS.siauliu });
      await journey.pay();
    });
    await test.step('the bank speaks Lithuanian', async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
      await widget.logInAndConfirm('jonas', 'slaptazodis');
    });
    await journey.returnToShop('succeeded');
    await test.step('the return page speaks Lithuanian', async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
    });
    await journey.expectServerAgrees('succeeded');
  });
});

test.describe('The whole journey in Arabic (ar, right to left)', () => {
  test.use({ journeyLanguage: 'ar' });

  test('card 4242424242424242: success', async ({ page, journey, shop, checkout, widget, snap }) => {
    await test.step('the checkout speaks Arabic, right to left', async () => {
      await shop.buy(PRODUCTS.tee);
      await expect(checkout.methodGroup).toBeVisible();
      await expect(checkout.element.locator('[dir="rtl"]').first()).toBeVisible();
      await checkout.chooseMethod('card');
      await checkout.pinProvider('connectpay');
      await snap('checkout-rtl');
      await journey.pay();
    });
    await test.step('pay at the card page (English: ConnectPay has no Arabic)', async () => {
      await widget.payByCardWithChallenge({ number: '4242424242424242' });
    });
    await journey.returnToShop('succeeded');
    await test.step('the return page is Arabic, right to left', async () => {
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await snap('return-succeeded-rtl');
    });
    await journey.expectServerAgrees('succeeded');
  });
});
