import { expect, SANDBOX_URL, test } from '../fixtures.js';
import { FintectureAdmin, FintectureConnect } from '../pages/fintecture-connect.js';
import { PRODUCTS } from '../pages/shop-page.js';

/**
 * Bank payments from France go to Fintecture (the demo's routing): the bank chosen in the element is
 * pre-selected at Connect (`x-provider`), the shopper logs in and confirms there, Connect sends them
 * back to the kit's one `return/fintecture` URL with `state`, and the signed webhook settles the
 * session. docs/test-data.md, Fintecture rows; the stage's test logins are in packages/sandbox/README.md.
 */
const BNP = { search: 'BNP', name: 'BNP Paribas' };

test.describe('FR: bank payment through Fintecture', () => {
  test('success: the bank chosen in the element, login and SCA at Connect, back through the state return', async ({
    page,
    shop,
    checkout,
    returnPage,
    backOffice,
    request,
    snap,
  }) => {
    const connect = new FintectureConnect(page);
    const admin = new FintectureAdmin(request, SANDBOX_URL);
    const stateReturns: string[] = [];
    page.on('request', (sent) => {
      if (sent.url().includes('/checkout/return/fintecture?')) stateReturns.push(sent.url());
    });
    const orderId = await shop.buy(PRODUCTS.tee);
    await test.step('choose France, bank payment and BNP Paribas in the element', async () => {
      await checkout.choose({ country: 'FR', method: 'pis', bank: BNP });
      await checkout.pay();
      await connect.waitUntilOpen();
    });
    const fintectureId = connect.sessionId();
    await test.step('Connect opens at the bank login (pre-selected), in the accessible shared frame', async () => {
      await expect(connect.heading).toHaveText('Log in to BNP Paribas');
      await connect.expectAccessible();
      await snap('fintecture-login');
    });
    await test.step('a wrong password is an error on the same step; then login paid and code 123456', async () => {
      await connect.logIn('paid', 'wrong');
      await expect(connect.error).toHaveText('The user ID or password is wrong.');
      await connect.expectAccessible();
      await connect.authorize('paid');
      await connect.expectAccessible();
    });
    await test.step('Return to merchant: the state comes back unchanged and lands on the session', async () => {
      await connect.returnToMerchant.click();
      await returnPage.waitUntilOpen();
      await returnPage.expectHeading(returnPage.texts.succeeded);
      const sessionId = returnPage.sessionId();
      expect(stateReturns).toHaveLength(1);
      const back = new URL(stateReturns[0]);
      expect(Object.fromEntries(back.searchParams)).toEqual({
        session_id: fintectureId,
        status: 'payment_created',
        state: sessionId,
      });
      expect((await admin.session(fintectureId)).state).toBe(sessionId);
      await snap('fintecture-return-succeeded');
    });
    await test.step('server-kit agrees; the signed webhook was delivered and the success applied once', async () => {
      const sessionId = returnPage.sessionId();
      expect(await backOffice.session(sessionId)).toMatchObject({
        status: 'succeeded',
        provider: 'fintecture',
        method: 'pis',
      });
      await expect
        .poll(async () =>
          (await admin.deliveries(fintectureId)).some((d) => d.status === 'payment_created' && d.delivered),
        )
        .toBe(true);
      const history = await backOffice.history(sessionId);
      expect(history.orderId).toBe(orderId);
      expect(history.events.filter((event) => event.status === 'succeeded')).toHaveLength(1);
    });
  });

  test('bank refusal: failed, declined', async ({ page, shop, checkout, returnPage, backOffice }) => {
    const connect = new FintectureConnect(page);
    await shop.buy(PRODUCTS.tee);
    await checkout.choose({ country: 'FR', method: 'pis', bank: BNP });
    await checkout.pay();
    await connect.waitUntilOpen();
    await connect.authorize('refused');
    await expect(connect.heading).toHaveText('Payment declined');
    await connect.returnToMerchant.click();
    await returnPage.waitUntilOpen();
    await returnPage.expectHeading(returnPage.texts.failed);
    expect(await backOffice.session(returnPage.sessionId())).toMatchObject({
      status: 'failed',
      reason: 'declined',
    });
  });

  test('shopper cancel at Connect: cancelled', async ({ page, shop, checkout, returnPage, backOffice }) => {
    const connect = new FintectureConnect(page);
    await shop.buy(PRODUCTS.tee);
    await checkout.choose({ country: 'FR', method: 'pis', bank: BNP });
    await checkout.pay();
    await connect.waitUntilOpen();
    await connect.cancelButton.click();
    await expect(connect.heading).toHaveText('Payment cancelled');
    await connect.expectAccessible();
    await connect.returnToMerchant.click();
    await returnPage.waitUntilOpen();
    await returnPage.expectHeading(returnPage.texts.cancelled);
    expect(await backOffice.session(returnPage.sessionId())).toMatchObject({
      status: 'cancelled',
      reason: 'cancelled_by_shopper',
    });
  });
});
