import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from '../scripts/chromium.mjs';

// DEMO_PORT / SANDBOX_PORT let two checkouts of the repo run their journeys side by side on one machine.
const DEMO_PORT = Number(process.env.DEMO_PORT || 3000);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT || 3100);
const hasDemo = existsSync(new URL('../demo/server.ts', import.meta.url));

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // list for humans; json so scripts/test.sh can add the counts to its one summary line
  reporter: [['list'], ['json', { outputFile: 'playwright-report/results.json' }]],
  use: {
    baseURL: `http://localhost:${DEMO_PORT}`,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumExecutablePath,
          args: chromiumArgs,
        },
      },
    },
  ],
  webServer: hasDemo
    ? [
        {
          command: 'npm run start -w @pay-checkout/demo',
          cwd: '..',
          url: `http://localhost:${DEMO_PORT}/healthz`,
          env: {
            PORT: String(DEMO_PORT),
            SANDBOX_PORT: String(SANDBOX_PORT),
            // a fresh data directory per run, so journeys never see an earlier run's sessions
            PAY_CHECKOUT_DATA: `${process.env.TMPDIR ?? '/tmp'}/pay-checkout-e2e-${process.pid}`,
            // journeys run against the local sandbox even when stage credentials are in the environment
            // (the @stage specs start their own demo for that)
            CONNECTPAY_BASE_URL: '',
            PAYTECH_BASE_URL: '',
            // keep the run's output readable: the kit logs every status change at info
            LOG_LEVEL: 'warn',
          },
          reuseExistingServer: !process.env.CI,
          timeout: 120_000,
          stdout: 'pipe',
        },
      ]
    : undefined,
});
