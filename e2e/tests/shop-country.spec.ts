import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';
import { BANKS } from '../pages/test-banks.js';

// Issue 17: the bank's country. An en-US browser's region (US) has no banks; the element must let the
// shopper say their bank is German instead of ending in an empty list.

async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe('An en-US browser pays with a German bank by choosing the country', () => {
  test('hosted pay page without a country: choose Germany, then Fake Bank with Client Keys', async ({
    page,
    journey,
    shop,
    checkout,
    widget,
  }) => {
    const countryPicker = checkout.element.getByLabel('Country of your bank');
    const orderId = await test.step('the order, opened on the hosted pay page (the README redirect)', () =>
      shop.buy(PRODUCTS.tee));
    await test.step('the region US is not served: the element asks for the country, visibly', async () => {
      await page.goto(`/checkout/pay/${orderId}`);
      await expect(checkout.method('pis')).toBeChecked();
      await expect(countryPicker).toHaveValue('');
      await expect(checkout.element.getByText('Choose a country', { exact: true }).last()).toBeVisible();
      await expectAxeClean(page);
    });
    await test.step('choose Germany (named in English): the German banks appear', async () => {
      await countryPicker.selectOption({ label: 'Germany' });
      await expect(countryPicker).toHaveValue('DE');
      await checkout.chooseBank(BANKS.fake.search, BANKS.fake.name);
      await expect(checkout.bankSearch).toHaveValue(BANKS.fake.name);
      await expectAxeClean(page);
    });
    await test.step('pay and confirm at the German bank', async () => {
      await journey.pay();
      await widget.logInAndConfirm('username', 'secret');
    });
    await journey.returnToShop('succeeded');
    await journey.expectServerAgrees('succeeded');
  });

  test('?country=DE on the hosted pay page preselects the bank country', async ({ page, shop, checkout }) => {
    const orderId = await shop.buy(PRODUCTS.tee);
    await page.goto(`/checkout/pay/${orderId}?country=DE`);
    await expect(checkout.element.getByLabel('Country of your bank')).toHaveValue('DE');
    await checkout.chooseBank(BANKS.fake.search, BANKS.fake.name);
  });
});

test.describe('A bank search with no match', () => {
  test('says so visibly, with the country picker in reach, and the right country finds the bank', async ({
    page,
    shop,
    checkout,
  }) => {
    await shop.buy(PRODUCTS.tee);
    await checkout.chooseMethod('pis');
    await test.step('a Lithuanian bank searched among German ones: a visible line, not only an announcement', async () => {
      await checkout.bankSearch.fill(BANKS.siauliu.search);
      const line = checkout.element.locator('[part=no-match]');
      await expect(line).toBeVisible();
      await expect(line).toHaveText(
        `No bank matches “${BANKS.siauliu.search}”. Check the country of your bank.`,
      );
      await expect(checkout.bankSearch).toHaveAttribute('aria-describedby', /bank-none/);
      await expect(checkout.element.getByRole('listbox')).toBeHidden();
      await expectAxeClean(page);
    });
    await test.step('the country picker next to it: Lithuania, and the bank is found', async () => {
      await checkout.element.getByLabel('Country of your bank').selectOption('LT');
      await checkout.chooseBank(BANKS.siauliu.search, BANKS.siauliu.name);
      await expect(checkout.element.locator('[part=no-match]')).toHaveCount(0);
    });
  });
});
