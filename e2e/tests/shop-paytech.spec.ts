import type { Locator, Page } from '@playwright/test';
import { test as base, expect } from '../fixtures.js';
import { type OwnDemo, startOwnDemo } from '../own-demo.js';
import { BackOfficePage } from '../pages/back-office-page.js';
import type { CheckoutPage } from '../pages/checkout-page.js';
import { PAYTECH_CARDS, PaytechPaymentPage } from '../pages/paytech-page.js';
import { PaytechRecords } from '../pages/paytech-records.js';
import type { ReturnPage } from '../pages/return-page.js';
import { PRODUCTS, type ShopPage } from '../pages/shop-page.js';

/**
 * pay.tech from the shop, for every pay.tech row of docs/test-data.md, and its operations from the back
 * office. The merchant view needs the merchant key, so this spec starts a demo of its own with one it
 * knows, on PAYTECH_DEMO_PORT (default 3500) and the next port for its sandbox. Cards go to pay.tech
 * first (demo/src/payments.ts) and are pre-authorized there (`PAYTECH_CAPTURE=manual`).
 */
const MERCHANT_KEY = 'e2e-paytech-merchant-key-5d1b93';
const DEMO_PORT = Number(process.env.PAYTECH_DEMO_PORT ?? 3500);
const BUYOUT = 'Studio buy-out';

const test = base.extend<
  { paytech: PaytechPaymentPage; records: PaytechRecords; backOfficePage: BackOfficePage },
  { paytechDemo: OwnDemo }
>({
  paytechDemo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      // Cards go to pay.tech's sandbox test shop, pre-authorized, so the back office captures.
      const demo = await startOwnDemo({
        name: 'pay.tech',
        port: DEMO_PORT,
        env: { MERCHANT_KEY, PAYTECH_BASE_URL: '', PAYTECH_CAPTURE: 'manual' },
      });
      try {
        await use(demo);
      } finally {
        await demo.stop();
      }
    },
    { scope: 'worker', timeout: 150_000, auto: true },
  ],
  paytech: async ({ page }, use) => {
    await use(new PaytechPaymentPage(page));
  },
  records: async ({ request, paytechDemo }, use) => {
    await use(new PaytechRecords(request, paytechDemo.sandboxUrl, MERCHANT_KEY));
  },
  backOfficePage: async ({ page }, use) => {
    await use(new BackOfficePage(page));
  },
});
test.use({ baseURL: `http://localhost:${DEMO_PORT}` });

