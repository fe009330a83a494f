import { mkdir } from 'node:fs/promises';
import { test as base, type Page } from '@playwright/test';
import { Journey } from './journeys.js';
import { BackOffice } from './pages/back-office.js';
import { CheckoutPage } from './pages/checkout-page.js';
import { OrderPage } from './pages/order-page.js';
import { ReturnPage } from './pages/return-page.js';
import { SandboxWidget } from './pages/sandbox-widget.js';
import { ShopPage } from './pages/shop-page.js';
import { type JourneyLanguage, TEXTS, type Texts } from './pages/texts.js';

/** The sandbox the demo started (playwright.config.ts: SANDBOX_PORT 3100). */
export const SANDBOX_URL = process.env.SANDBOX_URL ?? `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 3100}`;

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);

export interface JourneyFixtures {
  /** The language the journey runs in; set with `test.use({ journeyLanguage: 'de' })`. */
  journeyLanguage: JourneyLanguage;
  texts: Texts;
  shop: ShopPage;
  checkout: CheckoutPage;
  widget: SandboxWidget;
  returnPage: ReturnPage;
  order: OrderPage;
  backOffice: BackOffice;
  /** Saves a full-page screenshot of a key page to `e2e/screenshots/<name>.png`. */
  snap: (name: string) => Promise<void>;
  /** The phases the journeys share (journeys.ts), over the page objects above. */
  journey: Journey;
}

/** Pretends the browser has a wallet ready, so `<pay-checkout>` offers Google Pay and Apple Pay. */
export async function enableWallets(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.ApplePaySession = { canMakePayments: () => true };
    // Only the availability probe is answered; no payment sheet of the browser is ever shown, and
    // nothing is fetched from Google (the real probe would load its payment-method manifest).
    class WalletReadyPaymentRequest {
      canMakePayment(): Promise<boolean> {
        return Promise.resolve(true);
      }
    }
    w.PaymentRequest = WalletReadyPaymentRequest;
  });
}

export const test = base.extend<JourneyFixtures>({
  journeyLanguage: ['en', { option: true }],
  texts: async ({ journeyLanguage }, use) => {
    await use(TEXTS[journeyLanguage]);
  },
  locale: async ({ journeyLanguage }, use) => {
    await use(TEXTS[journeyLanguage].locale);
  },
  shop: async ({ page }, use) => {
    await use(new ShopPage(page));
  },
  checkout: async ({ page, texts }, use) => {
    await use(new CheckoutPage(page, texts.element));
  },
  widget: async ({ page, texts }, use) => {
    await use(new SandboxWidget(page, texts.widget));
  },
  returnPage: async ({ page, texts }, use) => {
    await use(new ReturnPage(page, texts.returnPage));
  },
  order: async ({ page }, use) => {
    await use(new OrderPage(page));
  },
  backOffice: async ({ request }, use) => {
    await use(new BackOffice(request, SANDBOX_URL));
  },
  snap: async ({ page }, use) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    await use(async (name) => {
      await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
    });
  },
  journey: async ({ shop, checkout, widget, returnPage, order, backOffice, snap }, use) => {
    await use(new Journey(shop, checkout, widget, returnPage, order, backOffice, snap));
  },
});

export { expect } from '@playwright/test';
