import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test as base, expect } from '../fixtures.js';
import { startOwnDemo } from '../own-demo.js';
import { PRODUCTS } from '../pages/shop-page.js';

// Issue 17: the kit's hosted pages never strand a shopper. Unknown links get a page with the way back;
// pending states offer "Return to merchant"; a final status forwards to the shop after a visible,
// announced, cancellable countdown (RETURN_AUTO_FORWARD), and a pending one never does. The countdown
// needs a demo of its own (the shared one keeps the return page still): SHOP_PAGES_DEMO_PORT, default
// 3900, and the next port for its sandbox.

const DEMO_PORT = Number(process.env.SHOP_PAGES_DEMO_PORT ?? 3900);
const FORWARDING_DEMO = `http://localhost:${DEMO_PORT}`;
// Long enough for axe to run on the countdown in real time; the test's paused clock skips the wait.
const FORWARD_SECONDS = 30;

async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** A paused page clock from now on (this page and the next ones): timers run only on `clock.runFor`. */
async function stopTheClock(page: Page): Promise<void> {
  const now = Date.now();
  await page.clock.install({ time: now });
  await page.clock.pauseAt(now + 1000);
}

const test = base.extend<object, { forwardingDemo: string }>({
  forwardingDemo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const demo = await startOwnDemo({
        name: 'forwarding',
        port: DEMO_PORT,
        env: {
          RETURN_AUTO_FORWARD: String(FORWARD_SECONDS),
        },
      });
      try {
        await use(demo.url);
      } finally {
        await demo.stop();
      }
    },
    // a demo starts in seconds, but in about a minute on a busy machine
    { scope: 'worker', timeout: 180_000 },
  ],
});

test.describe('Unknown payment links', () => {
  test('an unknown session: a page with the way back to the shop, not JSON', async ({ page, shop }) => {
    const response = await page.goto('/checkout/return/AAAAAAAAAAAAAAAAAAAAAA');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment not found');
    await expectAxeClean(page);
    await page.getByRole('link', { name: 'Return to merchant' }).click();
    await expect(shop.page).toHaveURL(/\/$/);
  });

  test.describe('in German', () => {
    test.use({ journeyLanguage: 'de' });

    test('an unknown order on the hosted pay page: a German page with the way back', async ({ page }) => {
      const response = await page.goto('/checkout/pay/no-such-order');
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zahlung nicht gefunden');
      await expect(page.getByRole('link', { name: 'Zurück zum Händler' })).toBeVisible();
      await expectAxeClean(page);
    });
  });
});

test.describe("The manual-review page's way back", () => {
  test('99.99 EUR stopped for manual review: Return to merchant, and the line saying the shop will be told', async ({
    page,
    journey,
    returnPage,
    order,
  }) => {
    const orderId = await journey.checkOut(PRODUCTS.review, { method: 'card', provider: 'connectpay' });
    await test.step('pay by card (frictionless)', () =>
      journey.widget.payByCard({ number: '4485040371536584' }));
    await journey.returnToShop('processing');
    await test.step('pending, with the way back offered and explained', async () => {
      await expect(returnPage.status).toContainText(returnPage.texts.reasons.manual_review);
      await expect(
        page.getByText('You can return to the shop now: the shop will be told when the payment completes.'),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: 'Stay on this page' })).toBeHidden();
      await expectAxeClean(page);
    });
    await test.step('back at the shop, the order awaits the result', async () => {
      await returnPage.returnToMerchant.click();
      await expect(page).toHaveURL(new RegExp(`/orders/${orderId}\\?session=`));
      await expect(order.page.getByRole('heading', { name: 'Payment under review' })).toBeVisible();
    });
  });
});

test.describe('A final status forwards to the shop after a countdown (RETURN_AUTO_FORWARD)', () => {
  test.use({ baseURL: FORWARDING_DEMO });

  test('visible and announced, it forwards; "Stay on this page" cancels it; pending never forwards', async ({
    page,
    journey,
    returnPage,
    forwardingDemo,
  }) => {
    test.setTimeout(240_000); // three payments through the widget
    // The visible countdown ticks; its twin for screen readers (a status region) is said once.
    const countdown = page.locator('#forward-text');
    await test.step('paid by card: the return page counts down, visibly and for screen readers', async () => {
      expect(forwardingDemo).toBe(FORWARDING_DEMO);
      const orderId = await journey.checkOut(PRODUCTS.tee, { method: 'card', provider: 'connectpay' });
      await journey.widget.payByCard({ number: '4485040371536584' });
      // A paused clock: the countdown runs exactly when the test says, without sleeping.
      await stopTheClock(page);
      await journey.returnToShop('succeeded');
      await expect(countdown).toHaveText(`Returning to the merchant in ${FORWARD_SECONDS} seconds.`);
      await expect(page.locator('#forward-status')).toHaveText(
        `Returning to the merchant in ${FORWARD_SECONDS} seconds.`,
      );
      await expect(page.locator('#forward-status')).toHaveAttribute('role', 'status');
      await page.clock.runFor(1000);
      await expect(countdown).toHaveText(`Returning to the merchant in ${FORWARD_SECONDS - 1} seconds.`);
      // axe waits on timers: let the clock run while it looks, then stop it again
      await page.clock.resume();
      await expectAxeClean(page);
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
      await page.clock.runFor(FORWARD_SECONDS * 1000);
      await expect(page).toHaveURL(new RegExp(`/orders/${orderId}\\?session=`));
    });
    await test.step('"Stay on this page" stops it and leaves the way back focused', async () => {
      await journey.checkOut(PRODUCTS.tee, { method: 'card', provider: 'connectpay' });
      await journey.widget.payByCard({ number: '4485040371536584' });
      await stopTheClock(page);
      await journey.returnToShop('succeeded');
      await page.getByRole('button', { name: 'Stay on this page' }).click();
      await expect(countdown).toBeHidden();
      await expect(returnPage.returnToMerchant).toBeFocused();
      await page.clock.runFor((FORWARD_SECONDS + 2) * 1000);
      await returnPage.waitUntilOpen();
      await returnPage.expectHeading(returnPage.texts.succeeded);
    });
    await test.step('manual review (pending): no countdown, the page stays', async () => {
      await journey.checkOut(PRODUCTS.review, { method: 'card', provider: 'connectpay' });
      await journey.widget.payByCard({ number: '4485040371536584' });
      await stopTheClock(page);
      await journey.returnToShop('processing');
      await expect(page.getByRole('button', { name: 'Stay on this page' })).toBeHidden();
      await page.clock.runFor((FORWARD_SECONDS + 2) * 1000);
      await returnPage.expectHeading(returnPage.texts.processing);
    });
  });
});
