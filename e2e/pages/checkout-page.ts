import type { Locator, Page } from '@playwright/test';
import type { TestBank } from './test-banks.js';
import type { ElementTexts } from './texts.js';

export type Method = 'pis' | 'card' | 'googlepay' | 'applepay';

/** What the shopper picks in `<pay-checkout>` before pressing Pay. */
export interface PaymentChoice {
  method: Method;
  /** Billing country (ISO code); the shop's default when left out. */
  country?: string;
  /** Bank payments: the bank, found with the bank search. */
  bank?: TestBank;
  /** A provider instance to pin (the element's `provider` attribute), e.g. `connectpay`. */
  provider?: string;
}

/** The shop's checkout page with `<pay-checkout>` (Playwright's locators pierce its shadow root). */
export class CheckoutPage {
  readonly page: Page;
  readonly element: Locator;
  readonly billingCountry: Locator;
  readonly methodGroup: Locator;
  readonly bankSearch: Locator;
  /** The Pay button: its name carries the amount, in every language. */
  readonly payButton: Locator;
  readonly texts: ElementTexts;

  constructor(page: Page, texts: ElementTexts) {
    this.page = page;
    this.texts = texts;
    this.element = page.locator('pay-checkout');
    this.billingCountry = page.getByLabel('Billing country');
    this.methodGroup = this.element.getByRole('group', { name: texts.methodGroup });
    // exact: the bank-country picker beside it is a combobox too ("Country of your bank")
    this.bankSearch = this.element.getByRole('combobox', { name: texts.bank, exact: true });
    this.payButton = this.element.getByRole('button', { name: /\d[.,]\d\d/ });
  }

  method(method: Method): Locator {
    return this.element.getByRole('radio', { name: this.texts.methods[method] });
  }

  /** A bank in the list the bank search shows. */
  bankOption(bank: string | RegExp): Locator {
    return this.element.getByRole('option', { name: bank });
  }

  /**
   * Pins a provider instance as a merchant does with the element's `provider` attribute: cards go to
   * pay.tech first in the demo (demo/src/payments.ts), so the ConnectPay card journeys pin ConnectPay.
   */
  async pinProvider(provider: string): Promise<void> {
    await this.element.evaluate((element, id) => element.setAttribute('provider', id), provider);
  }

  async chooseMethod(method: Method): Promise<void> {
    await this.method(method).check();
  }

  /** Types into the bank search and picks the bank from the list it shows. */
  async chooseBank(query: string, bank: string | RegExp): Promise<void> {
    await this.bankSearch.fill(query);
    await this.bankOption(bank).click();
  }

  /** Billing country, method and bank, as far as the choice names them; does not press Pay. */
  async choose(choice: PaymentChoice): Promise<void> {
    if (choice.provider) await this.pinProvider(choice.provider);
    if (choice.country) await this.billingCountry.selectOption(choice.country);
    await this.chooseMethod(choice.method);
    if (choice.bank) await this.chooseBank(choice.bank.search, choice.bank.name);
  }

  async pay(): Promise<void> {
    await this.payButton.click();
  }
}
