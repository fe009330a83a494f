import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';

// docs/test-data.md: amount 99.99 EUR → PendingProvider (manual review) until the provider approves it.
test.describe('99.99 EUR: manual review, then approved', () => {
  test('the open return page turns to success live, without reload', async ({
    page,
    journey,
    shop,
    checkout,
    widget,
    returnPage,
    backOffice,
    snap,
  }) => {
    await test.step('check out the portfolio review (99.99 EUR) by card', async () => {
      await shop.buy(PRODUCTS.review);
      await checkout.chooseMethod('card');
      await checkout.pinProvider('connectpay');
      await expect(checkout.payButton).toContainText('99.99');
      await journey.pay();
      await widget.payByCard({ number: '4485040371536584' });
    });
    await journey.returnToShop('processing');
    await test.step('the return page says why: manual review; server-kit agrees', async () => {
      await expect(returnPage.status).toContainText(returnPage.texts.reasons.manual_review);
      // pending: the way back is offered, with the line saying the shop will be told (issue 17)
      await expect(returnPage.returnToMerchant).toBeVisible();
      await snap('return-manual-review');
      const session = await backOffice.session(returnPage.sessionId());
      expect(session).toMatchObject({ status: 'processing', reason: 'manual_review' });
    });
    await test.step('the provider approves; the page updates by itself', async () => {
      // A page that reloads would lose this marker; the live update keeps it.
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      const payment = await journey.sandboxPayment();
      expect(payment.status).toBe('PendingProvider');
      await backOffice.approve(payment.paymentId);
      await returnPage.expectHeading(returnPage.texts.succeeded);
      await expect(returnPage.returnToMerchant).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
        true,
      );
    });
    await journey.expectServerAgrees('succeeded');
  });
});
