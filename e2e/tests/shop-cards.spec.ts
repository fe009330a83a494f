import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';

// TEST-DATA.md, ConnectPay merchant payments: the CARD rows.
const CHALLENGE_CARDS = [
  { number: '4242424242424242', brand: 'Visa' },
  { number: '5436031030606378', brand: 'MasterCard' },
];

test.describe('Card with 3-D Secure challenge', () => {
  for (const card of CHALLENGE_CARDS) {
    test(`${card.brand} ${card.number}: challenge passed, success`, async ({
      shop,
      checkout,
      widget,
      returnPage,
      backOffice,
      snap,
    }) => {
      await test.step('check out a tee by card', async () => {
        await shop.buy(PRODUCTS.tee);
        await checkout.chooseMethod('card');
        await checkout.pay();
        await widget.waitUntilOpen();
      });
      await test.step('enter the card, pass the 3-D Secure challenge', async () => {
        await widget.payByCard({ number: card.number });
        await expect(widget.threeDsPass).toBeVisible();
        if (card.brand === 'Visa') await snap('3ds-challenge');
        await widget.threeDsPass.click();
      });
      const key = widget.key();
      await test.step('the return page and server-kit say success', async () => {
        await widget.returnToMerchant.click();
        await returnPage.waitUntilOpen();
        await returnPage.expectHeading(returnPage.texts.succeeded);
        const session = await backOffice.session(returnPage.sessionId());
        expect(session).toMatchObject({ status: 'succeeded', method: 'card' });
        await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'succeeded');
      });
    });
  }
});

test.describe('Card 4485040371536584: frictionless 3-D Secure', () => {
  test('success without a challenge', async ({ shop, checkout, widget, returnPage, backOffice }) => {
    await test.step('check out a tee by card', async () => {
      await shop.buy(PRODUCTS.tee);
      await checkout.chooseMethod('card');
      await checkout.pay();
      await widget.waitUntilOpen();
    });
    await test.step('enter the card: no challenge is shown', async () => {
      await widget.payByCard({ number: '4485040371536584' });
      await expect(widget.returnToMerchant).toBeVisible();
      await expect(widget.threeDsPass).toBeHidden();
    });
    const key = widget.key();
    await test.step('the return page and server-kit say success', async () => {
      await widget.returnToMerchant.click();
      await returnPage.waitUntilOpen();
      await returnPage.expectHeading(returnPage.texts.succeeded);
      expect((await backOffice.session(returnPage.sessionId())).status).toBe('succeeded');
      await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'succeeded');
    });
  });
});

const DECLINES = [
  {
    number: '4544249167673670',
    title: 'insufficient funds',
    reason: 'insufficient_funds',
    screenshot: 'return-failed-insufficient-funds',
  },
  {
    number: '4539253655711767',
    title: 'stolen card',
    reason: 'card_lost_or_stolen',
    screenshot: 'return-failed-stolen',
  },
] as const;

for (const decline of DECLINES) {
  test.describe(`Card ${decline.number}: declined, ${decline.title}`, () => {
    test('the return page shows the human reason', async ({
      page,
      shop,
      checkout,
      widget,
      returnPage,
      backOffice,
      snap,
    }) => {
      await test.step('check out a tee by card', async () => {
        await shop.buy(PRODUCTS.tee);
        await checkout.chooseMethod('card');
        await checkout.pay();
        await widget.waitUntilOpen();
        await widget.payByCard({ number: decline.number });
      });
      const key = widget.key();
      await test.step('the return page says failed, and why', async () => {
        await widget.returnToMerchant.click();
        await returnPage.waitUntilOpen();
        await returnPage.expectHeading(returnPage.texts.failed);
        await expect(returnPage.status).toContainText(returnPage.texts.reasons[decline.reason]);
        await snap(decline.screenshot);
      });
      await test.step('server-kit says failed with the reason, applied once', async () => {
        const session = await backOffice.session(returnPage.sessionId());
        expect(session).toMatchObject({ status: 'failed', reason: decline.reason });
        await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'failed');
      });
      await test.step('the order page says the payment failed', async () => {
        await returnPage.returnToMerchant.click();
        await expect(page.getByRole('heading', { name: 'Payment failed' })).toBeVisible();
      });
    });
  });
}
