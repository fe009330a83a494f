// @pay-checkout/server-kit: the public API, grouped. docs/architecture.md.

// ── The checkout server ───────────────────────────────────────────────────────────────────────
export { type Checkout, createCheckout } from './checkout.js';
export type { CheckoutConfig, ResolvedOrder, WebhooksConfig } from './config.js';
// ── Errors (one base class; `code` and `status` are what the HTTP answer carries) ──────────────
export {
  CheckoutError,
  ConfigError,
  NotFoundError,
  OperationInProgressError,
  OperationRefusedError,
  OperationUnsupportedError,
  ProviderError,
  ProviderNotAllowedError,
  ProviderTimeoutError,
  ProviderUnavailableError,
  SignatureError,
  UnsafeRedirectError,
  ValidationError,
} from './errors.js';
export {
  BodyAlreadyReadError,
  ContinueNotAvailableError,
  IdempotencyInProgressError,
  IdempotencyKeyError,
  IdempotencyMismatchError,
  InvalidJsonError,
  InvalidOrderError,
  MerchantApiDisabledError,
  MethodNotAllowedError,
  MethodUnavailableError,
  OrderNotFoundError,
  OriginNotAllowedError,
  PayloadTooLargeError,
  ReturnNotResolvedError,
  RouteNotFoundError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from './http/http-errors.js';
// ── Logging ───────────────────────────────────────────────────────────────────────────────────
export { createLogger, scrubText } from './log.js';

// ── Money (minor units inside; decimal strings at the edges) ───────────────────────────────────
export { currencyExponent, toDecimalString, toMinorUnits } from './money.js';
export { type NodeHandler, toNodeHandler } from './node-handler.js';
// ── Routing, circuits and merchant operations ────────────────────────────────────────────────
export type { OperationOptions } from './operations/run-operation.js';
export { checkOperation, type OperationCheck, settlementAmounts } from './operations/settlement.js';
// ── Providers ─────────────────────────────────────────────────────────────────────────────────
export {
  type CardDetails,
  type CardEntryAdapter,
  type CardGatewayOptions,
  cardGateway,
  isCardEntryAdapter,
  signCardGatewayCallback,
} from './providers/cardgateway/index.js';
export { type ConnectPayOptions, connectpay } from './providers/connectpay/index.js';
export { type FintectureOptions, fintecture } from './providers/fintecture/index.js';
// The one provider HTTP client, for adapters written outside this package (docs/adding-a-provider.md).
export {
  type AuthStrategy,
  basicAuth,
  bearerAuth,
  createProviderClient,
  oauth2ClientCredentials,
  type ProviderClientOptions,
  ProviderRequestError,
  tokenFromEndpoint,
} from './providers/http/index.js';
export { type PaytechOptions, paytech, signPaytechTestPayload } from './providers/paytech/index.js';
export type {
  OperationInput,
  OperationOutcome,
  ParsedNotification,
  ProviderAdapter,
  ProviderCapabilities,
  ProviderData,
  ProviderInitiation,
  ProviderPaymentRef,
  ProviderSessionInput,
  ProviderStatus,
  ReturnTarget,
} from './providers/provider.js';
export type { ProviderHealth, ProvidersHealth } from './routing/circuit-breakers.js';
export type { RoutingRule } from './routing/routing-config.js';
export { OrderAlreadyPaidError } from './sessions/order-already-paid.js';
export { StoreDependencyMissingError } from './store/optional-peer.js';
// ── Store: the interface, the embedded default, PostgreSQL (the conformance suite: ./conformance) ─
export { type PgliteStoreOptions, pgliteStore } from './store/pglite-store.js';
export { type PostgresStoreOptions, postgresStore } from './store/postgres-store.js';
export type { SqlClient } from './store/sql-client.js';
export { sqlStore } from './store/sql-store.js';
export type {
  CheckoutStore,
  EventSource,
  IdempotencyClaim,
  NewSession,
  NotificationInput,
  PaymentEventRecord,
  SessionRecord,
  StatusEvent,
  StoredResponse,
  TransitionInput,
  TransitionResult,
  WebhookDeliveryRecord,
} from './store/store.js';
export { SessionNotFoundError, StoreConflictError, StoreLockedError } from './store/store-errors.js';
// ── Fulfil orders: payment events, merchant webhooks (Standard Webhooks, docs/fulfil-orders.md) ─
export {
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  webhookHeaders,
} from './webhooks/signature.js';
