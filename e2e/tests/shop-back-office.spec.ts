import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test as base, expect } from '../fixtures.js';
import { startOwnDemo } from '../own-demo.js';
import { BackOfficePage } from '../pages/back-office-page.js';
import { PRODUCTS } from '../pages/shop-page.js';

/**
 * The back office in the browser. It signs in with the merchant key, so this spec starts a demo of its
 * own with a MERCHANT_KEY it knows (the shared demo of playwright.config.ts makes one up per run) on
 * BACK_OFFICE_DEMO_PORT and the next port for its sandbox. ConnectPay has no merchant operations,
 * so the buttons themselves are proven with a test provider in `demo/test/back-office.test.ts`.
 */
const MERCHANT_KEY = 'e2e-back-office-merchant-key-7f3a';
const DEMO_PORT = Number(process.env.BACK_OFFICE_DEMO_PORT ?? 3300);
const DEMO = `http://localhost:${DEMO_PORT}`;

const test = base.extend<object, { backOfficeDemo: string }>({
  backOfficeDemo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const demo = await startOwnDemo({
        name: 'back-office',
        port: DEMO_PORT,
        env: {
          MERCHANT_KEY,
          PAYTECH_BASE_URL: '',
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

async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test.describe('Back office', () => {
  test('a card payment shows up in the back office, with no button ConnectPay cannot serve', async ({
    page,
    journey,
    widget,
    returnPage,
    snap,
  }) => {
    const backOffice = new BackOfficePage(page);
    const orderId = await journey.checkOut(PRODUCTS.tee, { method: 'card', provider: 'connectpay' });
    await test.step('pay by card, passing 3-D Secure', () =>
      widget.payByCardWithChallenge({ number: '4242424242424242' }));
    await journey.returnToShop('succeeded');
    const sessionId = returnPage.sessionId();

    await test.step('the footer links the back office, which asks for the merchant key', async () => {
      await page.goto('/');
      await backOffice.footerLink.click();
      await expect(backOffice.heading).toHaveText('Back office');
      await expect(backOffice.keyField).toBeVisible();
      await expectAxeClean(page);
    });

    await test.step('a wrong key is refused, the error tied to the field, the focus back on it', async () => {
      await backOffice.signIn('not-the-merchant-key-at-all');
      await expect(backOffice.keyError).toHaveText(/That is not the merchant key/);
      await expect(backOffice.keyField).toBeFocused();
      await expect(backOffice.keyField).toHaveAccessibleDescription(/That is not the merchant key/);
      await expectAxeClean(page);
    });

    await test.step('the merchant key opens the orders: this one, its payment, and why no buttons', async () => {
      await backOffice.signIn(MERCHANT_KEY);
      await backOffice.expectSignedIn();
      const payment = backOffice.payment(sessionId, backOffice.order(orderId));
      await expect(backOffice.fact(payment, 'Status')).toHaveText('succeeded');
      await expect(backOffice.fact(payment, 'Provider')).toHaveText('ConnectPay');
      await expect(backOffice.fact(payment, 'Captured')).toHaveText('€19.99');
      await expect(payment).toContainText('ConnectPay does not support capture, void or refund.');
      for (const kind of ['Capture', 'Void', 'Refund'] as const) {
        await expect(backOffice.operation(payment, kind)).toHaveCount(0);
      }
      await expect(page.getByText(MERCHANT_KEY)).toHaveCount(0);
      await expectAxeClean(page);
      await snap('back-office');
    });

    await test.step('sign out: the back office asks for the key again', async () => {
      await backOffice.signOutButton.click();
      await expect(backOffice.keyField).toBeVisible();
      await page.reload();
      await expect(backOffice.keyField).toBeVisible();
    });
  });
});
