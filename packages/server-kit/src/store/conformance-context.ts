import type { CheckoutStore, NewSession } from './store.js';

/**
 * What the parts of the store conformance suite (`conformance.ts` and its `conformance-*.ts` siblings)
 * share: the one store opened for the whole suite, and makers of ids and sessions no other test uses.
 */
export interface ConformanceContext {
  /** The suite's store; valid inside tests (it is opened in the suite's `before`). */
  store(): CheckoutStore;
  /** An id no other test of this run uses: `${prefix}_${run}_${n}`. */
  unique(prefix: string): string;
  /** A fresh session input (1250 EUR, PIS at `connectpay`), with `overrides` applied. */
  newSession(overrides?: Partial<NewSession>): NewSession;
}
