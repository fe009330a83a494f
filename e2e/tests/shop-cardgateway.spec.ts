import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test as base, expect } from '../fixtures.js';
import { type OwnDemo, startOwnDemo } from '../own-demo.js';
import { BackOfficePage } from '../pages/back-office-page.js';
import { CardGatewayAcs } from '../pages/cardgateway-acs.js';
import { CardGatewayCardPage, type TypedCard } from '../pages/cardgateway-card-page.js';
import { PRODUCTS } from '../pages/shop-page.js';

/**
 * The card REST gateway from the shop, pinned with `/checkout/pay/<order>?provider=cardgateway`: every
 * test card of the sandbox stage, the 3-D Secure challenge passed and failed at the stage's ACS, the
 * back office's capture, refund and void, and, after a full journey, no card data anywhere the demo
 * keeps or says anything. This spec starts a demo of its own (CARDGATEWAY_DEMO_PORT, default 3700, and
 * the next port for its sandbox) with a merchant key it knows and its logs and data directory in
 * reach. The demo's card gateway authorizes (`PA`), so a paid card reads "Payment authorized".
 */
const MERCHANT_KEY = 'e2e-cardgateway-merchant-key-5c1d';
const DEMO_PORT = Number(process.env.CARDGATEWAY_DEMO_PORT ?? 3700);
const DEMO = `http://localhost:${DEMO_PORT}`;
const SANDBOX = `http://127.0.0.1:${DEMO_PORT + 1}`;

const test = base.extend<object, { cardGatewayDemo: OwnDemo }>({
  cardGatewayDemo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const demo = await startOwnDemo({
        name: 'card gateway',
        port: DEMO_PORT,
        env: {
          MERCHANT_KEY,
          CARDGATEWAY_BASE_URL: '',
          // The most the kit ever logs: the at-rest test reads all of it.
          LOG_LEVEL: 'debug',
        },
        captureOutput: true,
      });
      try {
        await use(demo);
      } finally {
        await demo.stop();
      }
    },
    { scope: 'worker', timeout: 180_000, auto: true },
  ],
});
test.use({ baseURL: DEMO });

/** The shop's checkout pinned to the card gateway: card, Pay, and the kit's card page opens. */
async function payPinned(page: Page, orderId: string, card: TypedCard): Promise<CardGatewayCardPage> {
  const cardPage = new CardGatewayCardPage(page);
  await test.step('the checkout pinned to the card gateway: card, Pay', async () => {
    await page.goto(`/checkout/pay/${orderId}?provider=cardgateway`);
    const element = page.locator('pay-checkout');
    await element.getByRole('radio', { name: 'Card' }).check();
    await element.getByRole('button', { name: /\d[.,]\d\d/ }).click();
    await cardPage.waitUntilOpen();
  });
  await test.step(`the kit's card page: ${card.number}`, () => cardPage.pay(card));
  return cardPage;
}

async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

const ROWS: { card: string; title: string; challenge?: 'pass' | 'fail'; heading: string; reason?: RegExp }[] =
  [
    { card: '4111 1111 1111 1111', title: 'success without 3-D Secure', heading: 'Payment authorized' },
    {
      card: '4000 0000 0000 3220',
      title: '3-D Secure challenge passed',
      challenge: 'pass',
      heading: 'Payment authorized',
    },
    {
      card: '4000 0000 0000 3220',
      title: '3-D Secure challenge failed',
      challenge: 'fail',
      heading: 'Payment failed',
      reason: /authentication at your bank failed/,
    },
    {
      card: '4000 0000 0000 9995',
      title: 'declined, insufficient funds',
      heading: 'Payment failed',
      reason: /insufficient funds/,
    },
    {
      card: '4000 0000 0000 0069',
      title: 'declined, expired card',
      heading: 'Payment failed',
      reason: /declined/,
    },
  ];

