// The React component

// The element's types a React app uses with it, re-exported so one import serves
export type {
  ChangeDetail,
  CheckoutPhase,
  ErrorDetail,
  LoadingDetail,
  MessageOverrides,
  PayCheckout as PayCheckoutElement,
  ReadyDetail,
  RedirectDetail,
  SubmitDetail,
  WalletUnavailableDetail,
} from '@pay-checkout/element';
export {
  PAY_CHECKOUT_EVENTS,
  PayCheckout,
  type PayCheckoutEventProps,
  type PayCheckoutProps,
} from './pay-checkout.js';
