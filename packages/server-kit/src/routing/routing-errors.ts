import { CheckoutError } from '../errors.js';

/**
 * The shopper or merchant pinned a provider (`provider` in `POST sessions`, `?provider=` on the pay
 * page) that the route for this payment does not include: unknown, not configured for the method,
 * country or currency, or unable to serve the order (e.g. no top-ups).
 */
export class ProviderNotAllowedError extends CheckoutError {
  constructor(providerId: string, method: string) {
    super(
      'provider_not_allowed',
      400,
      `Provider "${providerId.slice(0, 64)}" is not allowed for ${method} payments of this order.`,
    );
  }
}
