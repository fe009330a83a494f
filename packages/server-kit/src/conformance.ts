// @pay-checkout/server-kit/conformance: the conformance suites, for authors of a CheckoutStore and of a
// provider adapter. A separate entry point because they register node:test suites, which production
// code must not import.
export { type AdapterHarness, runAdapterConformance } from './providers/adapter-conformance.js';
export { runStoreConformance } from './store/conformance.js';
