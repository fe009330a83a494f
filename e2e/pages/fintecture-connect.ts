import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The sandbox's Fintecture Connect page (`{sandbox}/fintecture/connect/{session_id}`): the bank list by
 * country and account type, the bank login, the SCA code, and the outcome with "Return to merchant".
 * docs/test-data.md (the stage's README): logins paid / refused / nofunds / pending, password sandbox, code 123456.
 */
export class FintectureConnect {
  readonly page: Page;
  readonly heading: Locator;
  readonly country: Locator;
  readonly accountType: Locator;
  readonly bankSearch: Locator;
  readonly searchButton: Locator;
  readonly cancelButton: Locator;
  readonly returnToMerchant: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.country = page.getByLabel('Country');
    this.accountType = page.getByLabel('Account type');
    this.bankSearch = page.getByRole('searchbox', { name: 'Bank name' });
    this.searchButton = page.getByRole('button', { name: 'Search' });
    this.cancelButton = page.getByRole('button', { name: 'Cancel payment' });
    this.returnToMerchant = page.getByRole('link', { name: 'Return to merchant' });
    this.error = page.getByRole('alert');
  }

  async waitUntilOpen(): Promise<void> {
    await this.page.waitForURL(/\/fintecture\/connect\/[0-9a-f]{32}/);
  }

  /** Fintecture's session id: the Connect page's last path segment. */
  sessionId(): string {
    const match = /\/fintecture\/connect\/([0-9a-f]{32})/.exec(this.page.url());
    if (!match) throw new Error(`not a Connect page: ${this.page.url()}`);
    return match[1];
  }

  bank(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  async logIn(username: string, password = 'sandbox'): Promise<void> {
    await this.page.getByLabel('User ID').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  async confirmCode(code = '123456'): Promise<void> {
    await this.page.getByLabel('Confirmation code').fill(code);
    await this.page.getByRole('button', { name: 'Confirm' }).click();
  }

  /** Login and SCA with a test login; ends on the outcome page. */
  async authorize(username: string): Promise<void> {
    await expect(this.heading).toHaveText(/^Log in to /);
    await this.logIn(username);
    await this.confirmCode();
    await expect(this.returnToMerchant).toBeVisible();
  }

  /** WCAG 2.2 AA by axe, as the shop's own pages are checked. */
  async expectAccessible(): Promise<void> {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  }
}

/** The Fintecture stage's admin API: sessions, their webhook deliveries, per-session knobs. */
export class FintectureAdmin {
  constructor(
    private readonly request: import('@playwright/test').APIRequestContext,
    readonly sandboxUrl: string,
  ) {}

  async session(
    sessionId: string,
  ): Promise<{ status: string; statusReason?: string; state: string; provider?: string }> {
    const response = await this.request.get(`${this.sandboxUrl}/fintecture/admin/payments/${sessionId}`);
    expect(response.status()).toBe(200);
    return response.json();
  }

  async deliveries(sessionId: string): Promise<{ status: string; delivered: boolean; at: string }[]> {
    const response = await this.request.get(
      `${this.sandboxUrl}/fintecture/admin/notifications?paymentId=${sessionId}`,
    );
    expect(response.status()).toBe(200);
    return (
      (await response.json()) as { notifications: { status: string; delivered: boolean; at: string }[] }
    ).notifications;
  }

  async setKnobs(sessionId: string, knobs: Record<string, unknown>): Promise<void> {
    const response = await this.request.put(
      `${this.sandboxUrl}/fintecture/admin/payments/${sessionId}/knobs`,
      { data: knobs },
    );
    expect(response.status()).toBe(200);
  }
}
