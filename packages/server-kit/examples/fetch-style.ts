/**
 * server-kit's fetch-style API, run in plain Node: a standard `Request` in, a standard `Response` out.
 * This is what Hono (`c.req.raw`), Next.js route handlers, Bun, Deno and Workers hand you; here the
 * requests are built by hand, so nothing listens.
 *
 *   npx pay-sandbox --port 3100 &                                   # the provider, locally
 *   npx tsx --conditions=source packages/server-kit/examples/fetch-style.ts
 *
 * Env: CONNECTPAY_BASE_URL (the sandbox), CONNECTPAY_CLIENT_ID / _CLIENT_SECRET / _BRAND_ID /
 * _PRIVATE_KEY_PEM (default: the sandbox's built-in test client), PAY_CHECKOUT_DATA (./.pay-checkout).
 */
// #region readme
import { randomUUID } from 'node:crypto';
import { SANDBOX_CLIENT } from '@pay-checkout/sandbox';
import { connectpay, createCheckout, type ResolvedOrder } from '@pay-checkout/server-kit';

// Where the kit is mounted. Routes match publicUrl's path, wherever the Request comes from.
const origin = 'http://localhost:3000';
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

// What the element asks first: amount (from resolveOrder only), methods, banks.
const options = await checkout.fetch(new Request(`${origin}/checkout/options?order=order-1&country=DE`));
const { amount } = await options.json();
console.log('options', options.status, JSON.stringify(amount)); // options 200 {"value":1999,"currency":"EUR"}

// Opening a payment: the browser's Origin must be allowed; the Idempotency-Key makes retries safe.
const created = await checkout.fetch(
  new Request(`${origin}/checkout/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ order: 'order-1', method: 'card' }),
  }),
);
const { sessionId, redirectUrl } = await created.json();
console.log('session', created.status, redirectUrl); // session 201 http://127.0.0.1:3100/connectpay/… (the provider's page)

const session = await checkout.fetch(new Request(`${origin}/checkout/sessions/${sessionId}`));
const view = await session.json();
console.log('status', session.status, view.status); // status 200 pending

await checkout.close(); // stops the poller and closes the store it opened
// #endregion readme
