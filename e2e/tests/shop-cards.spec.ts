import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';

// docs/test-data.md, ConnectPay merchant payments: the CARD rows.
const CHALLENGE_CARDS = [
  { number: '4242424242424242', brand: 'Visa' },
  { number: '5436031030606378', brand: 'MasterCard' },
];

test.describe('Card with 3-D Secure challenge', () => {
  for (const card of CHALLENGE_CARDS) {
    test(`${card.brand} ${card.number}: challenge passed, success`, async ({ journey, widget, snap }) => {
      await journey.checkOut(PRODUCTS.tee, { method: 'card', provider: 'connectpay' });
      await test.step('enter the card, pass the 3-D Secure challenge', async () => {
        await widget.payByCard({ number: card.number });
        await expect(widget.threeDsPass).toBeVisible();
        if (card.brand === 'Visa') await snap('3ds-challenge');
        await widget.threeDsPass.click();
      });
      await journey.expectFinalState('succeeded', { session: { method: 'card' } });
    });
  }
});

test.describe('Card 4485040371536584: frictionless 3-D Secure', () => {
  test('success without a challenge', async ({ journey, widget }) => {
    await journey.checkOut(PRODUCTS.tee, { method: 'card', provider: 'connectpay' });
    await test.step('enter the card: no challenge is shown', async () => {
      await widget.payByCard({ number: '4485040371536584' });
      await expect(widget.returnToMerchant).toBeVisible();
      await expect(widget.threeDsPass).toBeHidden();
    });
    await journey.expectFinalState('succeeded');
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
    test('the return page shows the human reason', async ({ journey, widget, returnPage, snap }) => {
      await journey.checkOut(PRODUCTS.tee, { method: 'card', provider: 'connectpay' });
      await test.step('enter the declined card', () => widget.payByCard({ number: decline.number }));
      await journey.returnToShop('failed');
      await test.step('the return page says why', async () => {
        await expect(returnPage.status).toContainText(returnPage.texts.reasons[decline.reason]);
        await snap(decline.screenshot);
      });
      await journey.expectServerAgrees('failed', { session: { reason: decline.reason } });
      await journey.returnToOrder('failed');
    });
  });
}
