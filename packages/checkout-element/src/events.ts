import type { Money, PaymentMethod } from '@pay-checkout/contract';
import type { WalletMethod, WalletUnavailableReason } from './wallets.js';

/** `pay-checkout:ready`: options are loaded and the element is interactive. */
export interface ReadyDetail {
  methods: PaymentMethod[];
  amount: Money;
  mode: 'live' | 'sandbox';
}

/** `pay-checkout:change`: the shopper (or a property) changed the method, bank or language. */
export interface ChangeDetail {
  method?: PaymentMethod;
  bank?: string;
  language: string;
  /** The bank's country, once known (ISO 3166-1 alpha-2). */
  country?: string;
}

/** `pay-checkout:submit` (cancelable): about to open a session; `preventDefault()` vetoes it. */
export interface SubmitDetail {
  order: string;
  method: PaymentMethod;
  bank?: string;
}

/** `pay-checkout:redirect` (cancelable): `preventDefault()` and navigate to `url` yourself (SPAs). */
export interface RedirectDetail {
  url: string;
  sessionId: string;
}

/** `pay-checkout:error`: something failed; `retryable` says whether "Try again" can help. */
export interface ErrorDetail {
  code: string;
  message: string;
  retryable: boolean;
}

/** `pay-checkout:wallet-unavailable`: a wallet the server offered is hidden in this browser. */
export interface WalletUnavailableDetail {
  method: WalletMethod;
  reason: WalletUnavailableReason;
}

/** Every event the element fires, by name, with its detail type. */
export interface PayCheckoutEventMap {
  'pay-checkout:ready': CustomEvent<ReadyDetail>;
  'pay-checkout:change': CustomEvent<ChangeDetail>;
  'pay-checkout:submit': CustomEvent<SubmitDetail>;
  'pay-checkout:redirect': CustomEvent<RedirectDetail>;
  'pay-checkout:error': CustomEvent<ErrorDetail>;
  'pay-checkout:wallet-unavailable': CustomEvent<WalletUnavailableDetail>;
}

type DetailOf<K extends keyof PayCheckoutEventMap> = PayCheckoutEventMap[K]['detail'];

const CANCELABLE = ['pay-checkout:submit', 'pay-checkout:redirect'];

/**
 * Fires one `pay-checkout:*` event: bubbling and composed, so it leaves any shadow root the element
 * sits in. Returns false when a listener cancelled it (only `submit` and `redirect` are cancelable).
 */
export function emit<K extends keyof PayCheckoutEventMap>(
  target: EventTarget,
  name: K,
  detail: DetailOf<K>,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: CANCELABLE.includes(name) }),
  );
}

declare global {
  interface GlobalEventHandlersEventMap extends PayCheckoutEventMap {}
}
