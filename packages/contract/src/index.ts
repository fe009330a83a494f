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
// Wire shapes (DESIGN.md §5)
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
  OptionsQuery,
  OptionsResponse,
  OrderId,
  PAYMENT_METHODS,
  PaymentMethod,
  SessionView,
  STATUS_EVENT,
} from './wire.js';
