import { enableWallets, expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';

// docs/test-data.md: GooglePay / ApplePay → success through the provider's (simulated) sheet.
const WALLETS = [
  { method: 'googlepay', name: 'Google Pay' },
  { method: 'applepay', name: 'Apple Pay' },
] as const;

for (const wallet of WALLETS) {
  test.describe(`${wallet.name} (simulated sheet)`, () => {
    test('success', async ({ page, journey, widget, snap }) => {
      await enableWallets(page);
      await journey.checkOut(PRODUCTS.tee, { method: wallet.method });
      await test.step('confirm on the wallet sheet', async () => {
        await expect(page.getByRole('heading', { name: wallet.name })).toBeVisible();
        if (wallet.method === 'googlepay') await snap('wallet-sheet');
        await widget.walletPay.click();
      });
      await journey.expectFinalState('succeeded', { session: { method: wallet.method } });
    });
  });
}
