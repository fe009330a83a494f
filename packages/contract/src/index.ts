// Error codes: every `{error: {code}}` the kit answers with (docs/error-codes.md)
export {
  ERROR_CODE_INFO,
  ERROR_CODES,
  type ErrorAudience,
  ErrorCode,
  type ErrorCodeInfo,
} from './error-codes.js';
// Merchant side: operations ledger, attempts, settlement (docs/architecture.md)
export {
  ATTEMPT_OUTCOMES,
  AttemptOutcome,
  AttemptView,
  MerchantSessionView,
  OPERATION_KINDS,
  OPERATION_STATUSES,
  OperationKind,
  OperationRequest,
  OperationResponse,
  OperationStatus,
  OperationView,
  SettlementAmounts,
} from './merchant.js';
// OpenAPI 3.1 of server-kit's HTTP contract, generated from these schemas (docs/openapi.json)
export {
  buildOpenApiDocument,
  OPENAPI_VERSION,
  type OpenApiOptions,
  openApiProblems,
} from './openapi/index.js';
// Merchant signals: payment events (onPaymentEvent, signed merchant webhooks) and the order view
export {
  MerchantOrderView,
  PAYMENT_EVENT_TYPES,
  PaymentEvent,
  PaymentEventData,
  PaymentEventType,
} from './payment-events.js';
// Status model
export {
  canTransition,
  FINAL_STATUSES,
  isFinalStatus,
  SESSION_STATUSES,
  SessionStatus,
  STATUS_REASONS,
  StatusReason,
  statusRank,
} from './status.js';
// Wire shapes (docs/architecture.md)
export {
  BankOption,
  CountryCode,
  CreateSessionRequest,
  CreateSessionResponse,
  CurrencyCode,
  ErrorBody,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_MAX,
  LanguageTag,
  MethodOption,
  Money,
  NextAction,
  OptionsQuery,
  OptionsResponse,
  OrderId,
  PAYMENT_METHODS,
  PaymentMethod,
  ProviderId,
  SessionView,
  STATUS_EVENT,
} from './wire.js';
