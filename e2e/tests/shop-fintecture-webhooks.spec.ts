import { expect, SANDBOX_URL, test } from '../fixtures.js';
import { FintectureAdmin, FintectureConnect } from '../pages/fintecture-connect.js';
import { PRODUCTS } from '../pages/shop-page.js';

/**
 * Fintecture's signed webhook and the shopper's return race; either may come first, and the session
 * ends succeeded exactly once either way. The sandbox's per-session knob delays the webhook.
 */
const BNP = { search: 'BNP', name: 'BNP Paribas' };

test.describe('Fintecture: the webhook before and after the shopper returns', () => {
  test('webhook first: the session is paid before the shopper is back', async ({
    page,
    shop,
    checkout,
    returnPage,
    backOffice,
    request,
  }) => {
    const connect = new FintectureConnect(page);
    const admin = new FintectureAdmin(request, SANDBOX_URL);
    await shop.buy(PRODUCTS.tee);
    await checkout.choose({ country: 'FR', method: 'pis', bank: BNP });
    await checkout.pay();
    await connect.waitUntilOpen();
    const fintectureId = connect.sessionId();
    // The state Connect was opened with is our session id.
    const sessionId = (await admin.session(fintectureId)).state;
    await connect.authorize('paid');
    await test.step('the webhook is delivered and applied while the shopper is still at Connect', async () => {
      await expect
        .poll(async () =>
          (await admin.deliveries(fintectureId)).some((d) => d.status === 'payment_created' && d.delivered),
        )
        .toBe(true);
      // GET sessions/:id never asks the provider: only the webhook can have moved it.
      await expect.poll(async () => (await backOffice.session(sessionId)).status).toBe('succeeded');
    });
    await connect.returnToMerchant.click();
    await returnPage.waitUntilOpen();
    await returnPage.expectHeading(returnPage.texts.succeeded);
    const history = await backOffice.history(sessionId);
    expect(
      history.events.filter((event) => event.status === 'succeeded').map((event) => event.source),
    ).toEqual(['notification']);
  });

  test('shopper first: the return reads the status, the late webhook changes nothing', async ({
    page,
    shop,
    checkout,
    returnPage,
    backOffice,
    request,
  }) => {
    const connect = new FintectureConnect(page);
    const admin = new FintectureAdmin(request, SANDBOX_URL);
    await shop.buy(PRODUCTS.tee);
    await checkout.choose({ country: 'FR', method: 'pis', bank: BNP });
    await checkout.pay();
    await connect.waitUntilOpen();
    const fintectureId = connect.sessionId();
    await admin.setKnobs(fintectureId, { notificationDelayMs: 4000 });
    await connect.authorize('paid');
    await connect.returnToMerchant.click();
    await returnPage.waitUntilOpen();
    await returnPage.expectHeading(returnPage.texts.succeeded);
    const sessionId = returnPage.sessionId();
    expect((await admin.deliveries(fintectureId)).filter((d) => d.status === 'payment_created')).toEqual([]);
    await test.step('the delayed webhook arrives after the return and is recorded, not applied again', async () => {
      await expect
        .poll(
          async () =>
            (await admin.deliveries(fintectureId)).some((d) => d.status === 'payment_created' && d.delivered),
          {
            timeout: 15_000,
          },
        )
        .toBe(true);
      expect((await backOffice.session(sessionId)).status).toBe('succeeded');
      const history = await backOffice.history(sessionId);
      expect(
        history.events.filter((event) => event.status === 'succeeded').map((event) => event.source),
      ).toEqual(['reconcile']);
    });
  });
});
