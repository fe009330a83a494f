import { expect, type Locator, type Page } from '@playwright/test';

/** The demo shop (Lumen Studio): products, cart, wallet top-up. Products by their shop names. */
export const PRODUCTS = {
  tee: 'Lumen organic tee',
  review: 'Portfolio review session',
} as const;

export class ShopPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly checkoutButton: Locator;
  readonly topUpLink: Locator;
  readonly walletAccount: Locator;
  readonly continueToPayment: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.topUpLink = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Wallet top-up' });
    this.checkoutButton = page.getByRole('button', { name: 'Checkout' });
    this.walletAccount = page.getByLabel('Wallet account');
    this.continueToPayment = page.getByRole('button', { name: 'Continue to payment' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toHaveText('Things we make');
  }

  async addToCart(product: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add ${product} to cart` }).click();
    await expect(this.page).toHaveURL(/\/cart$/);
  }

  /** Cart → Checkout; resolves with the order id the shop created (`POST /api/orders`). */
  async checkout(): Promise<string> {
    await this.checkoutButton.click();
    await this.page.waitForURL(/\/orders\/[^/]+\/pay$/);
    return orderIdOf(this.page.url());
  }

  /** From the shop front: put the products in the cart and check out. */
  async buy(...products: string[]): Promise<string> {
    await this.open();
    for (const product of products) {
      await this.page.goto('/');
      await this.addToCart(product);
    }
    return this.checkout();
  }

  /** Wallet top-up: choose the amount and the account, continue to the checkout. */
  async topUp(amount: string, account: RegExp): Promise<string> {
    await this.open();
    await this.topUpLink.click();
    await this.page.getByRole('radio', { name: amount }).check();
    const option = await this.walletAccount.getByRole('option', { name: account }).textContent();
    await this.walletAccount.selectOption({ label: option ?? '' });
    await this.continueToPayment.click();
    await this.page.waitForURL(/\/orders\/[^/]+\/pay$/);
    return orderIdOf(this.page.url());
  }
}

export function orderIdOf(url: string): string {
  const match = /\/orders\/([^/?#]+)/.exec(url);
  if (!match) throw new Error(`not an order URL: ${url}`);
  return decodeURIComponent(match[1]);
}