test.describe('Card gateway from the shop', () => {
  for (const row of ROWS) {
    test(`${row.card}: ${row.title}`, async ({ page, shop, returnPage, backOffice }) => {
      const orderId = await shop.buy(PRODUCTS.tee);
      await payPinned(page, orderId, { number: row.card });
      if (row.challenge) {
        await test.step(`the issuer's challenge: ${row.challenge}`, async () => {
          const acs = new CardGatewayAcs(page);
          await acs.waitUntilOpen();
          await (row.challenge === 'pass' ? acs.passButton : acs.failButton).click();
        });
      }
      await test.step(`back at the shop: ${row.heading}`, async () => {
        await returnPage.waitUntilOpen();
        await returnPage.expectHeading(row.heading);
        if (row.reason) await expect(page.getByText(row.reason)).toBeVisible();
        const session = await backOffice.session(returnPage.sessionId());
        expect(session).toMatchObject({ provider: 'cardgateway', method: 'card' });
      });
    });
  }

  test('the card page is accessible and checks the card as the shopper types', async ({ page, shop }) => {
    const orderId = await shop.buy(PRODUCTS.tee);
    const cardPage = await payPinned(page, orderId, { number: '4111 1111 1111 1112', cvc: '12' });
    await test.step('a wrong number stops the post: the field takes the focus and says why', async () => {
      await expect(page).toHaveURL(/\/checkout\/card\/[A-Za-z0-9_-]+$/);
      await expect(cardPage.number).toBeFocused();
      await expect(cardPage.number).toHaveAttribute('aria-invalid', 'true');
      await expect(cardPage.number).toHaveAccessibleDescription(/Enter a valid card number/);
      await expect(cardPage.cvc).toHaveAccessibleDescription(/Enter the 3 or 4 digit security code/);
      await expectAxeClean(page);
    });
    await test.step('typing groups the number and names the brand', async () => {
      await cardPage.number.fill('5555555555554444');
      await expect(cardPage.number).toHaveValue('5555 5555 5555 4444');
      await expect(cardPage.brand).toHaveText('Mastercard');
    });
  });

  test('auth → partial capture → refund from the back office', async ({ page, shop, returnPage }) => {
    const orderId = await shop.buy(PRODUCTS.tee);
    await payPinned(page, orderId, { number: '4111 1111 1111 1111' });
    await returnPage.waitUntilOpen();
    await returnPage.expectHeading('Payment authorized');
    const sessionId = returnPage.sessionId();
    const backOffice = new BackOfficePage(page);
    await page.goto('/back-office');
    await backOffice.signIn(MERCHANT_KEY);
    await backOffice.expectSignedIn();
    const payment = backOffice.payment(sessionId, backOffice.order(orderId));
    await test.step('capture €10.00 of €19.99', async () => {
      await expect(backOffice.fact(payment, 'Provider')).toHaveText('the card gateway');
      await expect(backOffice.fact(payment, 'Authorized')).toHaveText('€19.99');
      await payment.getByLabel('Amount to capture (EUR)').fill('10.00');
      await backOffice.operation(payment, 'Capture').click();
      await expect(page.getByText(`Captured €10.00 of payment ${sessionId}.`)).toBeVisible();
      await expect(backOffice.fact(payment, 'Status')).toHaveText('succeeded');
      await expect(backOffice.fact(payment, 'Captured')).toHaveText('€10.00');
    });
    await test.step('refund €4.00; the gateway refunds once', async () => {
      await payment.getByLabel('Amount to refund (EUR)').fill('4.00');
      await backOffice.operation(payment, 'Refund').click();
      await expect(page.getByText(`Refunded €4.00 of payment ${sessionId}.`)).toBeVisible();
      await expect(backOffice.fact(payment, 'Refunded')).toHaveText('€4.00');
      await backOffice.operation(payment, 'Refund').click();
      await expect(
        page.getByText(/The provider declined the refund of €6\.00.*already refunded/),
      ).toBeVisible();
    });
  });

  test('auth → reverse (void) from the back office', async ({ page, shop, returnPage }) => {
    const orderId = await shop.buy(PRODUCTS.tee);
    await payPinned(page, orderId, { number: '4111 1111 1111 1111' });
    await returnPage.waitUntilOpen();
    await returnPage.expectHeading('Payment authorized');
    const sessionId = returnPage.sessionId();
    const backOffice = new BackOfficePage(page);
    await page.goto('/back-office');
    await backOffice.signIn(MERCHANT_KEY);
    const payment = backOffice.payment(sessionId, backOffice.order(orderId));
    await backOffice.operation(payment, 'Void').click();
    await expect(page.getByText(`Voided €19.99 of payment ${sessionId}.`)).toBeVisible();
    await expect(backOffice.fact(payment, 'Status')).toHaveText('cancelled');
    const response = await page.request.get(`${SANDBOX}/cardgateway/admin/payments`);
    const { payments } = (await response.json()) as {
      payments: { merchantTransactionId: string; status: string }[];
    };
    expect(
      payments.find((p) => p.merchantTransactionId.endsWith(sessionId.replace(/^cs_/, '')))?.status,
    ).toBe('cancelled');
  });

  test('no card data at rest: not in the logs, the store or any answer, after a full journey', async ({
    page,
    shop,
    returnPage,
    cardGatewayDemo,
  }) => {
    const PAN = '4000000000003220';
    const DECLINED = '4000000000009995';
    const CVC = '731';
    const answers: string[] = [];
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (/json|html/.test(type)) answers.push(await response.text().catch(() => ''));
    });
    await test.step('a declined card first, then the 3-D Secure card, seen in the back office', async () => {
      await payPinned(page, await shop.buy(PRODUCTS.tee), { number: DECLINED, cvc: CVC });
      await returnPage.waitUntilOpen();
      await returnPage.expectHeading('Payment failed');
      const orderId = await shop.buy(PRODUCTS.tee);
      await payPinned(page, orderId, { number: PAN.replace(/(\d{4})(?=\d)/g, '$1 '), cvc: CVC });
      const acs = new CardGatewayAcs(page);
      await acs.waitUntilOpen();
      await acs.passButton.click();
      await returnPage.waitUntilOpen();
      await returnPage.expectHeading('Payment authorized');
      const sessionId = returnPage.sessionId();
      const backOffice = new BackOfficePage(page);
      await page.goto('/back-office');
      await backOffice.signIn(MERCHANT_KEY);
      await expect(backOffice.payment(sessionId, backOffice.order(orderId))).toBeVisible();
    });
    await test.step('the PANs and the CVC are nowhere', async () => {
      const sandboxBook = await (await page.request.get(`${SANDBOX}/cardgateway/admin/payments`)).text();
      const places: Record<string, string> = {
        'demo logs': cardGatewayDemo.logs(),
        'answers to the browser': answers.join('\n'),
        'store files': await filesUnder(cardGatewayDemo.dataDir),
        "the gateway's book": sandboxBook,
      };
      expect(cardGatewayDemo.logs().length).toBeGreaterThan(1000);
      expect(sandboxBook).toContain('"last4":"3220"');
      for (const [where, text] of Object.entries(places)) {
        for (const pan of [PAN, DECLINED]) {
          for (const shape of [pan, pan.replace(/(\d{4})(?=\d)/g, '$1 ')]) {
            expect(text.includes(shape), `a card number in the ${where}`).toBe(false);
          }
        }
        // A CVC is three digits, which random nonces, ids and catalog files contain by chance: it is
        // looked for as a value (a field, a JSON string, a form or query parameter) or by its name.
        // In the store's binary files only by its name: their bytes hold every kind of punctuation. A bare
        // JSON number is not a CVC (the card page posts strings), and logs carry `"pid":731` by chance.
        const cvc =
          where === 'store files'
            ? new RegExp(`cv[cv]\\W{0,12}${CVC}`, 'i')
            : new RegExp(`(?:cv[cv]\\W{0,12}|["'=]\\s*)${CVC}(?!\\w)`, 'i');
        expect(text, `the CVC in the ${where}`).not.toMatch(cvc);
      }
    });
  });
});

/** Every file of the demo's PGlite data directory, as latin1 text (short strings are stored as is). */
async function filesUnder(dir: string): Promise<string> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push((await readFile(join(entry.parentPath, entry.name))).toString('latin1'));
  }
  return out.join('\n');
}
