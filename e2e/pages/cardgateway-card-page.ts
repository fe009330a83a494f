import { expect, type Locator, type Page } from '@playwright/test';

/** A card as the shopper types it into the kit's card page. */
export interface TypedCard {
  number: string;
  /** `MM/YY`; default: December, two years ahead. */
  expiry?: string;
  cvc?: string;
  holder?: string;
}

/** December two years from now, as `MM/YY`: always in the future. */
export function futureExpiry(): string {
  return `12/${String(new Date().getUTCFullYear() + 2).slice(2)}`;
}

/**
 * server-kit's own card page (`/checkout/card/:sessionId`), where a card gateway's payment takes the
 * card: four labelled fields and the Pay button (its name carries the amount).
 */
export class CardGatewayCardPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly number: Locator;
  readonly expiry: Locator;
  readonly cvc: Locator;
  readonly holder: Locator;
  readonly payButton: Locator;
  readonly brand: Locator;
  /** The error summary of a refused post. */
  readonly summary: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.number = page.getByLabel('Card number');
    this.expiry = page.getByLabel('Expiry date');
    this.cvc = page.getByLabel('Security code');
    this.holder = page.getByLabel('Name on the card');
    this.payButton = page.getByRole('button', { name: /^Pay .*\d[.,]\d\d/ });
    this.brand = page.locator('#card-number-brand');
    this.summary = page.getByRole('alert');
  }

  async waitUntilOpen(): Promise<void> {
    await this.page.waitForURL(/\/checkout\/card\/[A-Za-z0-9_-]+$/);
    await expect(this.heading).toHaveText('Pay by card');
  }

  async fill(card: TypedCard): Promise<void> {
    await this.number.fill(card.number);
    await this.expiry.fill(card.expiry ?? futureExpiry());
    await this.cvc.fill(card.cvc ?? '123');
    await this.holder.fill(card.holder ?? 'Anna Test');
  }

  async pay(card: TypedCard): Promise<void> {
    await this.fill(card);
    await this.payButton.click();
  }
}
