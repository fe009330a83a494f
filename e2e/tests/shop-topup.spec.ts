import { expect, test } from '../fixtures.js';

// TEST-DATA.md, ConnectPay BaaS top-up: the shopper tops up her Lumen wallet (a creditor account of
// the onboarded consumer) from the shop's "Wallet top-up" page.
const MAIN_WALLET = /^Main wallet/;
const CLOSED_WALLET = /^Old wallet \(closed\)/;

test.describe('Top-up by bank payment', () => {
  test('success', async ({ shop, checkout, widget, returnPage, backOffice }) => {
    await test.step('top up 25 EUR into the main wallet by bank payment', async () => {
      await shop.topUp('€25.00', MAIN_WALLET);
      await expect(checkout.payButton).toContainText('25.00');
      await checkout.billingCountry.selectOption('DE');
      await checkout.chooseMethod('pis');
      await checkout.chooseBank('Fake', 'Fake Bank with Client Keys');
      await checkout.pay();
      await widget.waitUntilOpen();
    });
    await test.step('log in and confirm at the bank', async () => {
      await widget.logIn('username', 'secret');
      await widget.confirmCode('123456');
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

test.describe('Top-up by card 4242424242424242', () => {
  test('success', async ({ page, shop, checkout, widget, returnPage, backOffice }) => {
    await test.step('top up 10 EUR by card', async () => {
      await shop.topUp('€10.00', MAIN_WALLET);
      await expect(checkout.method('googlepay')).toHaveCount(0);
      await checkout.chooseMethod('card');
      await checkout.pay();
      await widget.waitUntilOpen();
    });
    await test.step('card with 3-D Secure challenge', async () => {
      await widget.payByCard({ number: '4242424242424242' });
      await widget.threeDsPass.click();
    });
    const key = widget.key();
    await test.step('the return page and server-kit say success', async () => {
      await widget.returnToMerchant.click();
      await returnPage.waitUntilOpen();
      await returnPage.expectHeading(returnPage.texts.succeeded);
      expect((await backOffice.session(returnPage.sessionId())).status).toBe('succeeded');
      await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'succeeded');
    });
    await test.step('the order page confirms the wallet top-up', async () => {
      await returnPage.returnToMerchant.click();
      await expect(page.getByText('The money is on its way to your Lumen wallet.')).toBeVisible();
    });
  });
});

test.describe('Top-up by card 4539467987109256', () => {
  test('failure', async ({ shop, checkout, widget, returnPage, backOffice, snap }) => {
    await test.step('top up 10 EUR by card', async () => {
      await shop.topUp('€10.00', MAIN_WALLET);
      await checkout.chooseMethod('card');
      await checkout.pay();
      await widget.waitUntilOpen();
      await widget.payByCard({ number: '4539467987109256' });
    });
    const key = widget.key();
    await test.step('the return page and server-kit say failed', async () => {
      await widget.returnToMerchant.click();
      await returnPage.waitUntilOpen();
      await returnPage.expectHeading(returnPage.texts.failed);
      await snap('return-failed-topup');
      expect((await backOffice.session(returnPage.sessionId())).status).toBe('failed');
      await backOffice.expectAppliedOnce(returnPage.sessionId(), key, 'failed');
    });
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
