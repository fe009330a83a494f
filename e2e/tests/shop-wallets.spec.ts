import { enableWallets, expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';

// TEST-DATA.md: GooglePay / ApplePay → success through the provider's (simulated) sheet.
const WALLETS = [
  { method: 'googlepay', name: 'Google Pay' },
  { method: 'applepay', name: 'Apple Pay' },
] as const;

for (const wallet of WALLETS) {
  test.describe(`${wallet.name} (simulated sheet)`, () => {
    test('success', async ({ page, shop, checkout, widget, returnPage, backOffice, snap }) => {
      await enableWallets(page);
      await test.step(`check out a tee with ${wallet.name}`, async () => {
        await shop.buy(PRODUCTS.tee);
        await checkout.chooseMethod(wallet.method);
        await checkout.pay();
        await widget.waitUntilOpen();
      });
      await test.step('confirm on the wallet sheet', async () => {
        await expect(page.getByRole('heading', { name: wallet.name })).toBeVisible();
        if (wallet.method === 'googlepay') await snap('wallet-sheet');
        await widget.walletPay.click();
      });
      const key = widget.key();
      await test.step('the return page and server-kit say success', async () => {
        await widget.returnToMerchant.click();
        await returnPage.waitUntilOpen();
        await returnPage.expectHeading(returnPage.texts.succeeded);
        const session = await backOffice.session(returnPage.sessionId());
        expect(session).toMatchObject({ status: 'succeeded', method: wallet.method });
        await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'succeeded');
      });
    });
  });
}
