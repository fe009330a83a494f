/**
 * @pay-checkout/testing: Playwright fixtures for a merchant's own CI, on top of `startSandbox` from
 * `@pay-checkout/sandbox` (docs/testing-your-integration.md).
 */

// Fixtures: a sandbox per worker and a shopper per test
export { type CheckoutTestFixtures, expect, type SandboxWorkerFixtures, test } from './fixtures.js';
// Manual review at ConnectPay: the provider's risk team, played by the sandbox's admin API
export {
  approveManualReview,
  connectPayPayment,
  rejectManualReview,
  type SandboxPayment,
} from './manual-review.js';
// The sandbox's provider pages, for tests that drive them step by step
export {
  answerChallenge,
  connectPayWidget,
  fintectureConnect,
  futureExpiry,
  kitCardPage,
  paytechPaymentPage,
} from './provider-pages.js';
// Waiting for server-kit's verdict
export {
  readSession,
  type SessionView,
  type WaitForStatusOptions,
  waitForSessionStatus,
} from './session-status.js';
export { type ProviderVisit, Shopper } from './shopper.js';
// Every provider's test data with the outcome server-kit reports
export {
  type CardDatum,
  type ConnectPayBankDatum,
  type ConnectPayCancelDatum,
  type ExpectedOutcome,
  type FintectureBankDatum,
  MANUAL_REVIEW_ORDER,
  type SessionStatus,
  TEST_DATA,
  type TestBank,
  type TestDatum,
  type ThreeDs,
  type WalletDatum,
} from './test-data.js';
// Wallets: the browser made wallet-ready, the sheet played by the sandbox
export { simulateWallets } from './wallets.js';
