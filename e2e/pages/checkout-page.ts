import type { Locator, Page } from '@playwright/test';
import type { ElementTexts } from './texts.js';

export type Method = 'pis' | 'card' | 'googlepay' | 'applepay';

/** The shop's checkout page with `<pay-checkout>` (Playwright's locators pierce its shadow root). */
export class CheckoutPage {
  readonly page: Page;
  readonly element: Locator;
  readonly billingCountry: Locator;
  readonly bankSearch: Locator;
  /** The Pay button: its name carries the amount, in every language. */
  readonly payButton: Locator;
  readonly texts: ElementTexts;

  constructor(page: Page, texts: ElementTexts) {
    this.page = page;
    this.texts = texts;
    this.element = page.locator('pay-checkout');
    this.billingCountry = page.getByLabel('Billing country');
    this.bankSearch = this.element.getByRole('combobox', { name: texts.bank });
    this.payButton = this.element.getByRole('button', { name: /\d[.,]\d\d/ });
  }

  method(method: Method): Locator {
    return this.element.getByRole('radio', { name: this.texts.methods[method] });
  }

  async chooseMethod(method: Method): Promise<void> {
    await this.method(method).check();
  }

  /** Types into the bank search and picks the bank from the list it shows. */
  async chooseBank(query: string, bank: string | RegExp): Promise<void> {
    await this.bankSearch.fill(query);
    await this.element.getByRole('option', { name: bank }).click();
  }

  async pay(): Promise<void> {
    await this.payButton.click();
  }
}
