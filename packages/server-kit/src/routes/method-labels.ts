import type { PaymentMethod } from '@pay-checkout/contract';

/**
 * Default English labels for `GET options`. The element translates by method id; these are what a
 * merchant's own UI (or a screen reader before the element's locale loads) shows.
 */
export const METHOD_LABELS: Readonly<Record<PaymentMethod, string>> = {
  pis: 'Bank payment',
  card: 'Card',
  googlepay: 'Google Pay',
  applepay: 'Apple Pay',
};
