import { expect, test } from '../fixtures.js';
import { BANKS } from '../pages/test-banks.js';

// docs/test-data.md, ConnectPay BaaS top-up: the shopper tops up her Lumen wallet (a creditor account of
// the onboarded consumer) from the shop's "Wallet top-up" page.
const MAIN_WALLET = /^Main wallet/;
const CLOSED_WALLET = /^Old wallet \(closed\)/;

test.describe('Top-up by bank payment', () => {
  test('success', async ({ journey, shop, checkout, widget }) => {
    await test.step('top up 25 EUR into the main wallet by bank payment', async () => {
      await shop.topUp('€25.00', MAIN_WALLET);
      await expect(checkout.payButton).toContainText('25.00');
      await checkout.choose({ country: 'DE', method: 'pis', bank: BANKS.fake });
      await journey.pay();
    });
    await test.step('log in and confirm at the bank', () => widget.logInAndConfirm('username', 'secret'));
    await journey.expectFinalState('succeeded');
  });
});

test.describe('Top-up by card 4242424242424242', () => {
  test('success', async ({ journey, shop, checkout, widget, order }) => {
    await test.step('top up 10 EUR by card', async () => {
      await shop.topUp('€10.00', MAIN_WALLET);
      await expect(checkout.method('googlepay')).toHaveCount(0);
      await checkout.chooseMethod('card');
      await journey.pay();
    });
    await test.step('card with 3-D Secure challenge', () =>
      widget.payByCardWithChallenge({ number: '4242424242424242' }));
    await journey.expectFinalState('succeeded');
    await journey.returnToOrder('paid');
    await test.step('the order page confirms the wallet top-up', () => expect(order.topUpNote).toBeVisible());
  });
});

test.describe('Top-up by card 4539467987109256', () => {
  test('failure', async ({ journey, shop, checkout, widget }) => {
    await test.step('top up 10 EUR by card', async () => {
      await shop.topUp('€10.00', MAIN_WALLET);
      await checkout.chooseMethod('card');
      await journey.pay();
      await widget.payByCard({ number: '4539467987109256' });
    });
    await journey.expectFinalState('failed', { screenshot: 'return-failed-topup' });
  });
});

test.describe('Top-up into an inactive creditor account', () => {
  test('refused with a clear message', async ({ page, shop, checkout, snap }) => {
    await test.step('top up the closed wallet by card', async () => {
      await shop.topUp('€10.00', CLOSED_WALLET);
      await checkout.chooseMethod('card');
      await checkout.pay();
    });
    await test.step('the shop explains the refusal; the shopper stays on the shop', async () => {
      await expect(
        page.getByRole('alert').filter({ hasText: 'This wallet account is closed' }),
      ).toBeVisible();
      await expect(page).toHaveURL(/\/orders\/[^/]+\/pay$/);
      await expect(page.getByRole('link', { name: 'Choose another wallet account' })).toBeVisible();
      await snap('topup-refused');
    });
  });
});
