import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '../fixtures.js';
import { PRODUCTS, ShopPage } from '../pages/shop-page.js';

/**
 * @stage: the same shop against the real ConnectPay stage. Runs only when the stage credentials are
 * in the environment; a second demo is started for it on STAGE_DEMO_PORT with those variables, so the
 * sandbox journeys keep their own demo. The stage must reach the shop's notification URL, so set
 * SHOP_URL to a public address of this machine when you want notifications (else the kit reconciles
 * on the return page and by polling).
 */
const STAGE_VARIABLES = [
  'CONNECTPAY_BASE_URL',
  'CONNECTPAY_CLIENT_ID',
  'CONNECTPAY_CLIENT_SECRET',
  'CONNECTPAY_BRAND_ID',
];
const missing = STAGE_VARIABLES.filter((name) => !process.env[name]);
if (!process.env.CONNECTPAY_PRIVATE_KEY && !process.env.CONNECTPAY_PRIVATE_KEY_FILE) {
  missing.push('CONNECTPAY_PRIVATE_KEY or CONNECTPAY_PRIVATE_KEY_FILE');
}
const STAGE_DEMO_PORT = Number(process.env.STAGE_DEMO_PORT ?? 3200);
const STAGE_DEMO = `http://localhost:${STAGE_DEMO_PORT}`;

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`the stage demo exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the stage demo did not become healthy at ${url}`);
}

const test = base.extend<object, { stageDemo: string }>({
  stageDemo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'pay-checkout-stage-'));
      const child = spawn('npm', ['run', 'start', '-w', '@pay-checkout/demo'], {
        cwd: new URL('../..', import.meta.url).pathname,
        env: { ...process.env, PORT: String(STAGE_DEMO_PORT), PAY_CHECKOUT_DATA: dataDir },
        stdio: 'ignore',
        detached: true,
      });
      try {
        await waitForHealth(STAGE_DEMO, child);
        await use(STAGE_DEMO);
      } finally {
        // our own process group: npm, tsx and the demo it runs
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

test.describe('ConnectPay stage', { tag: '@stage' }, () => {
  const reason = `ConnectPay stage credentials are not in the environment (missing ${missing.join(', ')})`;
  test.skip(missing.length > 0, reason);

  for (const method of ['card', 'pis'] as const) {
    test(`a ${method} checkout opens a payment at the stage and sends the shopper to its widget`, async ({
      page,
      checkout,
      stageDemo,
      request,
    }) => {
      const shop = new ShopPage(page);
      await test.step('check out a tee on the stage-connected shop', async () => {
        await page.goto(stageDemo);
        await shop.addToCart(PRODUCTS.tee);
        await shop.checkout();
      });
      await test.step('pay: the browser leaves for the ConnectPay stage widget', async () => {
        await checkout.billingCountry.selectOption('DE');
        await checkout.chooseMethod(method);
        if (method === 'pis') await checkout.chooseBank('Fake', 'Fake Bank with Client Keys');
        const sessionCreated = page.waitForResponse((response) =>
          response.url().endsWith('/checkout/sessions'),
        );
        await checkout.pay();
        const session = (await (await sessionCreated).json()) as { sessionId: string; redirectUrl: string };
        await page.waitForURL((url) => url.host.endsWith('connectpay.com'));
        const view = await request.get(`${stageDemo}/checkout/sessions/${session.sessionId}`);
        expect(await view.json()).toMatchObject({ status: 'pending', provider: 'connectpay' });
      });
    });
  }
});
