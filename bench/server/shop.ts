import type { ResolvedOrder } from '@pay-checkout/server-kit';

/** The merchant origin the bench's "browser" requests come from (allowed by the kit). */
export const SHOP_ORIGIN = 'https://shop.test';

/** Every bench order: the same as server-kit's tests use. */
export const TEE_ORDER: ResolvedOrder = {
  amount: '19.99',
  currency: 'EUR',
  description: 'Tee',
  returnUrl: `${SHOP_ORIGIN}/thanks`,
};

/** Visa, frictionless (docs/test-data.md): one card post moves the payment to Completed. */
export const FRICTIONLESS_CARD = '4485040371536584';
