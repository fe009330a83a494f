import { expect, test } from '../fixtures.js';
import { tabTo } from '../pages/keyboard.js';
import { PRODUCTS } from '../pages/shop-page.js';
import { BANKS } from '../pages/test-banks.js';

// The whole journey with the keyboard alone: no clicks anywhere, from the shop front to the paid order.
test.describe('Keyboard only', () => {
  test('shop → cart → checkout → bank → return page → order, without a pointer', async ({
    page,
    journey,
    shop,
    checkout,
    widget,
    returnPage,
    order,
  }) => {
    await test.step('add the tee to the cart and check out', async () => {
      await shop.open();
      await tabTo(page, page.getByRole('button', { name: `Add ${PRODUCTS.tee} to cart` }));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/cart$/);
      await tabTo(page, shop.checkoutButton);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/orders\/[^/]+\/pay$/);
    });

    await test.step('choose bank payment and the bank with the keyboard', async () => {
      await tabTo(page, checkout.billingCountry);
      await page.keyboard.press('Tab');
      await tabTo(page, checkout.method('pis'));
      await page.keyboard.press('Space');
      await expect(checkout.method('pis')).toBeChecked();
      await tabTo(page, checkout.bankSearch);
      await page.keyboard.type(BANKS.fake.search);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(checkout.bankSearch).toHaveValue(BANKS.fake.name);
      await tabTo(page, checkout.payButton);
      await page.keyboard.press('Enter');
      await journey.arriveAtWidget();
    });

    await test.step('log in and confirm at the bank with the keyboard', async () => {
      await tabTo(page, widget.username);
      await page.keyboard.type('username');
      await tabTo(page, widget.password);
      await page.keyboard.type('secret');
      await page.keyboard.press('Enter');
      await tabTo(page, widget.code);
      await page.keyboard.type('123456');
      await page.keyboard.press('Enter');
      await expect(widget.returnToMerchant).toBeVisible();
    });

    await test.step('Return to merchant from the bank by keyboard', async () => {
      await tabTo(page, widget.returnToMerchant);
      await page.keyboard.press('Enter');
      await returnPage.waitUntilOpen();
      await returnPage.expectHeading(returnPage.texts.succeeded);
    });

    await journey.expectServerAgrees('succeeded');

    await test.step('Return to merchant from the return page by keyboard: the order is paid', async () => {
      await tabTo(page, returnPage.returnToMerchant);
      await page.keyboard.press('Enter');
      await order.expectState('paid');
    });
  });
});
