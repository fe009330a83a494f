import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';

// The second checkout page imports the npm ESM build through an import map (no bundler), next to
// the script-tag page: both must give the shopper the same working checkout.
test.describe('Checkout page with the npm ES module build', () => {
  test('card 4485040371536584: success', async ({ page, journey, shop, checkout, widget }) => {
    await test.step('switch from the script-tag page to the ES module page', async () => {
      const orderId = await shop.buy(PRODUCTS.tee);
      await page.getByRole('link', { name: 'Use the npm (ES module) build instead' }).click();
      await expect(page).toHaveURL(new RegExp(`/orders/${orderId}/pay-esm$`));
      await expect(page.getByText('This page imports the checkout from npm as an ES module.')).toBeVisible();
    });
    await test.step('the element works the same: pay by card', async () => {
      await checkout.chooseMethod('card');
      await checkout.pinProvider('connectpay');
      await expect(checkout.payButton).toContainText('19.99');
      await journey.pay();
      await widget.payByCard({ number: '4485040371536584' });
    });
    await journey.expectFinalState('succeeded');
  });

  test('serves only allow-listed package folders', async ({ request }) => {
    await test.step('the import map targets are served as JavaScript', async () => {
      for (const path of ['/modules/lit/index.js', '/modules/@pay-checkout/element/dist/pay-checkout.js']) {
        const response = await request.get(path);
        expect(response.status(), path).toBe(200);
        expect(response.headers()['content-type']).toContain('text/javascript');
      }
    });
    await test.step('anything else is not found', async () => {
      for (const path of [
        '/modules/lit/package.json',
        '/modules/@pay-checkout/element/src/index.ts',
        '/modules/lit/%2e%2e/%2e%2e/package.json',
        '/modules/zod/index.js',
        '/modules/@pay-checkout/server-kit/src/index.js',
      ]) {
        expect((await request.get(path)).status(), path).toBe(404);
      }
    });
  });
});
