import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';

// The shop's own pages are part of the journey: each must pass axe (WCAG 2.2 AA rules) as the shopper
// meets it, with the element loaded on the checkout page.
async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe('Shop pages are accessible', () => {
  test('shop front, product, cart, checkout, order and top-up pages have no axe violations', async ({
    page,
    shop,
    checkout,
    order,
  }) => {
    await test.step('shop front', async () => {
      await shop.open();
      await expectAxeClean(page);
    });
    await test.step('product page', async () => {
      await page.getByRole('link', { name: PRODUCTS.tee }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(PRODUCTS.tee);
      await expectAxeClean(page);
    });
    const orderId = await test.step('cart', async () => {
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await expectAxeClean(page);
      return shop.checkout();
    });
    await test.step('checkout with the element ready', async () => {
      await expect(checkout.payButton).toBeVisible();
      await expectAxeClean(page);
    });
    await test.step('order page awaiting payment', async () => {
      await page.goto(`/orders/${orderId}`);
      await order.expectState('awaiting');
      await expectAxeClean(page);
    });
    await test.step('wallet top-up page', async () => {
      await shop.topUpLink.click();
      await expectAxeClean(page);
    });
  });
});
