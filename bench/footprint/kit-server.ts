// The kit process the footprint benchmark measures (bench/footprint/run.ts), as a host runs it:
// compiled JavaScript (run.ts bundles this file with esbuild, packages external, so server-kit comes
// from its `dist/`), createCheckout + toNodeHandler on node:http, one ConnectPay adapter against the
// sandbox (another process), the default PGlite store in PAY_CHECKOUT_DATA or PostgreSQL at
// DATABASE_URL. It imports nothing else: the sandbox's credentials arrive in CONNECTPAY_CLIENT (JSON),
// so no sandbox module inflates what is measured. It listens at once and opens the store on the first
// request (the default store's lazy open, docs/server-kit.md), the way `npm start`-style hosts boot.
// SIGTERM → structured shutdown (docs/several-instances.md).
import { createServer } from 'node:http';
import { connectpay, createCheckout, postgresStore, toNodeHandler } from '@pay-checkout/server-kit';
import { SHOP_ORIGIN, TEE_ORDER } from '../server/shop.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const client = JSON.parse(env('CONNECTPAY_CLIENT')) as {
  clientId: string;
  clientSecret: string;
  brandId: string;
  privateKeyPem: string;
};
const store = process.env.DATABASE_URL ? postgresStore(process.env.DATABASE_URL) : undefined;
const checkout = createCheckout({
  providers: [connectpay({ baseUrl: env('SANDBOX_URL'), ...client })],
  resolveOrder: async () => TEE_ORDER,
  store,
  publicUrl: env('PUBLIC_URL'),
  allowedOrigins: [SHOP_ORIGIN],
  logLevel: 'warn',
});
const handler = toNodeHandler(checkout);
const server = createServer((req, res) => handler(req, res));
server.listen(Number(env('PORT')), '127.0.0.1');

process.on('SIGTERM', () => {
  void (async () => {
    server.close();
    await checkout.close();
    await store?.close();
    server.closeAllConnections();
    process.exit(0);
  })();
});
