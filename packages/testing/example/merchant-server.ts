/**
 * The smallest merchant a test needs: server-kit on node:http with ConnectPay pointed at the worker's
 * sandbox, an in-memory order book, and PGlite in memory. Your own tests start your real server the
 * same way, with the sandbox's URL in its provider config.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_CLIENT } from '@pay-checkout/sandbox';
import {
  connectpay,
  createCheckout,
  pgliteStore,
  type ResolvedOrder,
  toNodeHandler,
} from '@pay-checkout/server-kit';

export interface MerchantServer {
  /** The shop's origin, e.g. `http://127.0.0.1:51234`. */
  origin: string;
  /** server-kit's `publicUrl`: `${origin}/checkout`. */
  kitUrl: string;
  /** A new order of `amount` EUR (default 19.99); answers its id. */
  newOrder(amount?: string): string;
  close(): Promise<void>;
}

export async function startMerchantServer(connectPayUrl: string): Promise<MerchantServer> {
  const orders = new Map<string, ResolvedOrder>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = pgliteStore({ memory: true });
  const checkout = createCheckout({
    providers: [
      connectpay({
        baseUrl: connectPayUrl,
        clientId: SANDBOX_CLIENT.clientId,
        clientSecret: SANDBOX_CLIENT.clientSecret,
        brandId: SANDBOX_CLIENT.brandId,
        privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
      }),
    ],
    resolveOrder: async (id) => orders.get(id),
    publicUrl: `${origin}/checkout`,
    allowedOrigins: [origin],
    store,
    logLevel: 'warn',
  });
  const handleCheckout = toNodeHandler(checkout);
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/checkout/')) return handleCheckout(req, res);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<p>Thank you!</p>');
  });
  await checkout.ready;
  let made = 0;
  return {
    origin,
    kitUrl: `${origin}/checkout`,
    newOrder(amount = '19.99') {
      const id = `order-${++made}`;
      orders.set(id, { amount, currency: 'EUR', description: 'Tee', returnUrl: `${origin}/thanks` });
      return id;
    },
    async close() {
      await checkout.close();
      await store.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
