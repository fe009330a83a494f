import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from '../../../scripts/chromium.mjs';

/**
 * The example's config, as a merchant's would be, except the browser: this repository launches
 * Debian's Chromium (scripts/chromium.mjs); a merchant's CI uses `npx playwright install chromium`.
 */
export default defineConfig({
  testDir: '.',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // list for humans; json so scripts/test.sh can add the counts to its summary line
  reporter: [['list'], ['json', { outputFile: '../playwright-report/results.json' }]],
  use: {
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    locale: 'en-US',
    launchOptions: { executablePath: chromiumExecutablePath, args: chromiumArgs },
  },
});
