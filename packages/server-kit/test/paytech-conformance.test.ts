import { after, before } from 'node:test';
import {
  PAYTECH_TEST_CARDS,
  payPaytechCheckout,
  paytechTestShop,
  type RunningSandbox,
  startSandbox,
} from '@pay-checkout/sandbox';
import { runAdapterConformance } from '../src/conformance.js';
import { paytech } from '../src/providers/paytech/index.js';

// pay.tech against the real sandbox stage over HTTP, the shopper played on its hosted card page.
let sandbox: RunningSandbox;
before(async () => {
  sandbox = await startSandbox({ port: 0, providers: ['paytech'], log: () => {} });
});
after(async () => {
  await sandbox?.close();
});

runAdapterConformance('adapter conformance: pay.tech × sandbox', {
  makeAdapter: () =>
    paytech({
      baseUrl: sandbox.urlOf('paytech'),
      ...paytechTestShop,
      retries: 1,
      retryBackoff: { baseMs: 5, maxMs: 20 },
    }),
  payment: { amount: 1999, currency: 'EUR', country: 'DE' },
  async completePayment(initiation) {
    if (initiation.next.type !== 'redirect') throw new Error('pay.tech always redirects to its payment page');
    await payPaytechCheckout(initiation.next.url, PAYTECH_TEST_CARDS.threeDsSuccess);
  },
});
