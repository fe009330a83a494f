// The element (registers <pay-checkout> on import)

// Errors reported in pay-checkout-error
export {
  CheckoutError,
  NetworkError,
  NoMethodsError,
  ResponseError,
  TimeoutError,
  UnsafeRedirectError,
} from './checkout-errors.js';
// Event types
export type {
  ChangeDetail,
  ErrorDetail,
  LoadingDetail,
  PayCheckoutDeprecatedEventMap,
  PayCheckoutEventMap,
  PayCheckoutEventName,
  ReadyDetail,
  RedirectDetail,
  SubmitDetail,
  WalletAvailableDetail,
  WalletUnavailableDetail,
} from './events.js';
// i18n
export { LOCALES, localeChain, resolveLocale } from './locale.js';
export { type MessageId, type MessageOverrides, SOURCE_MESSAGES } from './messages.js';
export { type CheckoutPhase, PayCheckout } from './pay-checkout.js';
// Wallets
export type { WalletMethod, WalletUnavailableReason } from './wallets.js';
