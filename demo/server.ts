// The demo shop: `npm start` runs it with server-kit at /checkout and the ConnectPay sandbox on its
// own port, on embedded defaults (README "Try it"). Environment variables switch it to the stage.
import { createServer } from 'node:http';
import { startSandbox } from '@pay-checkout/sandbox';
import { toNodeHandler } from '@pay-checkout/server-kit';
import { createShopApp } from './src/app.js';
import { loadConfig } from './src/config.js';
import { readElementIntegrity } from './src/element-integrity.js';
import { OrderBook } from './src/orders.js';
import { CHECKOUT_PATH, createShopPayments } from './src/payments.js';

const config = loadConfig();
const sandbox =
  config.provider.kind === 'sandbox' ? await startSandbox({ port: config.provider.port }) : undefined;
const orders = new OrderBook();
const payments = createShopPayments(config, orders, sandbox?.url);
let ready = false;

const server = createServer(
  createShopApp({
    deps: {
      config,
      orders,
      checkoutPath: CHECKOUT_PATH,
      lookupPayment: payments.lookupPayment,
      paymentHistory: payments.paymentHistory,
      elementIntegrity: readElementIntegrity,
    },
    checkout: toNodeHandler(payments.checkout),
    isReady: () => ready,
  }),
);

await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
if (sandbox) console.log(`ConnectPay sandbox: ${sandbox.url}/connectpay`);
else console.log(`ConnectPay stage: ${config.provider.kind === 'stage' ? config.provider.baseUrl : ''}`);
await payments.checkout.ready;
ready = true;
console.log(`Demo shop: ${config.shopUrl}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close();
  await payments.checkout.close();
  await payments.store.close().catch(() => undefined);
  await sandbox?.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
