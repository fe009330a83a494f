import { type RunningSandbox, type SandboxOptions, startSandbox } from '@pay-checkout/sandbox';
import { test as base } from '@playwright/test';
import { Shopper } from './shopper.js';

/** Worker-scoped: one sandbox per Playwright worker, shared by that worker's tests. */
export interface SandboxWorkerFixtures {
  /** Options for the worker's sandbox; set with `test.use({ sandboxOptions: { providers: ['connectpay'] } })`. */
  sandboxOptions: SandboxOptions;
  /** The worker's running sandbox: point your provider config at `sandbox.urlOf('connectpay')` etc. */
  sandbox: RunningSandbox;
}

export interface CheckoutTestFixtures {
  /** The shopper in this test's page: checks out in `<pay-checkout>` and pays at the provider. */
  shopper: Shopper;
}

/**
 * Playwright's `test` with a sandbox per worker (on a free loopback port, started before the worker's
 * first test and closed after its last) and a `shopper`. Extend it with your own merchant server:
 * `test.extend<{}, { shop: … }>({ shop: [async ({ sandbox }, use) => …, { scope: 'worker' }] })`.
 */
export const test = base.extend<CheckoutTestFixtures, SandboxWorkerFixtures>({
  sandboxOptions: [{}, { scope: 'worker', option: true }],
  sandbox: [
    async ({ sandboxOptions }, use) => {
      // Quick notification retries: a test waits for the provider's notification, not for backoff.
      const sandbox = await startSandbox({
        port: 0,
        notificationRetryBaseMs: 50,
        log: () => undefined,
        ...sandboxOptions,
      });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  shopper: async ({ page }, use) => {
    await use(new Shopper(page));
  },
});

export { expect } from '@playwright/test';
