import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BackOffice } from '../back-office/back-office.js';
import type { Cart } from '../cart.js';
import type { DemoConfig } from '../config.js';
import type { OrderBook } from '../orders.js';

/** Everything the shop's routes need, wired once in `app.ts`. */
export interface ShopDeps {
  config: DemoConfig;
  orders: OrderBook;
  /** Where server-kit is mounted on the shop's origin. */
  checkoutPath: string;
  /**
   * The status history server-kit recorded for a payment (the shop's back-office view; e2e uses it to
   * prove each provider notification was applied once). `undefined` for an unknown session.
   */
  paymentHistory(sessionId: string): Promise<PaymentHistory | undefined>;
  /** SRI hash of the script-tag build, when the element build published one. */
  elementIntegrity(): Promise<string | undefined>;
  /** The back office (`/back-office`); absent when no merchant key is configured, and then it is off. */
  backOffice?: BackOffice;
}

export interface PaymentHistory {
  sessionId: string;
  orderId: string;
  status: string;
  reason?: string;
  events: { status: string; reason?: string; source: string; providerStatus?: string; at: string }[];
}

/** One request, parsed once. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  cart: Cart;
  deps: ShopDeps;
}

/** A route answers (true) or passes (false) to the next one. */
export type Route = (ctx: RouteContext) => Promise<boolean>;
