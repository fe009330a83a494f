import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { type Checkout, createCheckout } from '../../src/checkout.js';
import type { CheckoutConfig, ResolvedOrder } from '../../src/config.js';
import { toNodeHandler } from '../../src/node-handler.js';
import { pgliteStore } from '../../src/store/pglite-store.js';
import type { CheckoutStore } from '../../src/store/store.js';

/** The merchant origin the tests' "browser" requests come from. */
export const SHOP_ORIGIN = 'https://shop.test';

/** A merchant order book for `resolveOrder`; tests add or change orders freely. */
export function orderBook(initial: Record<string, ResolvedOrder> = {}): {
  orders: Map<string, ResolvedOrder>;
  resolveOrder: (id: string) => Promise<ResolvedOrder | undefined>;
  calls: string[];
  /**
   * A new order (a tee unless told otherwise) and its id: server-kit takes one payment per order, so a
   * test that pays several sessions gives each its own order.
   */
  fresh(order?: ResolvedOrder): string;
} {
  const orders = new Map(Object.entries(initial));
  const calls: string[] = [];
  let made = 0;
  return {
    orders,
    calls,
    fresh(order = TEE_ORDER) {
      const id = `order-fresh-${++made}`;
      orders.set(id, order);
      return id;
    },
    resolveOrder: async (id) => {
      calls.push(id);
      return orders.get(id);
    },
  };
}

export const TEE_ORDER: ResolvedOrder = {
  amount: '19.99',
  currency: 'EUR',
  description: 'Tee',
  returnUrl: `${SHOP_ORIGIN}/thanks`,
};

export interface KitServer {
  checkout: Checkout;
  store: CheckoutStore;
  /** The kit's base URL, e.g. `http://127.0.0.1:PORT/checkout`. */
  base: string;
  url(path: string): string;
  /** `POST sessions` as the element does it (Origin, JSON, Idempotency-Key). */
  createSession(body: unknown, key?: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A real node:http server running the kit through `toNodeHandler`, on a random port, with PGlite in
 * memory unless a store is given. The poller is off unless asked for, so tests drive time themselves.
 */
export async function startKit(
  config: Partial<CheckoutConfig> & Pick<CheckoutConfig, 'providers' | 'resolveOrder'>,
): Promise<KitServer> {
  let handler: ReturnType<typeof toNodeHandler> | undefined;
  const server: Server = createServer((req, res) => handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/checkout`;
  const store = config.store ?? pgliteStore({ memory: true });
  const checkout = createCheckout({
    publicUrl: base,
    allowedOrigins: [SHOP_ORIGIN],
    logger: pino({ level: process.env.KIT_LOG_LEVEL ?? 'silent' }),
    poll: false,
    ...config,
    store,
  });
  handler = toNodeHandler(checkout);
  await checkout.ready;
  let seq = 0;
  return {
    checkout,
    store,
    base,
    url: (path) => `${base}/${path}`,
    createSession: (body, key = `key-${Date.now()}-${++seq}`, headers = {}) =>
      fetch(`${base}/sessions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: SHOP_ORIGIN,
          'idempotency-key': key,
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await checkout.close();
      if (!config.store) await store.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
