import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
// The catalogs themselves: a new English word that a locale forgets fails here, as a shopper would see it.
import { SOURCE_MESSAGES } from '../../packages/checkout-element/src/messages.js';
import { en as PAGE_EN } from '../../packages/server-kit/src/pages/i18n/en.js';
import { expect, test } from '../fixtures.js';
import type { CheckoutPage } from '../pages/checkout-page.js';
import { SandboxWidget } from '../pages/sandbox-widget.js';
import { PRODUCTS } from '../pages/shop-page.js';
import { BANKS } from '../pages/test-banks.js';
import { TEXTS } from '../pages/texts.js';

// Issue 17: the whole journey in the shopper's language, every word of ours in it (the provider's
// widget speaks what ConnectPay speaks: de yes, Arabic falls back to English there).

async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** Every string of a catalog (nested tables flattened). */
function strings(catalog: unknown): string[] {
  if (typeof catalog === 'string') return [catalog];
  if (catalog && typeof catalog === 'object') return Object.values(catalog).flatMap(strings);
  return [];
}

/**
 * The English words a shopper could notice: each catalog string split at its placeholders and plural
 * syntax, keeping pieces with a word of four letters or more.
 */
function englishPieces(catalog: unknown): string[] {
  const pieces = strings(catalog).flatMap((text) =>
    text
      .replace(/\{\w+, plural,|\b(zero|one|two|few|many|other) \{/g, '{')
      .split(/[{}#]|\{\w+\}/)
      .map((piece) => piece.trim()),
  );
  return [...new Set(pieces.filter((piece) => /\p{L}{4}/u.test(piece)))];
}

/** Fails when an English piece shows up in `text`, unless the language uses the same word (de "Bank"). */
function expectNoEnglish(text: string, pieces: string[], sameInLanguage: string): void {
  const leaked = pieces.filter((piece) => text.includes(piece) && !sameInLanguage.includes(piece));
  expect(leaked, `English left in:\n${text}`).toEqual([]);
}

/** What the element shows and announces (its shadow DOM's rendered text, select options included). */
async function elementText(checkout: CheckoutPage): Promise<string> {
  return checkout.element.evaluate((host) => {
    const base = host.shadowRoot?.querySelector<HTMLElement>('[part=base]');
    const options = Array.from(host.shadowRoot?.querySelectorAll('option') ?? [], (o) => o.text);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the shopper sees
    return [base?.innerText ?? '', ...options].join('\n');
  });
}

const ELEMENT_EN = englishPieces(SOURCE_MESSAGES);
const PAGE_WORDS_EN = englishPieces(PAGE_EN);

async function catalogsOf(language: 'de' | 'ar'): Promise<string> {
  const element = await import(`../../packages/checkout-element/src/locales/${language}.js`);
  const pages = await import(`../../packages/server-kit/src/pages/i18n/${language}.js`);
  return [...strings(element.templates), ...strings(pages[language])].join('\n');
}

test.describe('The whole journey in German, no English word of ours', () => {
  test.use({ journeyLanguage: 'de' });

  test('bank payment: element, bank and return page in German', async ({
    page,
    journey,
    shop,
    checkout,
    widget,
    returnPage,
  }) => {
    const german = await catalogsOf('de');
    await test.step('the element: every word German, the count with German plural rules', async () => {
      await shop.buy(PRODUCTS.tee);
      await checkout.choose({ method: 'pis' });
      await expect(checkout.method('pis')).toBeChecked();
      await checkout.bankSearch.fill('bank');
      await expect(checkout.element.getByText(/^\d+ Banken? gefunden\.$/)).toBeAttached();
      await checkout.bankSearch.fill('zzz');
      await expect(checkout.element.locator('[part=no-match]')).toHaveText(
        'Keine Bank passt zu „zzz“. Prüfen Sie das Land Ihrer Bank.',
      );
      expectNoEnglish(await elementText(checkout), ELEMENT_EN, german);
      await expectAxeClean(page);
      await checkout.chooseBank(BANKS.fake.search, BANKS.fake.name);
      expectNoEnglish(await elementText(checkout), ELEMENT_EN, german);
      await journey.pay();
    });
    await test.step('the bank speaks German', async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await widget.logInAndConfirm('username', 'secret');
    });
    await journey.returnToShop('succeeded');
    await test.step('the return page: every word German', async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the shopper sees
      expectNoEnglish(await page.locator('main').innerText(), PAGE_WORDS_EN, german);
      await expect(returnPage.returnToMerchant).toBeVisible();
      await expectAxeClean(page);
    });
    await journey.expectServerAgrees('succeeded');
  });
});

test.describe('The whole journey in Arabic, no English word of ours', () => {
  test.use({ journeyLanguage: 'ar' });

  test('card: element and return page in Arabic, right to left', async ({
    page,
    journey,
    shop,
    checkout,
    widget,
  }) => {
    const arabic = await catalogsOf('ar');
    await test.step('the element: every word Arabic', async () => {
      await shop.buy(PRODUCTS.tee);
      await expect(checkout.methodGroup).toBeVisible();
      await checkout.chooseMethod('pis');
      // a search with no match: the visible line is Arabic too (the list of bank names, data, stays shut)
      await checkout.bankSearch.fill('zzz');
      await expect(checkout.element.locator('[part=no-match]')).toContainText('zzz');
      expectNoEnglish(await elementText(checkout), ELEMENT_EN, arabic);
      await checkout.chooseMethod('card');
      expectNoEnglish(await elementText(checkout), ELEMENT_EN, arabic);
      await expectAxeClean(page);
      await checkout.pinProvider('connectpay'); // the demo's cards go to pay.tech first; this row is ConnectPay's
      await journey.pay();
    });
    await test.step('pay at the card page (English: ConnectPay has no Arabic)', async () => {
      await widget.payByCardWithChallenge({ number: '4242424242424242' });
    });
    await journey.returnToShop('succeeded');
    await test.step('the return page: every word Arabic, right to left', async () => {
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the shopper sees
      expectNoEnglish(await page.locator('main').innerText(), PAGE_WORDS_EN, arabic);
      await expectAxeClean(page);
    });
  });
});

test.describe('One language across the journey', () => {
  test('Deutsch chosen in the element of an English browser carries to the return page; its picker switches in place', async ({
    page,
    journey,
    shop,
    checkout,
  }) => {
    await test.step('an English browser chooses Deutsch in the element', async () => {
      await shop.buy(PRODUCTS.tee);
      await checkout.element.getByLabel('Language').selectOption('de');
      await expect(checkout.element.getByRole('group', { name: 'Zahlungsart' })).toBeVisible();
      await checkout.element.getByRole('radio', { name: 'Banküberweisung' }).check();
      await checkout.element.getByRole('combobox', { name: 'Bank', exact: true }).fill(BANKS.fake.search);
      await checkout.bankOption(BANKS.fake.name).click();
      await checkout.pay();
      await journey.arriveAtWidget();
    });
    await test.step('the bank and our return page speak German, not the browser language', async () => {
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      const germanWidget = new SandboxWidget(page, TEXTS.de.widget);
      await germanWidget.logInAndConfirm('username', 'secret');
      await germanWidget.returnToMerchant.click();
      await page.waitForURL(/\/checkout\/return\//);
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zahlung erfolgreich');
    });
    await test.step("the return page's own picker switches it to English in place", async () => {
      const url = page.url();
      await page.getByLabel('Sprache').selectOption('en');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment successful');
      expect(page.url().split('?')[0]).toBe(url.split('?')[0]);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expectAxeClean(page);
    });
  });
});
