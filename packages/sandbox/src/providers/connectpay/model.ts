/**
 * The ConnectPay stage, as the sandbox models it: one payment record per initiated payment, the
 * statuses it walks through, and the operations the API, the hosted widget pages and the admin API
 * perform on it. The API side (`api.ts`, `book.ts`) implements `PaymentBook`; the widget pages
 * (`pages/`) only call it, so both halves agree on one state machine.
 *
 * Statuses: ConnectPay documents only `PendingProvider` (packages/sandbox/README.md, ConnectPay's wire). The rest of the enum
 * is our choice, documented in the sandbox README.
 */
import type { CardError, CardInput } from '../../shared/cards/card-rules.js';
import type { NotificationKnobs } from '../../shared/knobs/knob-board.js';

export type { CardInput } from '../../shared/cards/card-rules.js';

export const CONNECTPAY_STATUSES = [
  'Initiated', // created by Initiate Payment; the shopper has not finished at the widget yet
  'Pending', // the shopper authorised; the bank / card scheme has not settled yet
  'PendingProvider', // stopped for manual review (99.99 EUR); an admin approves or rejects it
  'Completed', // final: money moved
  'Rejected', // final: declined by the issuer / bank, or by manual review (statusReason says why)
  'Cancelled', // final: the shopper cancelled at the widget
  'Failed', // final: authentication (SCA / 3-D Secure) failed or a technical error
  'Expired', // final: the shopper never finished within the widget's lifetime
] as const;
export type ConnectPayStatus = (typeof CONNECTPAY_STATUSES)[number];

export const FINAL_CONNECTPAY_STATUSES: readonly ConnectPayStatus[] = [
  'Completed',
  'Rejected',
  'Cancelled',
  'Failed',
  'Expired',
];

/** Machine-readable reasons carried in `payment.statusReason` next to a final or review status. */
export type ConnectPayStatusReason =
  | 'InsufficientFunds'
  | 'StolenCard'
  | 'ManualReview'
  | 'ManualReviewRejected'
  | 'AuthenticationFailed'
  | 'CancelledByConsumer'
  | 'TopUpCardDeclined';

/** Payment methods as ConnectPay spells them on the wire. */
export const CONNECTPAY_METHODS = ['PIS', 'CARD', 'GooglePay', 'ApplePay'] as const;
export type ConnectPayMethod = (typeof CONNECTPAY_METHODS)[number];

/** Widget languages (ConnectPay: `EN DE NL FI SV LT`); the sandbox pages exist in en, de, lt. */
export const CONNECTPAY_LANGUAGES = ['EN', 'DE', 'NL', 'FI', 'SV', 'LT'] as const;
export type ConnectPayLanguage = (typeof CONNECTPAY_LANGUAGES)[number];

/** Where the shopper is in the hosted widget. */
export type WidgetStep =
  | 'choose-method'
  | 'choose-bank'
  | 'bank-login'
  | 'bank-code'
  | 'card'
  | 'three-ds'
  | 'wallet'
  | 'done';

export interface HistoryEntry {
  at: string; // ISO time
  status: ConnectPayStatus;
  statusReason?: ConnectPayStatusReason;
  note: string; // human-readable: "bank login failed", "3-D Secure challenge passed", …
}

/** Per-payment test knobs (the admin API sets defaults; Initiate may override via `X-Sandbox-*`). */
export type PaymentKnobs = NotificationKnobs;

