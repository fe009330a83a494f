import { expect, type Locator, type Page, test } from '@playwright/test';
import { connectPayWidget, fintectureConnect, kitCardPage, paytechPaymentPage } from './provider-pages.js';
import type { TestDatum } from './test-data.js';

/** Where the shopper paid: the provider and its reference for the payment (for the sandbox's admin). */
export interface ProviderVisit {
  provider: TestDatum['provider'];
  /** ConnectPay: the widget key; Fintecture: its session id; pay.tech: its payment id; card gateway: our session id. */
  providerReference: string;
}

/** The element's method labels, in English (the element's own catalog). */
const METHOD_LABELS: Record<TestDatum['method'], RegExp> = {
  pis: /^Bank payment$/,
  card: /^Card$/,
  googlepay: /^Google Pay$/,
  applepay: /^Apple Pay$/,
};

/**
 * A shopper in the browser, in English: picks the datum's method (and bank) in `<pay-checkout>`,
 * presses Pay, does what the datum says at the provider's sandbox page, and comes back to
 * server-kit's return page. Playwright's locators pierce the element's shadow root.
 */
export class Shopper {
  readonly page: Page;
  /** `<pay-checkout>` on the current page. */
  readonly element: Locator;
  /** The element's Pay button (its name carries the amount). */
  readonly payButton: Locator;
  /** The return page's "Return to merchant" link (and the providers' own). */
  readonly returnToMerchant: Locator;

  constructor(page: Page) {
    this.page = page;
    this.element = page.locator('pay-checkout');
    this.payButton = this.element.getByRole('button', { name: /\d[.,]\d\d/ });
    this.returnToMerchant = page.getByRole('link', { name: 'Return to merchant' });
  }

  /**
   * In `<pay-checkout>` (on your checkout page or the kit's hosted `pay/:order` page): the datum's
   * method, its bank through the bank search (after choosing its country where the element offers a
   * country picker), and the provider pinned with the element's `provider` attribute; then Pay.
   */
  async checkOut(datum: TestDatum): Promise<void> {
    await test.step(`choose ${datum.method} in <pay-checkout> and press Pay`, async () => {
      await this.element.evaluate((element, id) => element.setAttribute('provider', id), datum.provider);
      await this.element.getByRole('radio', { name: METHOD_LABELS[datum.method] }).check();
      if ('bank' in datum) {
        const country = this.element.getByRole('combobox', { name: /country/i });
        if (await country.isVisible()) await country.selectOption(datum.country);
        await this.element.getByRole('combobox', { name: 'Bank', exact: true }).fill(datum.bank.search);
        await this.element.getByRole('option', { name: datum.bank.name }).click();
      }
      await this.payButton.click();
    });
  }

  /** At the provider's (sandbox) page: does what the datum says; ends when the provider is done. */
  async payWith(datum: TestDatum): Promise<ProviderVisit> {
    return test.step(`at the provider: ${datum.title}`, async () => {
      const page = this.page;
      switch (datum.provider) {
        case 'connectpay': {
          const key = await connectPayWidget.waitUntilOpen(page);
          if ('cancel' in datum) await connectPayWidget.cancel(page);
          else if (datum.method === 'pis') await connectPayWidget.bankLogin(page, datum.login, datum.code);
          else if (datum.method === 'card') await connectPayWidget.card(page, datum.number, datum.threeDs);
          else await connectPayWidget.wallet(page, datum.method === 'googlepay' ? 'Google Pay' : 'Apple Pay');
          await expect(this.returnToMerchant).toBeVisible();
          return { provider: datum.provider, providerReference: key };
        }
        case 'fintecture': {
          const id = await fintectureConnect.waitUntilOpen(page);
          await fintectureConnect.bankLogin(page, datum.bank, datum.login, datum.code);
          await expect(this.returnToMerchant).toBeVisible();
          return { provider: datum.provider, providerReference: id };
        }
        case 'paytech': {
          const id = await paytechPaymentPage.waitUntilOpen(page);
          await paytechPaymentPage.card(page, datum.number, datum.threeDs);
          await expect(this.returnToMerchant).toBeVisible();
          return { provider: datum.provider, providerReference: id };
        }
        case 'cardgateway': {
          const sessionId = await kitCardPage.waitUntilOpen(page);
          await kitCardPage.card(page, datum.number, datum.threeDs);
          return { provider: datum.provider, providerReference: sessionId };
        }
        default: {
          const unknown: never = datum;
          throw new Error(`@pay-checkout/testing: no provider page for ${JSON.stringify(unknown)}`);
        }
      }
    });
  }

  /**
   * Back at server-kit's return page (`{kit}/return/:session`), following the provider's "Return to
   * merchant" where the provider does not send the shopper back by itself; answers the session id.
   */
  async backAtReturnPage(): Promise<string> {
    return test.step('back at the return page', async () => {
      if (
        !/\/return\/[A-Za-z0-9_-]+(\?|$)/.test(this.page.url()) &&
        (await this.returnToMerchant.isVisible())
      ) {
        await this.returnToMerchant.click();
      }
      await this.page.waitForURL(/\/return\/[A-Za-z0-9_-]+(\?|$)/);
      return this.returnPageSessionId();
    });
  }

  /** The session id in the return page's URL. */
  returnPageSessionId(): string {
    const match = /\/return\/([A-Za-z0-9_-]+)(?:\?|$)/.exec(this.page.url());
    if (!match) throw new Error(`not a return page: ${this.page.url()}`);
    return match[1];
  }
}