/** `GET /checkout/sessions/:id`, as the element and the return page read it. */
async function sessionOf(page: Page, sessionId: string) {
  const response = await page.request.get(`/checkout/sessions/${sessionId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { status: string; reason?: string; provider: string; method: string };
}

async function openBackOffice(
  backOffice: BackOfficePage,
  orderId: string,
  sessionId: string,
): Promise<Locator> {
  await backOffice.page.goto('/back-office');
  if (await backOffice.keyField.isVisible()) await backOffice.signIn(MERCHANT_KEY);
  await backOffice.expectSignedIn();
  const payment = backOffice.payment(sessionId, backOffice.order(orderId));
  await expect(backOffice.fact(payment, 'Provider')).toHaveText('pay.tech');
  return payment;
}

interface CardRow {
  card: string;
  title: string;
  challenge: boolean;
  status: 'authorized' | 'failed';
}

const CARD_ROWS: readonly CardRow[] = [
  {
    card: PAYTECH_CARDS.threeDsSuccess,
    title: '3-D Secure enrolled, authorized',
    challenge: true,
    status: 'authorized',
  },
  {
    card: PAYTECH_CARDS.threeDsDeclined,
    title: '3-D Secure enrolled, declined',
    challenge: true,
    status: 'failed',
  },
  {
    card: PAYTECH_CARDS.noThreeDsSuccess,
    title: 'no 3-D Secure, authorized',
    challenge: false,
    status: 'authorized',
  },
  {
    card: PAYTECH_CARDS.noThreeDsDeclined,
    title: 'no 3-D Secure, declined',
    challenge: false,
    status: 'failed',
  },
];

const RETURN_HEADINGS = {
  authorized: 'Payment authorized',
  succeeded: 'Payment successful',
  failed: 'Payment failed',
  cancelled: 'Payment cancelled',
} as const;

interface ShopFixtures {
  shop: ShopPage;
  checkout: CheckoutPage;
  paytech: PaytechPaymentPage;
  returnPage: ReturnPage;
}

/**
 * From the shop front to pay.tech's page and back: the product in the cart, card at the checkout,
 * the card (and its 3-D Secure challenge) at pay.tech, Return to merchant, the return page.
 */
async function payFromShop(
  fixtures: ShopFixtures,
  row: CardRow,
  products: string[] = [PRODUCTS.tee],
): Promise<{ orderId: string; sessionId: string; paymentId: string }> {
  const { shop, checkout, paytech, returnPage } = fixtures;
  const orderId =
    await test.step(`put ${products.join(' and ')} in the cart, check out by card`, async () => {
      const id = await shop.buy(...products);
      await checkout.chooseMethod('card');
      await checkout.pay();
      await paytech.waitUntilOpen();
      return id;
    });
  const paymentId = paytech.paymentId();
  await test.step(`at pay.tech: card ${row.card}${row.challenge ? ', the 3-D Secure challenge' : ''}`, async () => {
    await paytech.payByCard(row.card);
    if (row.challenge) await paytech.threeDsPass.click();
    else await expect(paytech.threeDsPass).toHaveCount(0);
    await expect(paytech.heading).toHaveText(
      row.status === 'authorized' ? 'Payment authorized' : 'Payment declined',
    );
  });
  const sessionId = await test.step(`Return to merchant: the return page says ${row.status}`, async () => {
    await paytech.returnToMerchant.click();
    await returnPage.waitUntilOpen();
    await returnPage.expectHeading(RETURN_HEADINGS[row.status]);
    if (row.status === 'failed')
      await expect(returnPage.status).toContainText('Your bank declined the payment.');
    return returnPage.sessionId();
  });
  return { orderId, sessionId, paymentId };
}

test.describe('pay.tech test cards from the shop', () => {
  for (const row of CARD_ROWS) {
    test(`card ${row.card}: ${row.title}`, async ({ page, shop, checkout, paytech, returnPage, records }) => {
      const { sessionId, paymentId } = await payFromShop({ shop, checkout, paytech, returnPage }, row);
      await test.step('server-kit agrees: GET sessions/:id and the merchant view', async () => {
        expect(await sessionOf(page, sessionId)).toMatchObject({
          status: row.status,
          provider: 'paytech',
          method: 'card',
          ...(row.status === 'failed' ? { reason: 'declined' } : {}),
        });
        const view = await records.merchantView(sessionId);
        expect(view.amounts).toEqual({
          authorized: row.status === 'authorized' ? 1999 : 0,
          captured: 0,
          refunded: 0,
        });
        expect(view.attempts).toMatchObject([{ provider: 'paytech', outcome: 'created' }]);
      });
      await test.step("the sandbox's own record, and its signed webhook delivered", async () => {
        const state = row.status === 'authorized' ? 'AUTHORIZED' : 'DECLINED';
        const record = await records.payment(paymentId);
        expect(record).toMatchObject({ state, paymentType: 'DEPOSIT', amount: 19.99, currency: 'EUR' });
        expect(record.referenceId).toContain(sessionId);
        expect(record.errorCode).toBe(row.status === 'failed' ? '4.00' : undefined);
        await records.expectWebhookDelivered(paymentId, state);
      });
    });
  }
});

test.describe('pay.tech amount limits', () => {
  test('a deposit of 10000000 EUR is refused before any redirect (checkout pinned with ?provider=paytech)', async ({
    page,
    shop,
    checkout,
    records,
    backOfficePage,
  }) => {
    const orderId = await test.step('two studio buy-outs (2 × 5,000,000 EUR) in the cart', () =>
      shop.buy(BUYOUT, BUYOUT));
    await test.step('the hosted checkout pinned to pay.tech: Pay is refused on the spot', async () => {
      await page.goto(`/checkout/pay/${orderId}?provider=paytech`);
      await checkout.chooseMethod('card');
      await expect(checkout.payButton).toContainText('10,000,000.00');
      await checkout.pay();
      await expect(checkout.element.locator('[part="error"]')).toHaveText(
        'This payment method is not available. Please choose another one.',
      );
      await expect(page).toHaveURL(new RegExp(`/checkout/pay/${orderId}\\?provider=paytech$`));
    });
    await test.step('nothing at pay.tech; server-kit failed the session, its try refused', async () => {
      expect(await records.paymentsOf(10_000_000)).toEqual([]);
      await page.goto('/back-office');
      await backOfficePage.signIn(MERCHANT_KEY);
      const order = backOfficePage.order(orderId);
      const heading = await order.getByRole('article').getByRole('heading').textContent();
      const sessionId = (heading ?? '').trim().split(/\s+/).pop() ?? '';
      expect(await sessionOf(page, sessionId)).toMatchObject({
        status: 'failed',
        reason: 'provider_error',
        provider: 'paytech',
      });
      const view = await records.merchantView(sessionId);
      expect(view.attempts).toMatchObject([{ provider: 'paytech', outcome: 'refused' }]);
      await expect(backOfficePage.fact(backOfficePage.payment(sessionId, order), 'Status')).toHaveText(
        'failed (provider_error)',
      );
    });
  });

  test('a refund above 10000 EUR is refused by the sandbox, shown in the back office', async ({
    page,
    shop,
    checkout,
    paytech,
    returnPage,
    records,
    backOfficePage,
  }) => {
    const row: CardRow = {
      card: PAYTECH_CARDS.noThreeDsSuccess,
      title: '',
      challenge: false,
      status: 'authorized',
    };
    const { orderId, sessionId, paymentId } = await payFromShop(
      { shop, checkout, paytech, returnPage },
      row,
      [BUYOUT],
    );
    const payment = await openBackOffice(backOfficePage, orderId, sessionId);
    await test.step('capture all 5,000,000 EUR', async () => {
      await backOfficePage.operation(payment, 'Capture').click();
      await expect(page.getByText(`Captured €5,000,000.00 of payment ${sessionId}.`)).toBeVisible();
      await expect(backOfficePage.fact(payment, 'Captured')).toHaveText('€5,000,000.00');
    });
    await test.step('refund it all: pay.tech refuses (1.08, at most 10000), nothing refunded', async () => {
      await backOfficePage.operation(payment, 'Refund').click();
      const alert = backOfficePage.page.getByRole('alert');
      await expect(alert).toContainText(
        `The provider declined the refund of €5,000,000.00 (payment ${sessionId})`,
      );
      await expect(alert).toContainText('1.08');
      await expect(alert).toContainText('at most 10000');
      await expect(backOfficePage.fact(payment, 'Refunded')).toHaveText('€0.00');
    });
    await test.step('the merchant view, GET sessions/:id and the sandbox agree', async () => {
      const view = await records.merchantView(sessionId);
      expect(view.amounts).toEqual({ authorized: 500_000_000, captured: 500_000_000, refunded: 0 });
      expect(view.operations.map((op) => [op.kind, op.status])).toEqual([
        ['capture', 'succeeded'],
        ['refund', 'failed'],
      ]);
      expect((await sessionOf(page, sessionId)).status).toBe('succeeded');
      expect(await records.refundsOf(paymentId)).toEqual([]);
      expect((await records.payment(paymentId)).state).toBe('COMPLETED');
    });
  });
});

test.describe('pay.tech operations from the back office', () => {
  test('authorize → partial capture → partial refund', async ({
    page,
    shop,
    checkout,
    paytech,
    returnPage,
    records,
    backOfficePage,
  }) => {
    const row: CardRow = {
      card: PAYTECH_CARDS.threeDsSuccess,
      title: '',
      challenge: true,
      status: 'authorized',
    };
    const { orderId, sessionId, paymentId } = await payFromShop({ shop, checkout, paytech, returnPage }, row);
    const payment = await openBackOffice(backOfficePage, orderId, sessionId);
    await test.step('authorized €19.99: Capture and Void offered', async () => {
      await expect(backOfficePage.fact(payment, 'Status')).toHaveText('authorized');
      await expect(backOfficePage.fact(payment, 'Authorized')).toHaveText('€19.99');
      await expect(backOfficePage.operation(payment, 'Void')).toBeVisible();
    });
    await test.step('capture €10.00 of it', async () => {
      await payment.getByLabel('Amount to capture (EUR)').fill('10.00');
      await backOfficePage.operation(payment, 'Capture').click();
      await expect(page.getByText(`Captured €10.00 of payment ${sessionId}.`)).toBeVisible();
      await expect(backOfficePage.fact(payment, 'Status')).toHaveText('succeeded');
      await expect(backOfficePage.fact(payment, 'Captured')).toHaveText('€10.00');
      expect(await records.payment(paymentId)).toMatchObject({ state: 'COMPLETED', amount: 10 });
    });
    await test.step('refund €4.00: pending at pay.tech, settled by its REFUND webhook', async () => {
      await payment.getByLabel('Amount to refund (EUR)').fill('4.00');
      await backOfficePage.operation(payment, 'Refund').click();
      await expect(
        page.getByText(/^(Refunded €4\.00 of payment|The refund of €4\.00 .* is with the provider)/),
      ).toBeVisible();
      await expect
        .poll(
          async () =>
            (await records.merchantView(sessionId)).operations.find((op) => op.kind === 'refund')?.status,
        )
        .toBe('succeeded');
      await page.reload();
      await expect(backOfficePage.fact(payment, 'Refunded')).toHaveText('€4.00');
    });
    await test.step('the merchant view, the sandbox and the return page agree', async () => {
      const view = await records.merchantView(sessionId);
      expect(view.amounts).toEqual({ authorized: 1999, captured: 1000, refunded: 400 });
      const [refund] = await records.refundsOf(paymentId);
      expect(refund).toMatchObject({
        paymentType: 'REFUND',
        state: 'COMPLETED',
        amount: 4,
        parentPaymentId: paymentId,
      });
      expect(view.operations.find((op) => op.kind === 'refund')?.providerRef).toBe(refund.id);
      await records.expectWebhookDelivered(refund.id, 'COMPLETED');
      expect((await sessionOf(page, sessionId)).status).toBe('succeeded');
      await page.goto(`/checkout/return/${sessionId}`);
      await returnPage.expectHeading(RETURN_HEADINGS.succeeded);
    });
  });

  test('authorize → void', async ({ page, shop, checkout, paytech, returnPage, records, backOfficePage }) => {
    const row: CardRow = {
      card: PAYTECH_CARDS.noThreeDsSuccess,
      title: '',
      challenge: false,
      status: 'authorized',
    };
    const { orderId, sessionId, paymentId } = await payFromShop({ shop, checkout, paytech, returnPage }, row);
    const payment = await openBackOffice(backOfficePage, orderId, sessionId);
    await test.step('void the authorization', async () => {
      await backOfficePage.operation(payment, 'Void').click();
      await expect(page.getByText(`Voided €19.99 of payment ${sessionId}.`)).toBeVisible();
      await expect(backOfficePage.fact(payment, 'Status')).toHaveText('cancelled');
      await expect(backOfficePage.operation(payment, 'Capture')).toHaveCount(0);
    });
    await test.step('the merchant view, the sandbox and the return page agree', async () => {
      const view = await records.merchantView(sessionId);
      expect(view.status).toBe('cancelled');
      expect(view.operations.map((op) => [op.kind, op.status])).toEqual([['void', 'succeeded']]);
      expect((await records.payment(paymentId)).state).toBe('CANCELLED');
      await records.expectWebhookDelivered(paymentId, 'CANCELLED');
      expect((await sessionOf(page, sessionId)).status).toBe('cancelled');
      await page.goto(`/checkout/return/${sessionId}`);
      await returnPage.expectHeading(RETURN_HEADINGS.cancelled);
    });
  });
});
