// @pay-checkout/server-kit/conformance: the store conformance suite, for authors of a CheckoutStore.
// A separate entry point because it registers node:test suites, which production code must not import.
export { runStoreConformance } from './store/conformance.js';
