import {
  approveManualReview,
  test as checkoutTest,
  expect,
  MANUAL_REVIEW_ORDER,
  readSession,
  simulateWallets,
  TEST_DATA,
  waitForSessionStatus,
} from '@pay-checkout/testing';
import { type MerchantServer, startMerchantServer } from './merchant-server.js';

/**
 * What a merchant's own CI looks like with @pay-checkout/testing: the package's worker sandbox, the
 * merchant's server pointed at it (here the tiny one in merchant-server.ts), and the shopper paying
 * through the kit's hosted pay page with the providers' test data.
 */
const test = checkoutTest.extend<object, { shop: MerchantServer }>({
  sandboxOptions: [{ providers: ['connectpay'] }, { scope: 'worker' }],
  shop: [
    async ({ sandbox }, use) => {
      const shop = await startMerchantServer(sandbox.urlOf('connectpay'));
      await use(shop);
      await shop.close();
    },
    // PGlite's first start compiles its WebAssembly: seconds, more on a busy CI machine.
    { scope: 'worker', timeout: 120_000 },
  ],
});

const { fakeBank, visaChallenge, insufficientFunds, googlePay } = TEST_DATA.connectpay;

test.describe('checkout with the ConnectPay sandbox', () => {
  for (const datum of [fakeBank, visaChallenge, insufficientFunds]) {
    test(datum.title, async ({ page, shop, shopper }) => {
      await page.goto(`${shop.kitUrl}/pay/${shop.newOrder()}`);
      await shopper.checkOut(datum);
      await shopper.payWith(datum);
      const sessionId = await shopper.backAtReturnPage();
      const session = await waitForSessionStatus(shop.kitUrl, sessionId);
      expect(session).toMatchObject(datum.expected);
    });
  }

  test('Google Pay, with the browser made wallet-ready', async ({ page, shop, shopper }) => {
    await simulateWallets(page);
    await page.goto(`${shop.kitUrl}/pay/${shop.newOrder()}`);
    await shopper.checkOut(googlePay);
    await shopper.payWith(googlePay);
    const session = await waitForSessionStatus(shop.kitUrl, await shopper.backAtReturnPage());
    expect(session).toMatchObject({ ...googlePay.expected, method: 'googlepay' });
  });

  test('manual review: processing until the provider approves, then succeeded', async ({
    page,
    sandbox,
    shop,
    shopper,
  }) => {
    await page.goto(`${shop.kitUrl}/pay/${shop.newOrder(MANUAL_REVIEW_ORDER.amount)}`);
    await shopper.checkOut(TEST_DATA.connectpay.visaFrictionless);
    const visit = await shopper.payWith(TEST_DATA.connectpay.visaFrictionless);
    const sessionId = await shopper.backAtReturnPage();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment is being processed');
    expect(await readSession(shop.kitUrl, sessionId)).toMatchObject({
      status: 'processing',
      reason: 'manual_review',
    });
    await approveManualReview(sandbox, visit.providerReference);
    expect(await waitForSessionStatus(shop.kitUrl, sessionId)).toMatchObject({ status: 'succeeded' });
    // The open return page learns it live, without a reload.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment successful');
  });
});
