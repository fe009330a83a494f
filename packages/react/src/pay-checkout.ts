import { createComponent, type EventName } from '@lit/react';
import {
  type ChangeDetail,
  type ErrorDetail,
  type LoadingDetail,
  PayCheckout as PayCheckoutElement,
  type ReadyDetail,
  type RedirectDetail,
  type SubmitDetail,
  type WalletAvailableDetail,
  type WalletUnavailableDetail,
} from '@pay-checkout/element';
import * as React from 'react';

/**
 * The element's events as callback props: `onReady` listens to `pay-checkout-ready`, and so on
 * (docs/element.md, "Events"). @lit/react adds them with `addEventListener`, so React 18, which
 * never attaches `on*` props to custom elements, calls them too.
 */
export const PAY_CHECKOUT_EVENTS = {
  onLoading: 'pay-checkout-loading' as EventName<CustomEvent<LoadingDetail>>,
  onReady: 'pay-checkout-ready' as EventName<CustomEvent<ReadyDetail>>,
  onChange: 'pay-checkout-change' as EventName<CustomEvent<ChangeDetail>>,
  onSubmit: 'pay-checkout-submit' as EventName<CustomEvent<SubmitDetail>>,
  onRedirect: 'pay-checkout-redirect' as EventName<CustomEvent<RedirectDetail>>,
  onError: 'pay-checkout-error' as EventName<CustomEvent<ErrorDetail>>,
  onWalletUnavailable: 'pay-checkout-wallet-unavailable' as EventName<CustomEvent<WalletUnavailableDetail>>,
  onWalletAvailable: 'pay-checkout-wallet-available' as EventName<CustomEvent<WalletAvailableDetail>>,
};

type Events = typeof PAY_CHECKOUT_EVENTS;

/** The element's properties a parent sets; the rest of its class is read-only state or methods. */
type SettableProperty =
  | 'endpoint'
  | 'order'
  | 'methods'
  | 'method'
  | 'country'
  | 'language'
  | 'bank'
  | 'provider'
  | 'disabled'
  | 'messages'
  | 'options';

/** `onReady`, `onSubmit`, …: each called with the element's typed `CustomEvent`. */
export type PayCheckoutEventProps = {
  [K in keyof Events]?: (event: Events[K]['__eventType']) => void;
};

/**
 * Props of `<PayCheckout>`: the element's properties (set as properties, so `messages` and `options`
 * arrive as objects), its events as callbacks, and the usual HTML attributes (`id`, `className`, …).
 * A `ref` is the `<pay-checkout>` element itself (`ref.current.submit()`).
 */
export type PayCheckoutProps = Partial<Pick<PayCheckoutElement, SettableProperty>> &
  PayCheckoutEventProps &
  Omit<React.HTMLAttributes<PayCheckoutElement>, keyof Events | SettableProperty> &
  React.RefAttributes<PayCheckoutElement>;

/**
 * `<pay-checkout>` as a React component, for React 18 and 19. Importing this module registers the
 * element (it imports `@pay-checkout/element`); rendering on the server prints the plain tag.
 */
export const PayCheckout: React.ForwardRefExoticComponent<PayCheckoutProps> = createComponent({
  react: React,
  tagName: 'pay-checkout',
  elementClass: PayCheckoutElement,
  events: PAY_CHECKOUT_EVENTS,
  displayName: 'PayCheckout',
});
