import { after, before } from 'node:test';
import {
  connectPayTestClient,
  FAKE_BANK_ID,
  type RunningSandbox,
  SANDBOX_CLIENT,
  startSandbox,
} from '@pay-checkout/sandbox';
import { runAdapterConformance } from '../src/conformance.js';
import { connectpay } from '../src/providers/connectpay/index.js';
import { FakeProvider } from './helpers/fake-provider.js';

// ConnectPay against the real sandbox over HTTP, the shopper played through its widget.
let sandbox: RunningSandbox;
before(async () => {
  sandbox = await startSandbox({ port: 0, log: () => {} });
});
after(async () => {
  await sandbox?.close();
});

runAdapterConformance('adapter conformance: ConnectPay × sandbox', {
  makeAdapter: () =>
    connectpay({
      baseUrl: sandbox.connectPayUrl,
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      brandId: SANDBOX_CLIENT.brandId,
      privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
      retries: 1,
      retryBackoff: { baseMs: 5, maxMs: 20 },
    }),
  payment: { amount: 1999, currency: 'EUR', country: 'DE', bank: FAKE_BANK_ID },
  async completePayment(initiation) {
    if (initiation.next.type !== 'redirect') throw new Error('ConnectPay always redirects to its widget');
    await connectPayTestClient(sandbox.connectPayUrl).payWithFakeBank(initiation.next.url);
  },
});

// The test adapter in each shape ConnectPay does not have: the suite itself must hold for them too.
// Its "shopper" is the test setting the payment's status at the fake provider.
function fakeHarness(provider: FakeProvider) {
  return {
    makeAdapter: () => provider,
    async completePayment(initiation: { providerRef: string }) {
      provider.setStatus(initiation.providerRef, { status: 'succeeded', raw: 'COMPLETED' });
    },
  };
}
runAdapterConformance(
  'adapter conformance: test adapter with a 3-D Secure form post',
  fakeHarness(new FakeProvider({ id: 'formpay', nextAction: 'form_post', methods: ['card'] })),
);
runAdapterConformance(
  'adapter conformance: test adapter that answers final at once',
  fakeHarness(
    new FakeProvider({
      id: 'instantpay',
      nextAction: 'none',
      methods: ['card'],
      initialStatus: { status: 'succeeded', raw: 'APPROVED' },
    }),
  ),
);
runAdapterConformance('adapter conformance: test adapter with state returns and every operation', {
  ...fakeHarness(
    new FakeProvider({
      id: 'statepay',
      returnStyle: 'state',
      operations: { capture: 'partial', void: true, refund: 'partial' },
    }),
  ),
  returnUrlFor: (input) => `${input.returnUrl}?state=${encodeURIComponent(input.state)}`,
});
