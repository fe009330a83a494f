// The sandbox in its own process (started by bench/server/run.ts): zero latency, 127.0.0.1, quiet.
import { startSandbox } from '@pay-checkout/sandbox';
import { closeOnParentRequest } from './child-process.js';

const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', log: () => undefined });
closeOnParentRequest(() => sandbox.close());
process.send?.({
  type: 'ready',
  url: sandbox.url,
  connectPayUrl: sandbox.connectPayUrl,
  paytechUrl: sandbox.urlOf('paytech'),
});
