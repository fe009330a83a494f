import { expect, type Page } from '@playwright/test';

/**
 * The sandbox's provider pages, in English, by their accessible names (the sandbox's own pages:
 * packages/sandbox/src/providers/<kind>/). Each function starts on the provider's page and ends when
 * the shopper is done there (an outcome page with "Return to merchant", or back at the kit).
 */

/** A card form: the same four labels on ConnectPay's widget and pay.tech's payment page. */
async function fillProviderCard(page: Page, number: string): Promise<void> {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry date').fill(futureExpiry());
  await page.getByLabel('Security code (CVC)').fill('123');
  await page.getByLabel('Name on card').fill('Erika Mustermann');
}

/** December two years from now, as `MM/YY`: always in the future, as every test card wants. */
export function futureExpiry(): string {
  return `12/${String(new Date().getUTCFullYear() + 2).slice(2)}`;
}

/** Answers a 3-D Secure challenge page ("Complete authentication" / "Fail authentication"). */
export async function answerChallenge(page: Page, pass: boolean): Promise<void> {
  await page.getByRole('button', { name: pass ? 'Complete authentication' : 'Fail authentication' }).click();
}

/** ConnectPay's widget (`{sandbox}/connectpay/widget?key=…`). */
export const connectPayWidget = {
  async waitUntilOpen(page: Page): Promise<string> {
    await page.waitForURL(/\/connectpay\/widget\?/);
    const key = new URL(page.url()).searchParams.get('key');
    if (!key) throw new Error(`not a ConnectPay widget URL: ${page.url()}`);
    return key;
  },
  async bankLogin(page: Page, login: { username: string; password: string }, code: string): Promise<void> {
    await page.getByLabel('User ID').fill(login.username);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel('Confirmation code').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
  },
  async card(
    page: Page,
    number: string,
    threeDs: 'none' | 'frictionless' | 'challenge-pass' | 'challenge-fail',
  ) {
    await fillProviderCard(page, number);
    await page.getByRole('button', { name: /^Pay / }).click();
    if (threeDs === 'challenge-pass' || threeDs === 'challenge-fail') {
      await answerChallenge(page, threeDs === 'challenge-pass');
    }
  },
  async wallet(page: Page, name: 'Google Pay' | 'Apple Pay'): Promise<void> {
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
  },
  async cancel(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Cancel payment' }).click();
  },
};

/** Fintecture's Connect (`{sandbox}/fintecture/connect/{id}`), the bank pre-selected by the element. */
export const fintectureConnect = {
  async waitUntilOpen(page: Page): Promise<string> {
    await page.waitForURL(/\/fintecture\/connect\/[0-9a-f]{32}/);
    return /\/fintecture\/connect\/([0-9a-f]{32})/.exec(page.url())?.[1] ?? '';
  },
  /**
   * Connect opens at the bank's login when the element sent the bank (`x-provider`); otherwise at its
   * own bank list, where the shopper searches for the bank first.
   */
  async bankLogin(
    page: Page,
    bank: { search: string; name: string },
    login: { username: string; password: string },
    code: string,
  ): Promise<void> {
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/^(Log in to |Choose your bank)/);
    if ((await heading.textContent())?.startsWith('Choose your bank')) {
      await page.getByRole('searchbox', { name: 'Bank name' }).fill(bank.search);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('button', { name: bank.name }).click();
      await expect(heading).toHaveText(/^Log in to /);
    }
    await page.getByLabel('User ID').fill(login.username);
    await page.getByLabel('Password').fill(login.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel('Confirmation code').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
  },
};

/** pay.tech's hosted payment page (`{sandbox}/paytech/payment/{id}`). */
export const paytechPaymentPage = {
  async waitUntilOpen(page: Page): Promise<string> {
    await page.waitForURL(/\/paytech\/payment\/[0-9a-f]{32}/);
    return /\/paytech\/payment\/([0-9a-f]{32})/.exec(page.url())?.[1] ?? '';
  },
  async card(
    page: Page,
    number: string,
    threeDs: 'none' | 'frictionless' | 'challenge-pass' | 'challenge-fail',
  ) {
    await fillProviderCard(page, number);
    await page.getByRole('button', { name: /^Pay / }).click();
    if (threeDs === 'challenge-pass' || threeDs === 'challenge-fail') {
      await answerChallenge(page, threeDs === 'challenge-pass');
    }
  },
};

/**
 * A card gateway without a hosted page: the card goes into server-kit's own card page
 * (`{kit}/card/{session}`), then, for a challenge card, the gateway's test ACS; the kit then shows
 * its return page by itself.
 */
export const kitCardPage = {
  async waitUntilOpen(page: Page): Promise<string> {
    await page.waitForURL(/\/card\/[A-Za-z0-9_-]+$/);
    return /\/card\/([A-Za-z0-9_-]+)$/.exec(page.url())?.[1] ?? '';
  },
  async card(
    page: Page,
    number: string,
    threeDs: 'none' | 'frictionless' | 'challenge-pass' | 'challenge-fail',
  ) {
    await page.getByLabel('Card number').fill(number);
    await page.getByLabel('Expiry date').fill(futureExpiry());
    await page.getByLabel('Security code').fill('123');
    await page.getByLabel('Name on the card').fill('Anna Test');
    await page.getByRole('button', { name: /^Pay .*\d[.,]\d\d/ }).click();
    if (threeDs === 'challenge-pass' || threeDs === 'challenge-fail') {
      await page.waitForURL(/\/cardgateway\/acs\/\d+$/);
      await answerChallenge(page, threeDs === 'challenge-pass');
    }
  },
};
