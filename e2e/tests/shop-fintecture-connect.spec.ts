import { expect, test } from '../fixtures.js';
import { FintectureConnect } from '../pages/fintecture-connect.js';
import { PRODUCTS } from '../pages/shop-page.js';
import { TEXTS } from '../pages/texts.js';

/**
 * Connect's own bank list (no bank chosen beforehand: the merchant opens the session without one),
 * docs/test-data.md "psu type / country / language / provider honoured on the hosted bank-selection page":
 * the session's language and country open the page, the shopper switches language, account type and
 * searches; initials stand where logos would be.
 */
test('Connect bank list: language, country, account type and search, then paid', async ({
  page,
  shop,
  returnPage,
  request,
  baseURL,
}) => {
  const connect = new FintectureConnect(page);
  const orderId = await shop.buy(PRODUCTS.tee);
  const created = await request.post('/checkout/sessions', {
    headers: { origin: baseURL ?? '', 'idempotency-key': `connect-${orderId}` },
    data: { order: orderId, method: 'pis', country: 'FR', language: 'de' },
  });
  expect(created.status()).toBe(201);
  const { redirectUrl } = (await created.json()) as { redirectUrl: string };
  await page.goto(redirectUrl);
  await test.step('German (x-language), France (x-country), personal accounts (x-psu-type)', async () => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByLabel('Land')).toHaveValue('FR');
    await expect(page.getByLabel('Kontoart')).toHaveValue('retail');
  });
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await test.step('business accounts: banks that serve only people are not listed', async () => {
    await connect.accountType.selectOption('corporate');
    await connect.searchButton.click();
    await expect(connect.bank(/BNP Paribas/)).toBeVisible();
    await expect(connect.bank(/La Banque Postale/)).toHaveCount(0);
  });
  await test.step('search by name, with initials in place of a logo', async () => {
    await connect.accountType.selectOption('retail');
    await connect.bankSearch.fill('postale');
    await connect.searchButton.click();
    await expect(page.getByRole('status')).toHaveText('1 bank found');
    await expect(connect.bank(/La Banque Postale/)).toContainText('LB');
    await connect.expectAccessible();
    await connect.bank(/La Banque Postale/).click();
  });
  await connect.authorize('paid');
  await connect.returnToMerchant.click();
  await returnPage.waitUntilOpen();
  // The session was opened in German: our return page speaks the session's language (issue 17).
  await returnPage.expectHeading(TEXTS.de.returnPage.succeeded);
});
