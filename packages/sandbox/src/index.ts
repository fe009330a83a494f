/**
 * @pay-checkout/sandbox: payment providers' stage environments played locally (ConnectPay under
 * `/connectpay`). Start it in-process with `startSandbox({port: 0})`, or run `npx pay-sandbox`.
 */

// Errors
export {
  BadRequestError,
  ConflictError,
  InjectedError,
  NotFoundError,
  PayloadTooLargeError,
  SandboxError,
  UnauthorizedError,
  UnprocessableError,
  ValidationFailedError,
} from './http/errors.js';
export { type BaasAccount, SANDBOX_BAAS } from './providers/connectpay/accounts.js';
export { SANDBOX_BANKS } from './providers/connectpay/banks.js';
export { type ConnectPayClient, SANDBOX_CLIENT } from './providers/connectpay/clients.js';
export { type ConnectPayPaymentDetails, SANDBOX_MERCHANT_CREDITOR } from './providers/connectpay/details.js';
// ConnectPay stage
export {
  type ConnectPayStage,
  type ConnectPayStageOptions,
  createConnectPayStage,
} from './providers/connectpay/index.js';
export { DEFAULT_KNOBS, type GlobalKnobs } from './providers/connectpay/knobs.js';
export {
  CONNECTPAY_LANGUAGES,
  CONNECTPAY_METHODS,
  CONNECTPAY_STATUSES,
  type ConnectPayLanguage,
  type ConnectPayMethod,
  type ConnectPayStatus,
  type ConnectPayStatusReason,
  FINAL_CONNECTPAY_STATUSES,
  type SandboxBank,
} from './providers/connectpay/model.js';
export {
  NOTIFICATION_SIGNATURE_HEADER,
  NotificationSignatureError,
  signNotification,
  verifyNotification,
} from './providers/connectpay/notification-signature.js';
export type { DeliveryAttempt } from './providers/connectpay/notifier.js';
// Signing: API v2 requests (RSA) and the sandbox-only notification signature (HMAC)
export {
  connectPayStringToSign,
  signConnectPayRequest,
  verifyConnectPayRequest,
} from './providers/connectpay/request-signature.js';
export {
  CONFIRMATION_CODE,
  FAKE_BANK_ID,
  FAKE_BANK_NAME,
  FAKE_BANK_PASSWORD,
  FAKE_BANK_USERNAME,
  MANUAL_REVIEW_AMOUNT,
  SIAULIU_BANK_ID,
  SIAULIU_BANK_NAME,
  TEST_CARDS,
} from './providers/connectpay/test-data.js';
export {
  createProviderRegistry,
  type FetchHandler,
  type ProviderRegistry,
  type ProviderStage,
} from './providers/registry.js';
// Server
export { type RunningSandbox, type SandboxOptions, startSandbox } from './server.js';

// Test helpers
export {
  type ApiAnswer,
  type ConnectPayTestClient,
  connectPayTestClient,
  type InitiateAnswer,
  type TestClientCredentials,
  type WidgetOutcome,
} from './testing.js';
