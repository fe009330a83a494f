import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SANDBOX_CLIENT,
  signConnectPayRequest,
  startSandbox,
  verifyNotification,
} from '@pay-checkout/sandbox';
import { test as base, expect } from '@playwright/test';

/**
 * The ConnectPay stage as the sandbox plays it, driven directly (no shop, no server-kit): the API
 * opens a payment, the shopper walks the hosted widget in a real browser, and the merchant's
 * return address and notification receiver see the outcome.
 */
interface Received {
  body: string;
  headers: Record<string, string | string[] | undefined>;
}
interface Merchant {
  url: string;
  notifications: Received[];
}

const test = base.extend<{ sandboxUrl: string; merchant: Merchant }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  sandboxUrl: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0 });
    await use(sandbox.url);
    await sandbox.close();
  },
  // A stand-in for the merchant: a return page and a notification receiver on one local server.
  // biome-ignore lint/correctness/noEmptyPattern: as above
  merchant: async ({}, use) => {
    const notifications: Received[] = [];
    const server: Server = createServer((req, res) => {
      if (req.method === 'POST' && req.url === '/notifications') {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          notifications.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
          res.writeHead(200).end('OK');
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Back at the merchant</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await use({ url: `http://127.0.0.1:${port}`, notifications });
    await new Promise((resolve) => server.close(resolve));
  },
});

async function initiate(
  sandboxUrl: string,
  body: unknown,
): Promise<{ paymentId: string; redirectUrl: string }> {
  const url = `${sandboxUrl}/connectpay/merchant/payments`;
  const text = JSON.stringify(body);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${SANDBOX_CLIENT.clientId}:${SANDBOX_CLIENT.clientSecret}`).toString('base64')}`,
      'x-signature': signConnectPayRequest({
        method: 'POST',
        url,
        body: text,
        privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
      }),
      'x-request-id': crypto.randomUUID(),
      accept: 'application/json;version=2',
      'content-type': 'application/json',
    },
    body: text,
  });
  expect(res.status).toBe(201);
  const json = (await res.json()) as { payment: { paymentId: string; redirectUrl: string } };
  return json.payment;
}

test.describe('ConnectPay stage sandbox: Fake Bank journey', () => {
  test('initiate → bank search → login → code → success → Return to merchant, with a signed notification', async ({
    page,
    sandboxUrl,
    merchant,
  }) => {
    const returnUrl = `${merchant.url}/orders/o-1001`;
    const payment = await test.step('initiate through the API', () =>
      initiate(sandboxUrl, {
        merchant: {
          brandId: SANDBOX_CLIENT.brandId,
          redirectUrl: returnUrl,
          notificationUrl: `${merchant.url}/notifications`,
          language: 'EN',
        },
        payment: {
          paymentMethod: ['PIS'],
          providerCountryCode: 'DE',
          instructedAmount: { amount: '19.99', currency: 'EUR' },
          remittanceInformationUnstructured: 'Order o-1001',
        },
        identifiers: { merchantReference: 'o-1001' },
      }));

    await test.step('search the bank', async () => {
      await page.goto(payment.redirectUrl);
      await page.getByRole('searchbox').fill('Fake');
      await page.getByRole('searchbox').press('Enter');
      await page.getByRole('button', { name: /Fake Bank with Client Keys/ }).click();
    });

    await test.step('log in, first with a wrong password', async () => {
      await page.getByLabel(/user/i).fill('username');
      await page.getByLabel(/password/i).fill('wrong');
      await page.getByRole('button', { name: /log in|sign in|continue/i }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await page.getByLabel(/user/i).fill('username');
      await page.getByLabel(/password/i).fill('secret');
      await page.getByRole('button', { name: /log in|sign in|continue/i }).click();
    });

    await test.step('confirm with the code', async () => {
      await page.getByLabel(/code/i).fill('123456');
      await page.getByRole('button', { name: /confirm/i }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(/success|completed/i);
    });

    await test.step('Return to merchant lands on the given URL', async () => {
      await page.getByRole('link', { name: 'Return to merchant' }).click();
      await expect(page).toHaveURL(returnUrl);
      await expect(page.getByRole('heading', { name: 'Back at the merchant' })).toBeVisible();
    });

    await test.step('a signed notification reported the completed payment', async () => {
      await expect
        .poll(() => merchant.notifications.map((n) => JSON.parse(n.body).payment?.status))
        .toContain('Completed');
      const completed = merchant.notifications.find(
        (n) => JSON.parse(n.body).payment.status === 'Completed',
      )!;
      const signature = String(completed.headers['x-sandbox-signature']);
      // throws on a bad signature; answers the signed timestamp otherwise
      const verified = verifyNotification({
        rawBody: completed.body,
        header: signature,
        secret: SANDBOX_CLIENT.notificationSecret,
      });
      expect(Math.abs(verified.timestamp - Date.now() / 1000)).toBeLessThan(300);
      expect(() =>
        verifyNotification({
          rawBody: `${completed.body} `,
          header: signature,
          secret: SANDBOX_CLIENT.notificationSecret,
        }),
      ).toThrow();
      expect(JSON.parse(completed.body).payment.paymentId).toBe(payment.paymentId);
    });
  });
});
