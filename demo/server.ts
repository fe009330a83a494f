// The demo shop: `npm start` runs it with server-kit at /checkout and the ConnectPay sandbox on its
// own port, on embedded defaults (README "Try it"). Environment variables switch it to the stage.
import { createServer, type Server } from 'node:http';
import { type RunningSandbox, startSandbox } from '@pay-checkout/sandbox';
import { toNodeHandler } from '@pay-checkout/server-kit';
import { createShopApp } from './src/app.js';
import { BACK_OFFICE_PATH } from './src/back-office/sign-in.js';
import { type DemoConfig, DemoConfigError, loadConfig } from './src/config.js';
import { readElementIntegrity } from './src/element-integrity.js';
import { OrderBook } from './src/orders.js';
import { CHECKOUT_PATH, createShopPayments, type ShopPayments } from './src/payments.js';

/** A start-up failure explained in one line, with the variable that fixes it. */
function explain(error: unknown): string {
  if (error instanceof DemoConfigError) return error.message;
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    const port = (error as { port?: number }).port;
    return `port ${port ?? ''} is already in use: stop the other server or choose another PORT / SANDBOX_PORT`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Where the back office is and how to sign in. A key the demo made up is printed here, once: it is the
 * only way to learn it (README "Back office"). A key from MERCHANT_KEY is never printed.
 */
function backOfficeLine(config: DemoConfig): string {
  const url = `${config.shopUrl}${BACK_OFFICE_PATH}`;
  if (!config.merchantKey) return 'Back office: off (set MERCHANT_KEY to turn it and the merchant API on)';
  if (!config.merchantKey.generated) return `Back office: ${url} (sign in with MERCHANT_KEY)`;
  return `Back office: ${url} (merchant key for this run: ${config.merchantKey.value}; set MERCHANT_KEY to keep one)`;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

let sandbox: RunningSandbox | undefined;
let payments: ShopPayments | undefined;
let server: Server | undefined;

async function stop(code: number): Promise<never> {
  // Structured shutdown (docs/several-instances.md): no new connections, in-flight requests finish and
  // live streams end with a retry hint inside checkout.close(), then whatever is left is cut.
  server?.close();
  await payments?.checkout.close().catch(() => undefined);
  server?.closeAllConnections();
  await payments?.store.close().catch(() => undefined);
  await sandbox?.close().catch(() => undefined);
  process.exit(code);
}

try {
  const config = loadConfig();
  sandbox =
    config.provider.kind === 'sandbox' ? await startSandbox({ port: config.provider.port }) : undefined;
  const orders = new OrderBook();
  const shopPayments = createShopPayments(config, orders, { sandboxUrl: sandbox?.url });
  payments = shopPayments;
  let ready = false;
  server = createServer(
    createShopApp({
      deps: {
        config,
        orders,
        checkoutPath: CHECKOUT_PATH,
        paymentHistory: shopPayments.paymentHistory,
        elementIntegrity: readElementIntegrity,
        backOffice: shopPayments.backOffice,
      },
      checkout: toNodeHandler(shopPayments.checkout),
      isReady: () => ready,
    }),
  );
  await listen(server, config.port, config.host);
  console.log(
    `ConnectPay ${sandbox ? `sandbox: ${sandbox.url}/connectpay` : `stage: ${config.provider.kind === 'stage' ? config.provider.baseUrl : ''}`}`,
  );
  await shopPayments.checkout.ready;
  ready = true;
  console.log(`Demo shop: ${config.shopUrl}`);
  console.log(backOfficeLine(config));
} catch (error) {
  console.error(`demo: cannot start: ${explain(error)}`);
  await stop(1);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stop(0);
  });
}
