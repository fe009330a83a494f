// One server-kit instance of the load and fault test (bench/load/run.ts), in its own process: the
// ConnectPay adapter against the sandbox, PostgreSQL at DATABASE_URL or PGlite in PAY_CHECKOUT_DATA,
// poller on, `publicUrl` = the balancer in front of all instances (notifications and return pages go
// through it, as behind a real load balancer). Listens on PORT; says `ready` over IPC; SIGTERM →
// structured shutdown; the run also SIGKILLs it.
import { createServer } from 'node:http';
import path from 'node:path';
import { SANDBOX_CLIENT } from '@pay-checkout/sandbox';
import { connectpay, createCheckout, postgresStore, toNodeHandler } from '@pay-checkout/server-kit';
import pino from 'pino';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const server = createServer((req, res) => handler(req, res));
const store = process.env.DATABASE_URL ? postgresStore(process.env.DATABASE_URL) : undefined;
const checkout = createCheckout({
  providers: [
    connectpay({
      baseUrl: env('SANDBOX_URL'),
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      brandId: SANDBOX_CLIENT.brandId,
      privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
      timeoutMs: 5000,
      retryBackoff: { baseMs: 50, maxMs: 500 },
    }),
  ],
  // The order id says what the shopper will do: `…-review` orders cost 99.99 (manual review).
  resolveOrder: async (orderId) => ({
    amount: orderId.endsWith('-review') ? '99.99' : '19.99',
    currency: 'EUR',
    description: `Order ${orderId}`,
    returnUrl: 'https://shop.test/thanks',
  }),
  store,
  publicUrl: env('PUBLIC_URL'),
  allowedOrigins: ['https://shop.test'],
  pollIntervalMs: 1000,
  // The run reads each order's sessions and provider tries (`GET merchant/orders/:id`) at the end.
  merchantKey: process.env.MERCHANT_KEY,
  metrics: true,
  // LOAD_KIT_LOG_DIR: info logs of each instance to a file of its own there (a run's evidence, e.g. why
  // a notification's re-fetch did not apply), never to stdout, which carries the run's result line.
  ...(process.env.LOAD_KIT_LOG_DIR
    ? {
        logger: pino(
          { level: 'info' },
          pino.destination(path.join(process.env.LOAD_KIT_LOG_DIR, `kit-${env('PORT')}-${process.pid}.log`)),
        ),
      }
    : { logLevel: process.env.KIT_LOG_LEVEL === 'debug' ? 'debug' : 'silent' }),
});
const handler = toNodeHandler(checkout);
await new Promise<void>((resolve) => server.listen(Number(env('PORT')), '127.0.0.1', resolve));
await checkout.ready;
process.send?.({ type: 'ready' });

process.on('SIGTERM', () => {
  void (async () => {
    server.close();
    await checkout.close();
    await store?.close();
    server.closeAllConnections();
    process.exit(0);
  })();
});
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
