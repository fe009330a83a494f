/**
 * server-kit in an Express 5 app, with the ConnectPay sandbox.
 *
 *   npx pay-sandbox --port 3100 &                                   # the provider, locally
 *   npx tsx --conditions=source packages/server-kit/examples/express.ts
 *   curl -X POST http://localhost:3000/api/orders -H 'content-type: application/json' \
 *     -d '{"items":[{"sku":"tee","quantity":2}]}'                   # → {"orderId": …, "payUrl": …}
 *   open http://localhost:3000/checkout/pay/order-1                 # hosted checkout page
 *
 * Env: as in examples/node-http.ts (PORT 3000, CONNECTPAY_BASE_URL the sandbox, CONNECTPAY_CLIENT_ID / …
 * default to the sandbox's built-in test client, PAY_CHECKOUT_DATA ./.pay-checkout). PORT=0 takes any free
 * port; the line printed once it listens names the real URL.
 */
// #region readme
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SANDBOX_CLIENT } from '@pay-checkout/sandbox';
import {
  connectpay,
  createCheckout,
  type ResolvedOrder,
  toDecimalString,
  toNodeHandler,
} from '@pay-checkout/server-kit';
import express from 'express';
import { z } from 'zod';

const app = express();
// Listen first: the kit's public URL needs the real port (PORT=0 picks a free one). Routes are added
// below in the same tick, before any request can be handled.
const server = app.listen(Number(process.env.PORT ?? 3000));
await once(server, 'listening');
const origin = `http://localhost:${(server.address() as AddressInfo).port}`;

// Your catalog (prices in cents) and order book. The kit asks the order book for amount and currency;
// the browser only ever sends an order id.
const catalog = { tee: { cents: 1999, title: 'Tee' }, mug: { cents: 1250, title: 'Mug' } };
const orders = new Map<string, ResolvedOrder>([
  ['order-1', { amount: '19.99', currency: 'EUR', description: 'Tee', returnUrl: `${origin}/thanks` }],
]);

const checkout = createCheckout({
  providers: [
    connectpay({
      baseUrl: process.env.CONNECTPAY_BASE_URL ?? 'http://127.0.0.1:3100/connectpay',
      clientId: process.env.CONNECTPAY_CLIENT_ID ?? SANDBOX_CLIENT.clientId,
      clientSecret: process.env.CONNECTPAY_CLIENT_SECRET ?? SANDBOX_CLIENT.clientSecret,
      brandId: process.env.CONNECTPAY_BRAND_ID ?? SANDBOX_CLIENT.brandId,
      privateKeyPem: process.env.CONNECTPAY_PRIVATE_KEY_PEM ?? SANDBOX_CLIENT.privateKeyPem,
    }),
  ],
  resolveOrder: async (orderId) => orders.get(orderId),
  publicUrl: `${origin}/checkout`,
  allowedOrigins: [origin],
});

// The kit BEFORE any body parser: notifications are verified over the raw request bytes.
// toNodeHandler reads Express's originalUrl, so the routes match publicUrl's path.
app.use('/checkout', toNodeHandler(checkout));
app.use(express.json());

// The shop's own JSON API, after the body parser: a cart in, an order id out. Prices come from the
// catalog on the server; anything else in the body (an "amount", say) is ignored.
const Cart = z.object({
  items: z
    .array(z.object({ sku: z.enum(['tee', 'mug']), quantity: z.int().min(1).max(99) }))
    .min(1)
    .max(20),
});
app.post('/api/orders', (req, res) => {
  const cart = Cart.safeParse(req.body);
  if (!cart.success) {
    res.status(400).json({ error: { code: 'invalid_request', message: z.prettifyError(cart.error) } });
    return;
  }
  const items = cart.data.items;
  const cents = items.reduce((sum, item) => sum + catalog[item.sku].cents * item.quantity, 0);
  const orderId = `order-${randomUUID()}`;
  orders.set(orderId, {
    amount: toDecimalString(cents, 'EUR'),
    currency: 'EUR',
    description: items.map((item) => `${item.quantity} × ${catalog[item.sku].title}`).join(', '),
    returnUrl: `${origin}/thanks`,
  });
  res.status(201).json({ orderId, payUrl: `${origin}/checkout/pay/${orderId}` });
});
app.get('/thanks', (_req, res) => {
  res.send('<p>Thank you! <a href="/">Back to the shop</a></p>');
});
app.get('/', (_req, res) => {
  res.send('<p><a href="/checkout/pay/order-1">Pay 19.99 EUR</a></p>');
});

await checkout.ready;
console.log(`shop on ${origin}, checkout on ${origin}/checkout`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void checkout.close().then(() => process.exit(0));
  });
}
// #endregion readme
