import { test as base, expect } from '../fixtures.js';
import { startOwnDemo } from '../own-demo.js';
import { BackOfficePage } from '../pages/back-office-page.js';
import { FintectureConnect } from '../pages/fintecture-connect.js';
import { PRODUCTS } from '../pages/shop-page.js';

/**
 * A Fintecture payment refunded from the back office, through server-kit's operations ledger and
 * Fintecture's refund API. The back office signs in with the merchant key, so this spec starts a demo
 * of its own with a key it knows, on FINTECTURE_DEMO_PORT (3600) and the next port for its sandbox.
 */
const MERCHANT_KEY = 'e2e-fintecture-merchant-key-51c9';
const DEMO_PORT = Number(process.env.FINTECTURE_DEMO_PORT ?? 3600);
const DEMO = `http://localhost:${DEMO_PORT}`;
const SANDBOX = `http://127.0.0.1:${DEMO_PORT + 1}`;

const test = base.extend<object, { fintectureDemo: string }>({
  fintectureDemo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const demo = await startOwnDemo({
        name: 'Fintecture',
        port: DEMO_PORT,
        env: {
          MERCHANT_KEY,
          FINTECTURE_BASE_URL: '',
        },
      });
      try {
        await use(demo.url);
      } finally {
        await demo.stop();
      }
    },
    { scope: 'worker', timeout: 150_000, auto: true },
  ],
});
test.use({ baseURL: DEMO });

test('a Fintecture payment is refunded from the back office, in part and then the rest', async ({
  page,
  shop,
  checkout,
  returnPage,
  request,
}) => {
  const connect = new FintectureConnect(page);
  const backOffice = new BackOfficePage(page);
  const orderId = await shop.buy(PRODUCTS.tee);
  await checkout.choose({ country: 'FR', method: 'pis', bank: { search: 'BNP', name: 'BNP Paribas' } });
  await checkout.pay();
  await connect.waitUntilOpen();
  const fintectureId = connect.sessionId();
  await connect.authorize('paid');
  await connect.returnToMerchant.click();
  await returnPage.waitUntilOpen();
  await returnPage.expectHeading(returnPage.texts.succeeded);
  const sessionId = returnPage.sessionId();

  await page.goto('/back-office');
  await backOffice.signIn(MERCHANT_KEY);
  await backOffice.expectSignedIn();
  const payment = () => backOffice.payment(sessionId, backOffice.order(orderId));
  await test.step('Fintecture offers Refund only', async () => {
    await expect(backOffice.fact(payment(), 'Provider')).toHaveText('Fintecture');
    await expect(backOffice.operation(payment(), 'Refund')).toBeVisible();
    await expect(backOffice.operation(payment(), 'Capture')).toHaveCount(0);
    await expect(backOffice.operation(payment(), 'Void')).toHaveCount(0);
  });
  await test.step('refund 5.00, then the 14.99 left', async () => {
    await payment().getByLabel('Amount to refund (EUR)').fill('5.00');
    await backOffice.operation(payment(), 'Refund').click();
    await expect(backOffice.fact(payment(), 'Refunded')).toHaveText('€5.00');
    await backOffice.operation(payment(), 'Refund').click();
    await expect(backOffice.fact(payment(), 'Refunded')).toHaveText('€19.99');
    await expect(backOffice.operation(payment(), 'Refund')).toHaveCount(0);
  });
  await test.step('Fintecture holds both refunds', async () => {
    const response = await request.get(`${SANDBOX}/fintecture/admin/payments/${fintectureId}`);
    const view = (await response.json()) as {
      details: { data: { attributes: { refunds: { amount: string }[] } } };
    };
    expect(view.details.data.attributes.refunds.map((refund) => refund.amount)).toEqual(['5.00', '14.99']);
  });
});
