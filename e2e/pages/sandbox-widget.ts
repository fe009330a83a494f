import { expect, type Locator, type Page } from '@playwright/test';
import type { WidgetTexts } from './texts.js';

/** docs/test-data.md: the confirmation code every sandbox bank accepts. */
export const SANDBOX_CONFIRMATION_CODE = '123456';

export interface TestCard {
  number: string;
  expiry?: string;
  cvc?: string;
  name?: string;
}

/**
 * The ConnectPay widget as the sandbox plays it: bank login and code, card form, 3-D Secure
 * challenge, wallet sheets, cancel, and the final page with Return to merchant.
 */
export class SandboxWidget {
  readonly page: Page;
  readonly username: Locator;
  readonly password: Locator;
  readonly logInButton: Locator;
  readonly code: Locator;
  readonly confirmButton: Locator;
  readonly cardNumber: Locator;
  readonly expiry: Locator;
  readonly cvc: Locator;
  readonly cardholderName: Locator;
  readonly payByCardButton: Locator;
  readonly threeDsPass: Locator;
  readonly threeDsFail: Locator;
  readonly walletPay: Locator;
  readonly cancelButton: Locator;
  readonly error: Locator;
  readonly returnToMerchant: Locator;

  constructor(page: Page, texts: WidgetTexts) {
    this.page = page;
    this.username = page.getByLabel(texts.username);
    this.password = page.getByLabel(texts.password);
    this.logInButton = page.getByRole('button', { name: texts.logIn });
    this.code = page.getByLabel(texts.code);
    this.confirmButton = page.getByRole('button', { name: texts.confirm });
    this.cardNumber = page.getByLabel(texts.cardNumber);
    this.expiry = page.getByLabel(texts.expiry);
    this.cvc = page.getByLabel(texts.cvc);
    this.cardholderName = page.getByLabel(texts.cardholderName);
    this.payByCardButton = page.getByRole('button', { name: texts.payCard });
    this.threeDsPass = page.getByRole('button', { name: texts.threeDsPass });
    this.threeDsFail = page.getByRole('button', { name: texts.threeDsFail });
    this.walletPay = page.getByRole('button', { name: texts.walletPay, exact: true });
    this.cancelButton = page.getByRole('button', { name: texts.cancel });
    this.error = page.getByRole('alert');
    this.returnToMerchant = page.getByRole('link', { name: texts.returnToMerchant });
  }

  /** The widget key in the sandbox URL: identifies the payment in the sandbox's admin API. */
  key(): string {
    const key = new URL(this.page.url()).searchParams.get('key');
    if (!key) throw new Error(`not a widget URL: ${this.page.url()}`);
    return key;
  }

  async waitUntilOpen(): Promise<void> {
    await this.page.waitForURL(/\/connectpay\/widget\?/);
  }

  async logIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.logInButton.click();
  }

  async confirmCode(code: string): Promise<void> {
    await this.code.fill(code);
    await this.confirmButton.click();
  }

  /** The bank's happy path: log in, then confirm with the sandbox's code. */
  async logInAndConfirm(username: string, password: string): Promise<void> {
    await this.logIn(username, password);
    await this.confirmCode(SANDBOX_CONFIRMATION_CODE);
  }

  async payByCard(card: TestCard): Promise<void> {
    await this.cardNumber.fill(card.number);
    await this.expiry.fill(card.expiry ?? '12/34');
    await this.cvc.fill(card.cvc ?? '123');
    await this.cardholderName.fill(card.name ?? 'Erika Mustermann');
    await this.payByCardButton.click();
  }

  /** A card that asks for 3-D Secure: the challenge is shown, and the shopper passes it. */
  async payByCardWithChallenge(card: TestCard): Promise<void> {
    await this.payByCard(card);
    await expect(this.threeDsPass).toBeVisible();
    await this.threeDsPass.click();
  }

  async expectError(): Promise<void> {
    await expect(this.error).toBeVisible();
  }
}
