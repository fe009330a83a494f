import { expect, type Locator, type Page } from '@playwright/test';
import type { ReturnTexts } from './texts.js';

/** server-kit's hosted return page (`/checkout/return/:sessionId`): the live payment status. */
export class ReturnPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly status: Locator;
  readonly returnToMerchant: Locator;
  readonly texts: ReturnTexts;

  constructor(page: Page, texts: ReturnTexts) {
    this.page = page;
    this.texts = texts;
    this.heading = page.getByRole('heading', { level: 1 });
    this.status = page.getByRole('status');
    this.returnToMerchant = page.getByRole('link', { name: texts.returnToMerchant });
  }

  async waitUntilOpen(): Promise<void> {
    await this.page.waitForURL(/\/checkout\/return\/[A-Za-z0-9_-]+/);
  }

  /** The session id is the last path segment: the page itself never trusts query parameters. */
  sessionId(): string {
    const match = /\/checkout\/return\/([A-Za-z0-9_-]+)/.exec(this.page.url());
    if (!match) throw new Error(`not a return page: ${this.page.url()}`);
    return match[1];
  }

  async expectHeading(text: string): Promise<void> {
    await expect(this.heading).toHaveText(text);
  }
}
