import type { Money, PaymentMethod } from '@pay-checkout/contract';
import type { WalletMethod, WalletUnavailableReason } from './wallets.js';

/** `pay-checkout-loading`: the element started loading its options, with nothing to show yet. */
export type LoadingDetail = Record<string, never>;

/**
 * `pay-checkout-ready`: options are loaded and the element is interactive. `methods` are the ones shown
 * at that moment: a wallet the browser has not answered for yet is not among them (it joins later with
 * `pay-checkout-wallet-available`), unless it is the preselected `method`, which ready waits for.
 */
export interface ReadyDetail {
  methods: PaymentMethod[];
  amount: Money;
  mode: 'live' | 'sandbox';
}

/** `pay-checkout-change`: the shopper (or a property) changed the method, bank or language. */
export interface ChangeDetail {
  method?: PaymentMethod;
  bank?: string;
  language: string;
  /** The bank's country, once known (ISO 3166-1 alpha-2). */
  country?: string;
}

/** `pay-checkout-submit` (cancelable): about to open a session; `preventDefault()` vetoes it. */
export interface SubmitDetail {
  order: string;
  method: PaymentMethod;
  bank?: string;
}

/** `pay-checkout-redirect` (cancelable): `preventDefault()` and navigate to `url` yourself (SPAs). */
export interface RedirectDetail {
  url: string;
  sessionId: string;
}

/** `pay-checkout-error`: something failed; `retryable` says whether "Try again" can help. */
export interface ErrorDetail {
  code: string;
  message: string;
  retryable: boolean;
}

/** `pay-checkout-wallet-unavailable`: a wallet the server offered is hidden in this browser. */
export interface WalletUnavailableDetail {
  method: WalletMethod;
  reason: WalletUnavailableReason;
}

/**
 * `pay-checkout-wallet-available`: the browser said it can pay with a wallet the server offered, and the
 * wallet joined the shown methods at its place in their order (server-kit lists wallets last, so by
 * default nothing the shopper sees moves); the element's `visibleMethods` lists them all.
 */
export interface WalletAvailableDetail {
  method: WalletMethod;
}

/** Each event's short name (the part after `pay-checkout-`) with its detail type. */
interface EventDetails {
  loading: LoadingDetail;
  ready: ReadyDetail;
  change: ChangeDetail;
  submit: SubmitDetail;
  redirect: RedirectDetail;
  error: ErrorDetail;
  'wallet-unavailable': WalletUnavailableDetail;
  'wallet-available': WalletAvailableDetail;
}

/** A short event name: `ready` stands for `pay-checkout-ready`. */
export type PayCheckoutEventName = keyof EventDetails;

/** Events added after release 0.1: they never had a colon name, so they have no deprecated alias. */
type NewEventName = 'loading' | 'wallet-available';

/**
 * Every event the element fires, by name, with its detail type. The names have no colon (Shoelace's
 * `sl-*` style), so every template syntax accepts them: JSX `onpay-checkout-ready`, Vue
 * `@pay-checkout-ready`, Svelte `onpay-checkout-ready`, Angular `(pay-checkout-ready)`.
 */
export type PayCheckoutEventMap = {
  [K in PayCheckoutEventName as `pay-checkout-${K}`]: CustomEvent<EventDetails[K]>;
};

/**
 * The names of release 0.1 (`pay-checkout:ready`, …), still fired after each new one for one more release.
 * @deprecated Listen to the `pay-checkout-*` names: a colon breaks JSX (`onpay-checkout:ready` is a
 * namespaced name), Angular (`(pay-checkout:ready)` reads as a global target) and Svelte.
 */
export type PayCheckoutDeprecatedEventMap = {
  [K in Exclude<PayCheckoutEventName, NewEventName> as `pay-checkout:${K}`]: CustomEvent<EventDetails[K]>;
};

/**
 * Fires one event as `pay-checkout-<name>`, then under its deprecated alias `pay-checkout:<name>` (with the
 * same detail), both bubbling and composed, so they leave any shadow root the element sits in. Returns
 * false when a listener of either name cancelled it (only `submit` and `redirect` are cancelable).
 * `loading` and `wallet-available` are new and have no alias.
 */
export function emit<K extends PayCheckoutEventName>(
  target: EventTarget,
  name: K,
  detail: EventDetails[K],
): boolean {
  const init = {
    detail,
    bubbles: true,
    composed: true,
    cancelable: name === 'submit' || name === 'redirect',
  };
  const proceed = target.dispatchEvent(new CustomEvent(`pay-checkout-${name}`, init));
  return (
    (name === 'loading' ||
      name === 'wallet-available' ||
      target.dispatchEvent(new CustomEvent(`pay-checkout:${name}`, init))) &&
    proceed
  );
}

declare global {
  interface GlobalEventHandlersEventMap extends PayCheckoutEventMap, PayCheckoutDeprecatedEventMap {}
}
