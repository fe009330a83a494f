import type { PaymentMethod } from '@pay-checkout/contract';
import { pageMessages } from '../pages/locale.js';

/**
 * Method labels for `GET options`, in the asked language (the hosted pages' catalog, falling back to
 * English). The element labels methods from its own catalog by id; these are what a merchant's own UI
 * shows. Wallets keep their brand names in every language.
 */
export function methodLabels(language: string): Readonly<Record<PaymentMethod, string>> {
  const { messages } = pageMessages(language);
  return {
    pis: messages.methodPis,
    card: messages.methodCard,
    googlepay: 'Google Pay',
    applepay: 'Apple Pay',
  };
}

/** The English labels (what `GET options` answers without a language). */
export const METHOD_LABELS: Readonly<Record<PaymentMethod, string>> = methodLabels('en');
