// A merchant's Node server, as small as it gets: the sandbox's ConnectPay stage, server-kit on the default
// (PGlite) store, one session opened through `checkout.fetch`. Type-checked without DOM libs
// (tsconfig.*.json), run transpiled (plain Node) and bundled by esbuild (tests/consumer/node-server.test.ts).
// It prints one line `RESULT {json}` after its logs.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type CreateSessionResponse, isFinalStatus, type SessionStatus } from '@pay-checkout/contract';
import { SANDBOX_CLIENT, startSandbox } from '@pay-checkout/sandbox';
import {
  type CheckoutStore,
  connectpay,
  createCheckout,
  pgliteStore,
  type ResolvedOrder,
} from '@pay-checkout/server-kit';

const sandbox = await startSandbox({ port: 0, providers: ['connectpay'] });
const origin = 'http://localhost:3000';
const orders = new Map<string, ResolvedOrder>([
  ['order-1', { amount: '19.99', currency: 'EUR', description: 'Tee', returnUrl: `${origin}/thanks` }],
]);
// STORE=memory: an explicit in-memory PGlite store; otherwise the default one (PAY_CHECKOUT_DATA or ./.pay-checkout).
const store: CheckoutStore | undefined =
  process.env.STORE === 'memory' ? pgliteStore({ memory: true }) : undefined;
const dataDir = process.env.PAY_CHECKOUT_DATA ?? '.pay-checkout';

const checkout = createCheckout({
  providers: [
    connectpay({
      baseUrl: sandbox.connectPayUrl,
      clientId: SANDBOX_CLIENT.clientId,
      clientSecret: SANDBOX_CLIENT.clientSecret,
      brandId: SANDBOX_CLIENT.brandId,
      privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
    }),
  ],
  resolveOrder: async (orderId) => orders.get(orderId),
  publicUrl: `${origin}/checkout`,
  allowedOrigins: [origin],
  poll: false,
  ...(store ? { store } : {}),
});
const dataDirAfterCreate = existsSync(dataDir);

const created = await checkout.fetch(
  new Request(`${origin}/checkout/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ order: 'order-1', method: 'card' }),
  }),
);
const session = (await created.json()) as CreateSessionResponse;
const view = await checkout.fetch(new Request(`${origin}/checkout/sessions/${session.sessionId}`));
const { status } = (await view.json()) as { status: SessionStatus };

console.log(
  `RESULT ${JSON.stringify({
    dataDirAfterCreate,
    dataDirAfterRequest: existsSync(dataDir),
    created: created.status,
    redirectsToSandbox: String(session.redirectUrl).startsWith(sandbox.url),
    status,
    final: isFinalStatus(status),
  })}`,
);
await checkout.close();
await sandbox.close();
