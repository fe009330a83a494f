/**
 * What the shop sells. Amounts live here, in minor units, and nowhere else: an order's total is
 * computed from this list, never from anything a browser sends (docs/architecture.md, §7).
 */
export interface Product {
  sku: string;
  name: string;
  summary: string;
  description: string;
  /** Minor units (cents). */
  price: number;
  currency: 'EUR';
  /** Name of the inline illustration in `pages/product-art.ts`. */
  art: 'tee' | 'review';
}

export const CATALOGUE: readonly Product[] = [
  {
    sku: 'tee',
    name: 'Lumen organic tee',
    summary: 'Heavyweight organic cotton, screen-printed in Vilnius.',
    description:
      'A boxy, heavyweight T-shirt in 220 g/m² organic cotton with the Lumen mark printed on the chest. ' +
      'Pre-shrunk, unisex fit, sizes XS to XXL.',
    price: 1999,
    currency: 'EUR',
    art: 'tee',
  },
  {
    sku: 'review',
    name: 'Portfolio review session',
    summary: 'One hour with a senior designer, live and recorded.',
    description:
      'A one-hour video call in which a senior designer walks through your portfolio, with written notes ' +
      'afterwards. Payments for this service are checked manually by our payment provider.',
    price: 9999,
    currency: 'EUR',
    art: 'review',
  },
  {
    // Priced to show a provider's limits from the shop (docs/test-data.md, pay.tech): one is a deposit that
    // pay.tech's sandbox takes but whose full refund (over 10000) it refuses; two reach its deposit limit.
    sku: 'buyout',
    name: 'Studio buy-out',
    summary: 'The whole studio for a year: both of us, full time.',
    description:
      'Every hour of both designers for twelve months. Priced to show the payment providers’ limits: ' +
      'two of these are more than the pay.tech sandbox accepts in one payment.',
    price: 500_000_000,
    currency: 'EUR',
    art: 'review',
  },
];

export function findProduct(sku: string): Product | undefined {
  return CATALOGUE.find((product) => product.sku === sku);
}

/** Wallet top-up amounts the shop offers (minor units, EUR): a fixed list, so also never from the browser. */
export const TOP_UP_AMOUNTS: readonly number[] = [1000, 2500, 5000, 10000];
