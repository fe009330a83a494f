import { expect, type Locator, type Page } from '@playwright/test';

/** docs/test-data.md, pay.tech: the four sandbox cards (any future expiry, any 3-digit CVC). */
export const PAYTECH_CARDS = {
  threeDsSuccess: '4000 0000 0000 0002',
  threeDsDeclined: '4242 4242 4242 4242',
  noThreeDsSuccess: '4000 0000 0000 0408',
  noThreeDsDeclined: '4000 0000 0000 0416',
} as const;

/**
 * pay.tech's hosted payment page as the sandbox plays it (`{sandbox}/paytech/payment/{id}`): the card
 * form, the 3-D Secure challenge for enrolled cards, the outcome with Return to merchant.
 */
export class PaytechPaymentPage {
  readonly page: Page;
  readonly cardNumber: Locator;
  readonly expiry: Locator;
  readonly cvc: Locator;
  readonly cardholderName: Locator;
  readonly payButton: Locator;
  readonly threeDsPass: Locator;
  readonly threeDsFail: Locator;
  readonly heading: Locator;
  readonly returnToMerchant: Locator;

  constructor(page: Page) {
    this.page = page;
    this.cardNumber = page.getByLabel('Card number');
    this.expiry = page.getByLabel('Expiry date');
    this.cvc = page.getByLabel('Security code (CVC)');
    this.cardholderName = page.getByLabel('Name on card');
    this.payButton = page.getByRole('button', { name: /^Pay / });
    this.threeDsPass = page.getByRole('button', { name: 'Complete authentication' });
    this.threeDsFail = page.getByRole('button', { name: 'Fail authentication' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.returnToMerchant = page.getByRole('link', { name: 'Return to merchant' });
  }

  async waitUntilOpen(): Promise<void> {
    await this.page.waitForURL(/\/paytech\/payment\/[0-9a-f]{32}/);
    await expect(this.page.getByText('pay.tech · sandbox')).toBeVisible();
  }

  /** pay.tech's payment id: the last segment of the page's URL. */
  paymentId(): string {
    const match = /\/paytech\/payment\/([0-9a-f]{32})/.exec(this.page.url());
    if (!match) throw new Error(`not a pay.tech payment page: ${this.page.url()}`);
    return match[1];
  }

  async payByCard(number: string): Promise<void> {
    await this.cardNumber.fill(number);
    await this.expiry.fill('12/39');
    await this.cvc.fill('123');
    await this.cardholderName.fill('Ada Lovelace');
    await this.payButton.click();
  }
}
