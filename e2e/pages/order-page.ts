import { expect, type Locator, type Page } from '@playwright/test';

/** The payment states the shop's order page (`/orders/:id`) tells the shopper about. */
export type OrderState = 'awaiting' | 'paid' | 'failed' | 'cancelled';

const STATE_HEADINGS: Record<OrderState, string> = {
  awaiting: 'Awaiting payment',
  paid: 'Thank you! Payment received',
  failed: 'Payment failed',
  cancelled: 'Payment cancelled',
};

/** The demo shop's order page: where "Return to merchant" lands, with the payment status. */
export class OrderPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly payNow: Locator;
  /** Shown on a paid wallet top-up instead of the shipping note. */
  readonly topUpNote: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.payNow = page.getByRole('link', { name: 'Pay now' });
    this.topUpNote = page.getByText('The money is on its way to your Lumen wallet.');
  }

  stateHeading(state: OrderState): Locator {
    return this.page.getByRole('heading', { name: STATE_HEADINGS[state] });
  }

  /**
   * The order page is open and tells `state`. Its own h1 comes first: the return page shows the same
   * words ("Payment failed") before it navigates away.
   */
  async expectState(state: OrderState): Promise<void> {
    await expect(this.heading).toHaveText('Your order');
    await expect(this.stateHeading(state)).toBeVisible();
  }
}
