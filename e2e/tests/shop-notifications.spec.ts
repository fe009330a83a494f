import { expect, test } from '../fixtures.js';
import { PRODUCTS } from '../pages/shop-page.js';

// Providers deliver notifications at least once, sometimes late or out of order (docs/reliability.md 6, 7).
// The shopper's journey must end in one final state, applied once, whatever the delivery does.
test.describe('Notifications delivered twice and out of order', () => {
  test('the payment ends succeeded, applied exactly once', async ({
    journey,
    widget,
    returnPage,
    backOffice,
  }) => {
    await journey.checkOut(PRODUCTS.tee, { method: 'card', provider: 'connectpay' });
    await test.step('the provider will send every notification twice, the intermediate ones last', async () => {
      const payment = await journey.sandboxPayment();
      await backOffice.setKnobs(payment.paymentId, {
        duplicateNotifications: true,
        reorderNotifications: true,
      });
    });
    await test.step('pay with a 3-D Secure challenge card', async () => {
      await widget.payByCardWithChallenge({ number: '4242424242424242' });
    });
    await journey.returnToShop('succeeded');
    await test.step('every copy was delivered; the status moved forward once per step', async () => {
      const payment = await journey.sandboxPayment();
      await expect
        .poll(
          async () => (await backOffice.notifications(payment.paymentId)).filter((n) => n.delivered).length,
        )
        .toBeGreaterThanOrEqual(4);
      const attempts = await backOffice.notifications(payment.paymentId);
      expect(attempts.some((attempt) => attempt.status === 'Completed' && attempt.copy === 2)).toBe(true);
      const history = await backOffice.history(returnPage.sessionId());
      const statuses = history.events.map((event) => event.status);
      expect(statuses.filter((status) => status === 'succeeded')).toHaveLength(1);
      expect(statuses.at(-1)).toBe('succeeded');
    });
    await journey.expectServerAgrees('succeeded');
  });
});
