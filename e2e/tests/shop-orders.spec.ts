import type { MerchantOrderView } from '@pay-checkout/contract';
import { test as base, expect } from '../fixtures.js';
import { startOwnDemo } from '../own-demo.js';
import { ReturnPage } from '../pages/return-page.js';
import { SandboxWidget } from '../pages/sandbox-widget.js';
import { PRODUCTS } from '../pages/shop-page.js';
import { BANKS } from '../pages/test-banks.js';

/**
 * Issue 16, "paid exactly once": the two-tab race. The shopper starts a card payment, goes back, pays
 * by bank, then finishes the first card payment in another tab. The order is paid once: the bank
 * payment; the card payment is flagged a duplicate of it (ConnectPay has no void or refund, so it is
 * reported to the merchant rather than given back), the shop's order page says "paid" whatever URL
 * reaches it, and neither the shop nor the hosted checkout page takes a third payment.
 * The merchant's order view needs the merchant key, so this spec starts a demo of its own with one it
 * knows on ORDERS_DEMO_PORT (default 3800) and the next port for its sandbox.
 */
const MERCHANT_KEY = 'e2e-orders-merchant-key-4c1d9b';
const DEMO_PORT = Number(process.env.ORDERS_DEMO_PORT ?? 3800);
const DEMO = `http://localhost:${DEMO_PORT}`;

const test = base.extend<object, { ordersDemo: string }>({
  ordersDemo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const demo = await startOwnDemo({
        name: 'orders',
        port: DEMO_PORT,
        env: {
          MERCHANT_KEY,
          LOG_LEVEL: 'error',
        },
      });
      try {
        await use(demo.url);
      } finally {
        await demo.stop();
      }
    },
    { scope: 'worker', timeout: 90_000, auto: true },
  ],
});
test.use({ baseURL: DEMO });

async function merchantOrder(orderId: string): Promise<MerchantOrderView> {
  const response = await fetch(`${DEMO}/checkout/merchant/orders/${orderId}`, {
    headers: { authorization: `Bearer ${MERCHANT_KEY}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as MerchantOrderView;
}

test.describe('One order, two tabs', () => {
  test('a card payment finished after the bank payment paid the order is flagged duplicate and reported; the order is paid once', async ({
    page,
    context,
    journey,
    checkout,
    widget,
    returnPage,
    order,
    texts,
  }) => {
    // ConnectPay's card widget (pinned: the demo's cards go to pay.tech first), which cannot refund, so
    // the duplicate is reported rather than given back
    const orderId = await journey.checkOut(PRODUCTS.tee, { method: 'card', provider: 'connectpay' });
    const cardWidget = page.url();

    const paidSession = await test.step('go back, pay by bank instead, return to the shop', async () => {
      await page.goBack();
      await checkout.choose({ country: 'DE', method: 'pis', bank: BANKS.fake });
      await journey.pay();
      await widget.logInAndConfirm('username', 'secret');
      await journey.returnToShop('succeeded');
      const sessionId = returnPage.sessionId();
      await journey.returnToOrder('paid', { orderId });
      return sessionId;
    });

    const duplicateSession = await test.step('finish the first card payment in another tab', async () => {
      const tab = await context.newPage();
      const tabWidget = new SandboxWidget(tab, texts.widget);
      const tabReturn = new ReturnPage(tab, texts.returnPage);
      await tab.goto(cardWidget);
      await tabWidget.payByCard({ number: '4485040371536584' }); // frictionless 3-D Secure
      await tabWidget.returnToMerchant.click();
      await tabReturn.waitUntilOpen();
      const sessionId = tabReturn.sessionId();
      await tab.close();
      return sessionId;
    });

    await test.step('the merchant sees one payment of the order and the card payment flagged duplicate', async () => {
      const view = await merchantOrder(orderId);
      expect(view.status).toBe('paid');
      expect(view.paidSessionId).toBe(paidSession);
      expect(view.sessions.map((session) => session.sessionId).sort()).toEqual(
        [paidSession, duplicateSession].sort(),
      );
      const duplicate = view.sessions.find((session) => session.sessionId === duplicateSession);
      expect(duplicate).toMatchObject({ status: 'succeeded', method: 'card', duplicateOf: paidSession });
      // ConnectPay has no void or refund: reported (payment.duplicate), left to the merchant.
      expect(duplicate?.operations).toEqual([]);
      const paid = view.sessions.filter((session) => session.duplicateOf === undefined);
      expect(paid.map((session) => [session.sessionId, session.status])).toEqual([
        [paidSession, 'succeeded'],
      ]);
    });

    await test.step('the order page says paid without ?session=, and offers no Pay', async () => {
      await page.goto(`/orders/${orderId}`);
      await order.expectState('paid');
      await expect(order.payNow).toHaveCount(0);
      await page.goto(`/orders/${orderId}/pay`);
      await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
      await order.expectState('paid');
    });

    await test.step('the hosted checkout page refuses a third payment and leads back to the shop', async () => {
      await page.goto(`/checkout/pay/${orderId}`);
      await checkout.chooseMethod('card');
      await checkout.pay();
      const back = checkout.element.getByRole('link', {
        name: 'This order is already paid. Back to the shop',
      });
      await expect(back).toBeVisible();
      await back.click();
      await expect(page).toHaveURL(new RegExp(`/orders/${orderId}\\?session=${paidSession}$`));
      await order.expectState('paid');
    });
  });
});
