// The kit in its own process (started by bench/server/run.ts), wired like server-kit's own tests
// (test/helpers/connectpay-kit.ts, kit-server.ts): the ConnectPay adapter with the sandbox's built-in
// client (or, under `BENCH_PROVIDER=paytech`, the pay.tech adapter with the sandbox's test shop),
// PGlite in memory, poller off (so only notifications move sessions), node:http via toNodeHandler.
// It reports, over IPC, when each ConnectPay notification reached it.
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { paytechTestShop, SANDBOX_CLIENT } from '@pay-checkout/sandbox';
import {
  connectpay,
  createCheckout,
  type ProviderAdapter,
  paytech,
  pgliteStore,
  postgresStore,
  toNodeHandler,
} from '@pay-checkout/server-kit';
import { closeOnParentRequest } from './child-process.js';
import { SHOP_ORIGIN, TEE_ORDER } from './shop.js';
import { SpanRecorder } from './spans.js';
import { wallNow } from './stats.js';

/** The provider's stage on the sandbox (`{sandbox}/connectpay`, or `{sandbox}/paytech` under paytech). */
const sandboxUrl = process.env.BENCH_SANDBOX_URL;
if (!sandboxUrl) throw new Error('BENCH_SANDBOX_URL is required');
const providerKind = process.env.BENCH_PROVIDER === 'paytech' ? 'paytech' : 'connectpay';

const spans = new SpanRecorder();
/**
 * When each span take happened (µs of the monotonic clock V8's CPU profiles use), written beside the
 * profile under `BENCH_KIT_CPU_PROF` so a profile can be cut to one phase (e.g. the c=64 kit phase).
 */
const takenAtMicros: number[] = [];
process.on('message', (message: { type?: string }) => {
  if (message?.type !== 'spans') return;
  takenAtMicros.push(Number(process.hrtime.bigint() / 1000n));
  process.send?.({ type: 'spans', spans: spans.take() });
});

let handler: ReturnType<typeof toNodeHandler> | undefined;
const server = createServer((req, res) => {
  // Stamped before the kit sees the request: the notification → SSE figure starts here.
  if (req.method === 'POST' && req.url?.includes('/notifications/')) reportOnEnd(req, wallNow());
  const started = performance.now();
  const route = `${req.method} ${routeOf(req.url ?? '')}`;
  // SSE streams stay open for the whole session: not a request span.
  if (!route.endsWith('/events'))
    res.once('finish', () => spans.add(`http ${route}`, performance.now() - started));
  handler?.(req, res);
});

/** `/checkout/sessions/ses_…/events` → `sessions/:id/events`: spans per route, not per session. */
function routeOf(url: string): string {
  return url
    .replace(/^\/checkout\//, '')
    .replace(/\?.*$/, '')
    .replace(/^sessions\/[^/]+/, 'sessions/:id');
}
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkout`;
// `BENCH_PG_URL` (set by run.ts under BENCH_STORE=postgres): the PostgreSQL store, for comparison.
const store = process.env.BENCH_PG_URL
  ? postgresStore(process.env.BENCH_PG_URL)
  : pgliteStore({ memory: true });
const adapter: ProviderAdapter =
  providerKind === 'paytech'
    ? paytech({
        baseUrl: sandboxUrl,
        apiKey: paytechTestShop.apiKey,
        signingKey: paytechTestShop.signingKey,
        timeoutMs: 5000,
      })
    : connectpay({
        baseUrl: sandboxUrl,
        clientId: SANDBOX_CLIENT.clientId,
        clientSecret: SANDBOX_CLIENT.clientSecret,
        brandId: SANDBOX_CLIENT.brandId,
        privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
        timeoutMs: 5000,
      });
const checkout = createCheckout({
  providers: [spans.timed(adapter, 'provider')],
  resolveOrder: async () => TEE_ORDER,
  store: spans.timed(store, 'store'),
  publicUrl: base,
  allowedOrigins: [SHOP_ORIGIN],
  poll: false,
  logLevel: 'silent',
});

// The kit's own checkout object, as a merchant mounts it: toNodeHandler reads its bodies from node's
// request directly (a wrapper of `fetch` would get the generic bridge, with a web stream per body).
handler = toNodeHandler(checkout);
await checkout.ready;

/**
 * Reports a notification's arrival once the kit has read its body: the bytes are copied as node's
 * HTTP parser pushes them to the request (a `data` listener here would start the flow before the kit
 * listens, and the kit would miss them).
 */
function reportOnEnd(req: IncomingMessage, arrivedAt: number): void {
  const chunks: Buffer[] = [];
  const push = req.push;
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk) chunks.push(Buffer.from(chunk as Uint8Array));
    return push.call(req, chunk, encoding);
  };
  req.once('end', () => reportNotification(Buffer.concat(chunks).toString('utf8'), arrivedAt));
}

function reportNotification(text: string, arrivedAt: number): void {
  try {
    const body = JSON.parse(text) as {
      payment?: { status?: string };
      identifiers?: { merchantReference?: string };
    };
    const reference = body.identifiers?.merchantReference;
    const status = body.payment?.status;
    if (reference && status) process.send?.({ type: 'notification', reference, status, arrivedAt });
  } catch {
    // Not a notification we can attribute; the bench then times that session out and says so.
  }
}

closeOnParentRequest(async () => {
  const profileDir = process.env.BENCH_KIT_CPU_PROF;
  if (profileDir)
    writeFileSync(`${profileDir}/span-takes-${process.pid}.json`, JSON.stringify(takenAtMicros));
  await checkout.close();
  await store.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
process.send?.({ type: 'ready', url: base });
