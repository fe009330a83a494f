/**
 * server-kit on plain node:http, with the ConnectPay sandbox.
 *
 *   npx pay-sandbox --port 3100 &                                   # the provider, locally
 *   npx tsx --conditions=source packages/server-kit/examples/node-http.ts
 *   open http://localhost:3000/checkout/pay/order-1                 # hosted checkout page
 *
 * Env: PORT (3000), CONNECTPAY_BASE_URL (the sandbox), CONNECTPAY_CLIENT_ID / _CLIENT_SECRET / _BRAND_ID /
 * _PRIVATE_KEY_PEM (default: the sandbox's built-in test client), PAY_CHECKOUT_DATA (./.pay-checkout).
 */
// #region readme
import { createServer } from 'node:http';
import { SANDBOX_CLIENT } from '@pay-checkout/sandbox';
import { connectpay, createCheckout, type ResolvedOrder, toNodeHandler } from '@pay-checkout/server-kit';

const port = Number(process.env.PORT ?? 3000);
const origin = `http://localhost:${port}`;

// Your order book. The kit asks it for amount and currency; the browser only ever sends the order id.
const orders = new Map<string, ResolvedOrder>([
  ['order-1', { amount: '19.99', currency: 'EUR', description: 'Tee', returnUrl: `${origin}/thanks` }],
  [
    'order-review',
    { amount: '99.99', currency: 'EUR', description: 'Manual review', returnUrl: `${origin}/thanks` },
  ],
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

const handleCheckout = toNodeHandler(checkout);
const server = createServer((req, res) => {
  if (req.url === '/checkout' || req.url?.startsWith('/checkout/')) return handleCheckout(req, res);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    req.url?.startsWith('/thanks')
      ? '<p>Thank you! <a href="/">Back to the shop</a></p>'
      : '<p><a href="/checkout/pay/order-1">Pay 19.99 EUR</a></p>',
  );
});

await checkout.ready;
server.listen(port, () => console.log(`shop on ${origin}, checkout on ${origin}/checkout`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void checkout.close().then(() => process.exit(0));
  });
}
// #endregion readme
