import { expect, test } from '../fixtures.js';
import { tabTo } from '../pages/keyboard.js';

// The whole journey with the keyboard alone: no clicks anywhere, from the shop front to the paid order.
test.describe('Keyboard only', () => {
  test('shop → cart → checkout → bank → return page → order, without a pointer', async ({
    page,
    shop,
    checkout,
    widget,
    returnPage,
    backOffice,
  }) => {
    await test.step('add the tee to the cart and check out', async () => {
      await shop.open();
      await tabTo(page, page.getByRole('button', { name: 'Add Lumen organic tee to cart' }));
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
      await page.keyboard.type('Fake');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(checkout.bankSearch).toHaveValue('Fake Bank with Client Keys');
      await tabTo(page, checkout.payButton);
      await page.keyboard.press('Enter');
      await widget.waitUntilOpen();
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

    const key = widget.key();
    await test.step('Return to merchant from the bank by keyboard', async () => {
      await tabTo(page, widget.returnToMerchant);
      await page.keyboard.press('Enter');
      await returnPage.waitUntilOpen();
    });

    await test.step('the return page says success; Return to merchant by keyboard', async () => {
      await returnPage.expectHeading(returnPage.texts.succeeded);
      await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'succeeded');
      await tabTo(page, returnPage.returnToMerchant);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'Thank you! Payment received' })).toBeVisible();
    });
  });
});
