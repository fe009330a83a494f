import type { MerchantOrderView } from '@pay-checkout/contract';
import type { KitContext } from '../sessions/kit-context.js';
import { merchantView } from './merchant-view.js';

/**
 * `GET merchant/orders/:orderId`: every session of the order (its payment attempts), newest first,
 * each as the merchant view with `duplicateOf` where it paid twice, and which one paid the order.
 * An order without sessions is `unpaid` with none (the kit does not know the merchant's order book).
 */
export async function orderView(context: KitContext, orderId: string): Promise<MerchantOrderView> {
  const sessions = await context.store.listSessionsByOrder(orderId);
  const views = await Promise.all(
    sessions.map(async (session) => ({
      ...(await merchantView(context, session)),
      ...(session.duplicateOf === undefined ? {} : { duplicateOf: session.duplicateOf }),
    })),
  );
  const first = (statuses: readonly string[]) =>
    sessions
      .filter((session) => session.duplicateOf === undefined && statuses.includes(session.status))
      .at(-1);
  const paid = first(['authorized', 'succeeded']);
  const status = paid ? 'paid' : first(['processing']) ? 'processing' : 'unpaid';
  return { orderId, status, ...(paid ? { paidSessionId: paid.id } : {}), sessions: views };
}
