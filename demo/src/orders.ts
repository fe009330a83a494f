import { randomBytes } from 'node:crypto';
import type { PaymentEvent } from '@pay-checkout/contract';
import { z } from 'zod';
import { CATALOGUE, findProduct, TOP_UP_AMOUNTS } from './catalogue.js';

/** `POST /api/orders` body (docs/testing.md). Only skus and quantities: prices come from the catalogue. */
export const CreateOrderBody = z.object({
  items: z
    .array(
      z.object({
        sku: z.enum(CATALOGUE.map((product) => product.sku) as [string, ...string[]]),
        qty: z.number().int().min(1).max(20),
      }),
    )
    .min(1)
    .max(10),
});
export type CreateOrderBody = z.infer<typeof CreateOrderBody>;

/** `POST /api/topups` body: one of the offered amounts into one of the shopper's wallet accounts. */
export const CreateTopUpBody = z.object({
  amount: z
    .number()
    .int()
    .refine((value) => TOP_UP_AMOUNTS.includes(value), 'is not an offered top-up amount'),
  creditorIban: z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/, 'must be an IBAN'),
});
export type CreateTopUpBody = z.infer<typeof CreateTopUpBody>;

export interface OrderLine {
  sku: string;
  name: string;
  qty: number;
  /** Minor units. */
  unitPrice: number;
}

export interface Order {
  id: string;
  kind: 'purchase' | 'topup';
  lines: OrderLine[];
  /** Minor units. */
  total: number;
  currency: string;
  description: string;
  /** Top-up orders only: the wallet account credited. */
  creditorIban?: string;
  createdAt: Date;
  /**
   * The order's payment as server-kit's fulfilment hook (`onPaymentEvent`) last told the shop: the
   * paying session once one paid, else the latest attempt the shop heard of. Never read from a URL.
   */
  payment?: OrderPayment;
  /** Second payments of this order that server-kit flagged (and gave back where the provider can). */
  duplicatePayments?: string[];
}

/** What the shop knows about the payment of an order (what the order page shows). */
export interface OrderPayment {
  sessionId: string;
  status: string;
  reason?: string;
}

const PAID = new Set(['authorized', 'succeeded']);

/** Order ids travel in URLs and in the element's `order` attribute: 72 random bits, URL-safe. */
function newOrderId(): string {
  return `ord-${randomBytes(9).toString('base64url')}`;
}

/**
 * The shop's orders, kept in memory: a demo shop forgets its orders on restart, which is fine
 * because server-kit keeps the payments (and `resolveOrder` answers 404 for a forgotten order).
 */
export class OrderBook {
  readonly #orders = new Map<string, Order>();
  /** Payment event ids already applied (the hook delivers at least once). */
  readonly #events = new Set<string>();

  createPurchase(body: CreateOrderBody): Order {
    const merged = new Map<string, number>();
    for (const item of body.items) merged.set(item.sku, (merged.get(item.sku) ?? 0) + item.qty);
    const lines: OrderLine[] = [...merged].map(([sku, qty]) => {
      const product = findProduct(sku);
      if (!product) throw new Error(`unknown sku ${sku}`); // unreachable: the schema lists the skus
      return { sku, name: product.name, qty, unitPrice: product.price };
    });
    const total = lines.reduce((sum, line) => sum + line.qty * line.unitPrice, 0);
    const id = newOrderId();
    const description = lines.map((line) => `${line.qty} × ${line.name}`).join(', ');
    return this.#save({
      id,
      kind: 'purchase',
      lines,
      total,
      currency: 'EUR',
      description,
      createdAt: new Date(),
    });
  }

  createTopUp(body: CreateTopUpBody): Order {
    const id = newOrderId();
    const lines = [{ sku: 'wallet-top-up', name: 'Lumen wallet top-up', qty: 1, unitPrice: body.amount }];
    return this.#save({
      id,
      kind: 'topup',
      lines,
      total: body.amount,
      currency: 'EUR',
      description: 'Lumen wallet top-up',
      creditorIban: body.creditorIban,
      createdAt: new Date(),
    });
  }

  get(id: string): Order | undefined {
    return this.#orders.get(id);
  }

  /**
   * Fulfilment: server-kit's `onPaymentEvent` (docs/server-kit.md, "Fulfil orders"). Idempotent per
   * event id, as the hook may hand an event over again. Once a session paid the order, later events of
   * other sessions never change its status; a `payment.duplicate` is only noted (server-kit gives the
   * money back where the provider can), never fulfilled.
   */
  applyPaymentEvent(event: PaymentEvent): void {
    if (this.#events.has(event.id)) return;
    this.#events.add(event.id);
    const order = this.#orders.get(event.data.orderId);
    if (!order) return; // forgotten on restart (the demo keeps orders in memory)
    const { sessionId, status, reason } = event.data;
    switch (event.type) {
      case 'payment.duplicate':
        order.duplicatePayments = [...(order.duplicatePayments ?? []), sessionId];
        return;
      case 'payment.refunded':
        return;
      case 'payment.processing':
      case 'payment.authorized':
      case 'payment.succeeded':
      case 'payment.failed':
      case 'payment.cancelled':
      case 'payment.expired': {
        const paid = order.payment !== undefined && PAID.has(order.payment.status);
        if (paid && order.payment?.sessionId !== sessionId) return;
        order.payment = reason === undefined ? { sessionId, status } : { sessionId, status, reason };
        return;
      }
      default: {
        const unexpected: never = event.type;
        throw new Error(`unknown payment event ${String(unexpected)}`);
      }
    }
  }

  /** Every order, newest first (the back office's list); a Map keeps insertion order. */
  list(): Order[] {
    return [...this.#orders.values()].reverse();
  }

  #save(order: Order): Order {
    this.#orders.set(order.id, order);
    return order;
  }
}
