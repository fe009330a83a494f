import { after, before } from 'node:test';
import {
  fintectureTestApp,
  fintectureTestShopper,
  type RunningSandbox,
  startSandbox,
} from '@pay-checkout/sandbox';
import { runAdapterConformance } from '../src/conformance.js';
import { fintecture } from '../src/providers/fintecture/index.js';

// Fintecture against the real sandbox stage over HTTP, the shopper played through its Connect page.
let sandbox: RunningSandbox;
before(async () => {
  sandbox = await startSandbox({ port: 0, providers: ['fintecture'], log: () => {} });
});
after(async () => {
  await sandbox?.close();
});

runAdapterConformance('adapter conformance: Fintecture × sandbox', {
  makeAdapter: () =>
    fintecture({
      baseUrl: sandbox.urlOf('fintecture'),
      ...fintectureTestApp,
      retries: 1,
      retryBackoff: { baseMs: 5, maxMs: 20 },
    }),
  payment: { amount: 1999, currency: 'EUR', country: 'FR', bank: 'bnpafr' },
  async completePayment(initiation) {
    if (initiation.next.type !== 'redirect') throw new Error('Fintecture always redirects to Connect');
    await fintectureTestShopper(initiation.next.url).pay();
  },
  returnUrlFor: (input, initiation) =>
    `${input.returnUrl}?session_id=${initiation.providerRef}&status=payment_created&state=${encodeURIComponent(input.state)}`,
});
