import { expect, type Locator, type Page } from '@playwright/test';

/** The card gateway stage's test ACS: the issuer's 3-D Secure challenge, to pass or to fail. */
export class CardGatewayAcs {
  readonly page: Page;
  readonly heading: Locator;
  readonly passButton: Locator;
  readonly failButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.passButton = page.getByRole('button', { name: 'Complete authentication' });
    this.failButton = page.getByRole('button', { name: 'Fail authentication' });
  }

  /** The kit's continue page posted the gateway's form here (by script, at once). */
  async waitUntilOpen(): Promise<void> {
    await this.page.waitForURL(/\/cardgateway\/acs\/\d+$/);
    await expect(this.heading).toHaveText('Verify it’s you');
  }
}
