import { CheckoutError } from '../errors.js';
import { merchantReturnHref } from '../pages/return-url.js';
import type { KitContext } from './kit-context.js';
import type { KitOrder } from './order.js';
import { allowedReturnUrl } from './redirect-policy.js';

/**
 * `POST sessions` for an order that already has a processing, authorized or succeeded payment: 409
 * `order_already_paid`. The body adds `returnUrl`, the merchant's return URL with `?session=` of the
 * session that paid (allow-listed like the return page's button), so the element can offer the way back.
 */
export class OrderAlreadyPaidError extends CheckoutError {
  constructor(readonly returnUrl: string | undefined) {
    super('order_already_paid', 409, 'This order is already paid (or its payment is being completed).');
  }
}

export function orderAlreadyPaid(
  context: KitContext,
  order: KitOrder,
  paidSessionId: string,
): OrderAlreadyPaidError {
  const allowed = allowedReturnUrl(
    order.returnUrl,
    context.config.returnUrlHosts,
    context.config.allowHttpReturnUrls,
  );
  return new OrderAlreadyPaidError(allowed && merchantReturnHref(allowed, paidSessionId));
}