export interface SandboxPayment {
  paymentId: string;
  /** Widget key: the `key` query parameter of `redirectUrl`. */
  key: string;
  kind: 'merchant' | 'topup';
  clientId: string;
  /** Methods the merchant allowed (`payment.paymentMethod`); several → a method-choice step. */
  allowedMethods: ConnectPayMethod[];
  /** The method finally used (set when only one was allowed, or when the shopper chooses). */
  method?: ConnectPayMethod;
  providerCountryCode?: string;
  /** The shopper's bank (ConnectPay "provider"); preselected by the merchant or chosen at the widget. */
  providerId?: string;
  language: ConnectPayLanguage;
  amount: string; // major units, as on the wire: "19.99"
  currency: string;
  remittanceInformationUnstructured?: string;
  merchantReference?: string;
  endToEndId?: string;
  generic: { generic1?: string; generic2?: string; generic3?: string };
  /** The merchant's return address: the "Return to merchant" button goes here. */
  redirectUrl: string;
  notificationUrl?: string;
  /** Top-up only: the creditor IBAN that is credited. */
  creditorIban?: string;
  consumer?: { firstName?: string; lastName?: string; ipAddress?: string };
  status: ConnectPayStatus;
  statusReason?: ConnectPayStatusReason;
  step: WidgetStep;
  /** Card payments: what may be shown (never the full number, never the CVC). */
  card?: { brand: string; last4: string };
  /** Failed attempts at the current step (wrong password, wrong code), for display. */
  attempts: number;
  knobs: PaymentKnobs;
  history: HistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

/** Outcome of one widget action, for the page to render the next step or an error. */
export type WidgetResult =
  | { ok: true; payment: SandboxPayment }
  | { ok: false; error: WidgetError; payment: SandboxPayment };

export type WidgetError =
  | 'unknown_method'
  | 'unknown_bank'
  | 'wrong_credentials'
  | 'wrong_code'
  | CardError
  | 'wrong_step'
  | 'already_final'
  | 'method_not_allowed';

/** A bank the shopper can pick for PIS: a bank of the shared directory under ConnectPay's provider id. */
export interface SandboxBank {
  providerId: string;
  /** The bank's id in the shared bank directory (`shared/banks/bank-directory.ts`). */
  bankId: string;
  name: string;
  countryCode: string;
  bic: string;
  /** Stage banks with a working front end; others are listed for realism and succeed too. */
  stage?: boolean;
}

/**
 * All state-changing operations on sandbox payments. Every transition is checked against the state
 * machine (illegal ones throw `IllegalTransitionError`, answered 409 by the API) and recorded in
 * `history`, and each status change schedules a notification to `notificationUrl`.
 */
export interface PaymentBook {
  /** API: Initiate Payment / top-up. Validation of the request happened before (zod, accounts). */
  create(input: NewPayment): SandboxPayment;
  /** Admin: approve a payment in manual review (`PendingProvider` → `Completed`). */
  approve(paymentId: string): SandboxPayment;
  /** Admin: reject a payment in manual review (`PendingProvider` → `Rejected`, `ManualReviewRejected`). */
  reject(paymentId: string): SandboxPayment;
  /** Admin: change a payment's knobs. */
  setKnobs(paymentId: string, knobs: Partial<PaymentKnobs>): SandboxPayment;
  /** Called after every status change (the notifier subscribes). Returns an unsubscribe function. */
  onStatusChange(listener: (payment: SandboxPayment, previous: ConnectPayStatus) => void): () => void;
  /** Admin: forget every payment. */
  reset(): void;
  get(paymentId: string): SandboxPayment | undefined;
  byKey(key: string): SandboxPayment | undefined;
  /** Copies of the payments `filter` keeps (all without one); filtered first, so a lookup copies only hits. */
  list(filter?: (payment: Readonly<SandboxPayment>) => boolean): SandboxPayment[];
  banks(countryCode?: string): SandboxBank[];
  /** Widget: choose a method when several were allowed. */
  chooseMethod(key: string, method: ConnectPayMethod): WidgetResult;
  /** Widget: choose the shopper's bank (PIS). */
  chooseBank(key: string, providerId: string): WidgetResult;
  /** Widget: bank login. Fake Bank accepts only `username` / `secret`; other banks accept any non-empty pair. */
  bankLogin(key: string, username: string, password: string): WidgetResult;
  /** Widget: SCA confirmation code (`123456`). */
  bankCode(key: string, code: string): WidgetResult;
  /** Widget: card form (Luhn and expiry checked); decides challenge / frictionless / decline. */
  submitCard(key: string, card: CardInput): WidgetResult;
  /** Widget: the 3-D Secure challenge page; `pass=false` means the shopper failed or aborted it. */
  completeThreeDS(key: string, pass: boolean): WidgetResult;
  /** Widget: the simulated Google Pay / Apple Pay sheet was confirmed. */
  confirmWallet(key: string): WidgetResult;
  /** Widget: the shopper pressed Cancel. */
  cancel(key: string): WidgetResult;
}

/** What `create` needs; `book` fills in ids, key, status `Initiated`, step, history, timestamps. */
export type NewPayment = Omit<
  SandboxPayment,
  | 'paymentId'
  | 'key'
  | 'status'
  | 'statusReason'
  | 'step'
  | 'attempts'
  | 'history'
  | 'createdAt'
  | 'updatedAt'
  | 'method'
  | 'card'
> & { method?: ConnectPayMethod };

export class IllegalTransitionError extends Error {
  readonly code = 'illegal_state_transition';
  constructor(
    readonly from: ConnectPayStatus,
    readonly to: ConnectPayStatus,
  ) {
    super(`A payment in status ${from} cannot move to ${to}.`);
    this.name = 'IllegalTransitionError';
  }
}
