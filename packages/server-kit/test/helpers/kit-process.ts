/**
 * A kit in its own process as a host runs it in production, for the tests that kill or stop one
 * (durability across SIGKILL, structured shutdown): ConnectPay against the sandbox at `SANDBOX_URL`;
 * PostgreSQL at `DATABASE_URL` when set, else the default store (embedded PGlite in
 * `PAY_CHECKOUT_DATA`); poller on; `metrics: true`; listening on `PORT` (0 = any). Prints
 * `READY <base URL>` once it serves. Started by `spawnKitProcess` (spawn-kit-process.ts).
 *
 * Options (environment): `PROVIDER_TIMEOUT_MS` (default 5000), `POLL_INTERVAL_MS` (default 200),
 * `ORDER_AMOUNT` (default 19.99), `KIT_LOG_LEVEL` (default silent).
 *
 * On SIGTERM it shuts down as docs/several-instances.md says: stop accepting connections,
 * `checkout.close()` (in-flight requests finish, SSE streams end with a retry hint), then exit 0.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_CLIENT } from '@pay-checkout/sandbox';
import pino from 'pino';
import { createCheckout } from '../../src/checkout.js';
import { toNodeHandler } from '../../src/node-handler.js';
import { connectpay } from '../../src/providers/connectpay/index.js';
import { postgresStore } from '../../src/store/postgres-store.js';

const sandboxUrl = process.env.SANDBOX_URL;
if (!sandboxUrl) throw new Error('SANDBOX_URL is required');
if (!process.env.DATABASE_URL && !process.env.PAY_CHECKOUT_DATA)
  throw new Error('DATABASE_URL or PAY_CHECKOUT_DATA is required');

let handler: ReturnType<typeof toNodeHandler> | undefined;
const server = createServer((req, res) => handler?.(req, res));
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkout`;
const store = process.env.DATABASE_URL ? postgresStore(process.env.DATABASE_URL) : undefined;
const checkout = createCheckout({
  providers: [
    connectpay({
      baseUrl: sandboxUrl,
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      brandId: SANDBOX_CLIENT.brandId,
      privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
      timeoutMs: Number(process.env.PROVIDER_TIMEOUT_MS ?? 5000),
      retryBackoff: { baseMs: 20, maxMs: 200 },
    }),
  ],
  resolveOrder: async () => ({
    amount: process.env.ORDER_AMOUNT ?? '19.99',
    currency: 'EUR',
    description: 'Tee',
    returnUrl: 'https://shop.test/thanks',
  }),
  store,
  publicUrl: base,
  allowedOrigins: ['https://shop.test'],
  pollIntervalMs: Number(process.env.POLL_INTERVAL_MS ?? 200),
  metrics: true,
  logger: pino({ level: process.env.KIT_LOG_LEVEL ?? 'silent' }),
});
handler = toNodeHandler(checkout);
await checkout.ready;
process.stdout.write(`READY ${base}\n`);

let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void (async () => {
    server.close(); // no new connections; idle keep-alive ones are closed now, busy ones after their answer
    await checkout.close();
    await store?.close();
    server.closeAllConnections();
    process.exit(0);
  })();
});
