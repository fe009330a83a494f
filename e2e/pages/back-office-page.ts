import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The shop's back office (`/back-office`): the sign-in with the merchant key, the orders with their
 * payments, and the Capture / Void / Refund forms. (Not `BackOffice` in `back-office.ts`: that one is
 * the journeys' API helper behind the browser.)
 */
export class BackOfficePage {
  readonly page: Page;
  readonly footerLink: Locator;
  readonly heading: Locator;
  readonly keyField: Locator;
  readonly signInButton: Locator;
  readonly signOutButton: Locator;
  /** The sign-in error, tied to the key field. */
  readonly keyError: Locator;

  constructor(page: Page) {
    this.page = page;
    this.footerLink = page.getByRole('contentinfo').getByRole('link', { name: 'Back office' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.keyField = page.getByLabel('Merchant key');
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.keyError = page.getByRole('alert');
  }

  async signIn(merchantKey: string): Promise<void> {
    await this.keyField.fill(merchantKey);
    await this.signInButton.click();
  }

  async expectSignedIn(): Promise<void> {
    await expect(this.page).toHaveURL(/\/back-office$/);
    await expect(this.signOutButton).toBeVisible();
  }

  /** An order's card (a region named by its heading, `Order <id>`). */
  order(orderId: string): Locator {
    return this.page.getByRole('region', { name: `Order ${orderId}` });
  }

  /** A payment session's article (named by its heading, e.g. `Card payment <id>`), within an order. */
  payment(sessionId: string, within: Locator | Page = this.page): Locator {
    return within.getByRole('article', { name: new RegExp(`${sessionId}$`) });
  }

  /** One fact of a payment (Status, Provider, Amount, Authorized, Captured, Refunded). */
  fact(payment: Locator, term: string): Locator {
    return payment.locator('dl > div', { has: this.page.locator('dt', { hasText: term }) }).locator('dd');
  }

  /** An operation button of a payment (their names end in the payment's id for screen readers). */
  operation(payment: Locator, kind: 'Capture' | 'Void' | 'Refund'): Locator {
    return payment.getByRole('button', { name: new RegExp(`^${kind} payment `) });
  }
}
