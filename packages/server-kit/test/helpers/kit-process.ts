/**
 * A kit in its own process, for the durability test (R15): ConnectPay adapter against the sandbox at
 * `SANDBOX_URL`, the DEFAULT store (embedded PGlite in `PAY_CHECKOUT_DATA`), poller on, listening on
 * `PORT` (0 = any). Prints `READY <base URL>` once it serves. The test kills it with SIGKILL.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_CLIENT } from '@pay-checkout/sandbox';
import pino from 'pino';
import { createCheckout } from '../../src/checkout.js';
import { toNodeHandler } from '../../src/node-handler.js';
import { connectpay } from '../../src/providers/connectpay/index.js';

const sandboxUrl = process.env.SANDBOX_URL;
if (!sandboxUrl || !process.env.PAY_CHECKOUT_DATA)
  throw new Error('SANDBOX_URL and PAY_CHECKOUT_DATA are required');

let handler: ReturnType<typeof toNodeHandler> | undefined;
const server = createServer((req, res) => handler?.(req, res));
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkout`;
const checkout = createCheckout({
  providers: [
    connectpay({
      baseUrl: sandboxUrl,
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      brandId: SANDBOX_CLIENT.brandId,
      privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
      timeoutMs: 2000,
    }),
  ],
  resolveOrder: async () => ({
    amount: '19.99',
    currency: 'EUR',
    description: 'Tee',
    returnUrl: 'https://shop.test/thanks',
  }),
  publicUrl: base,
  allowedOrigins: ['https://shop.test'],
  pollIntervalMs: 50,
  logger: pino({ level: process.env.KIT_LOG_LEVEL ?? 'silent' }),
});
handler = toNodeHandler(checkout);
await checkout.ready;
process.stdout.write(`READY ${base}\n`);
