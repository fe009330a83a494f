/**
 * The sandbox's ConnectPay payment book: every payment, its one state machine, and the stage's test
 * outcomes (docs/test-data.md, the wire contract's "Journeys"). The API, the admin API and the
 * widget pages all go through it, so they cannot disagree about what a payment may do next.
 *
 * The book hands out copies: callers (the API, the notifier holding a notification for later) can
 * keep what they got without seeing later changes or changing the book by accident.
 */
import { randomUUID } from 'node:crypto';
import { checkCard } from '../../shared/cards/card-rules.js';
import { findTestCard } from '../../shared/cards/test-cards.js';
import { banksOf, findBank, SANDBOX_BANKS } from './banks.js';
import {
  type CardInput,
  CONNECTPAY_METHODS,
  type ConnectPayMethod,
  type ConnectPayStatus,
  type ConnectPayStatusReason,
  FINAL_CONNECTPAY_STATUSES,
  IllegalTransitionError,
  type NewPayment,
  type PaymentBook,
  type PaymentKnobs,
  type SandboxPayment,
  type WidgetError,
  type WidgetResult,
  type WidgetStep,
} from './model.js';
import {
  CONFIRMATION_CODE,
  CONNECTPAY_CARD_TABLE,
  FAKE_BANK_ID,
  FAKE_BANK_PASSWORD,
  FAKE_BANK_USERNAME,
  MANUAL_REVIEW_AMOUNT,
} from './test-data.js';

/** Raised when an operation names a payment (by id or widget key) the book does not hold. */
export class PaymentNotFoundError extends Error {
  readonly code = 'payment_not_found';
  readonly status = 404;
  constructor(what: string, options?: { cause?: unknown }) {
    super(`No sandbox payment with ${what}.`, options);
    this.name = 'PaymentNotFoundError';
  }
}

/**
 * Which status may follow which. Final statuses allow nothing. `PendingProvider` (manual review) is left
 * only by an admin's approve / reject, or by expiry.
 */
const TRANSITIONS: Record<ConnectPayStatus, readonly ConnectPayStatus[]> = {
  Initiated: ['Pending', 'PendingProvider', 'Completed', 'Rejected', 'Cancelled', 'Failed', 'Expired'],
  Pending: ['PendingProvider', 'Completed', 'Rejected', 'Cancelled', 'Failed', 'Expired'],
  PendingProvider: ['Completed', 'Rejected', 'Expired'],
  Completed: [],
  Rejected: [],
  Cancelled: [],
  Failed: [],
  Expired: [],
};

export function canTransition(from: ConnectPayStatus, to: ConnectPayStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isFinalStatus(status: ConnectPayStatus): boolean {
  return FINAL_CONNECTPAY_STATUSES.includes(status);
}

const DEFAULT_KNOBS: PaymentKnobs = {
  notificationDelayMs: 0,
  duplicateNotifications: false,
  reorderNotifications: false,
};

/** `PaymentBook` plus the sandbox-only operations the admin API and the notifier need. */
export interface SandboxPaymentBook extends PaymentBook {
  /** Adds a history line without a status change (the notifier records each delivery attempt here). */
  addNote(paymentId: string, note: string): SandboxPayment;
  /** Ends a payment the shopper never finished (`Expired`); throws from final statuses or manual review. */
  expire(paymentId: string): SandboxPayment;
}

export function createPaymentBook(options: { now?: () => Date } = {}): SandboxPaymentBook {
  const now = options.now ?? (() => new Date());
  const payments = new Map<string, SandboxPayment>();
  const keys = new Map<string, string>(); // widget key → paymentId
  const listeners = new Set<(payment: SandboxPayment, previous: ConnectPayStatus) => void>();

  const stamp = (): string => now().toISOString();

  function note(payment: SandboxPayment, text: string): void {
    const at = stamp();
    payment.history.push({
      at,
      status: payment.status,
      ...(payment.statusReason ? { statusReason: payment.statusReason } : {}),
      note: text,
    });
    payment.updatedAt = at;
  }

  function move(
    payment: SandboxPayment,
    to: ConnectPayStatus,
    reason: ConnectPayStatusReason | undefined,
    text: string,
  ): void {
    const previous = payment.status;
    if (!canTransition(previous, to)) throw new IllegalTransitionError(previous, to);
    payment.status = to;
    if (reason) payment.statusReason = reason;
    else delete payment.statusReason;
    if (isFinalStatus(to) || to === 'PendingProvider') payment.step = 'done';
    note(payment, text);
    const snapshot = structuredClone(payment);
    for (const listener of listeners) {
      // One failing subscriber must not undo a status change the shopper already saw, nor stop the others.
      try {
        listener(structuredClone(snapshot), previous);
      } catch (error) {
        console.error('connectpay sandbox: a status listener failed', error);
      }
    }
  }

  /** Where a payment would complete: the stage stops exactly 99.99 EUR for manual review instead. */
  function complete(payment: SandboxPayment, text: string): void {
    if (isManualReviewAmount(payment.amount, payment.currency)) {
      move(
        payment,
        'PendingProvider',
        'ManualReview',
        `${text}; ${MANUAL_REVIEW_AMOUNT.amount} ${MANUAL_REVIEW_AMOUNT.currency}: stopped for manual review`,
      );
    } else {
      move(payment, 'Completed', undefined, text);
    }
  }

  function byIdOrThrow(paymentId: string): SandboxPayment {
    const payment = payments.get(paymentId);
    if (!payment) throw new PaymentNotFoundError(`id ${paymentId}`);
    return payment;
  }

  function byKeyOrThrow(key: string): SandboxPayment {
    const paymentId = keys.get(key);
    const payment = paymentId === undefined ? undefined : payments.get(paymentId);
    if (!payment) throw new PaymentNotFoundError('this widget key');
    return payment;
  }

  /**
   * Runs one widget action: finds the payment, refuses it when the payment is final or elsewhere in the
   * journey, and otherwise lets `act` change it (returning a user error, or nothing on success).
   */
  function widgetAction(
    key: string,
    step: WidgetStep | readonly WidgetStep[],
    act: (payment: SandboxPayment) => WidgetError | undefined,
  ): WidgetResult {
    const payment = byKeyOrThrow(key);
    if (isFinalStatus(payment.status)) return { ok: false, error: 'already_final', payment: copy(payment) };
    const steps: readonly WidgetStep[] = typeof step === 'string' ? [step] : step;
    if (!steps.includes(payment.step)) return { ok: false, error: 'wrong_step', payment: copy(payment) };
    const error = act(payment);
    if (error) return { ok: false, error, payment: copy(payment) };
    return { ok: true, payment: copy(payment) };
  }

  function enterMethod(payment: SandboxPayment, method: ConnectPayMethod): void {
    payment.method = method;
    payment.step = firstStepOf(method, payment.providerId);
  }

  return {
    create(input: NewPayment): SandboxPayment {
      const at = stamp();
      const allowedMethods =
        input.allowedMethods.length > 0 ? [...input.allowedMethods] : [...CONNECTPAY_METHODS];
      const bank = input.providerId ? findBank(input.providerId) : undefined;
      const { method: requestedMethod, ...rest } = input;
      const payment: SandboxPayment = {
        ...structuredClone(rest),
        paymentId: randomUUID(),
        key: randomUUID(),
        allowedMethods,
        providerCountryCode: input.providerCountryCode?.toUpperCase() ?? bank?.countryCode,
        knobs: { ...DEFAULT_KNOBS, ...input.knobs },
        status: 'Initiated',
        step: 'choose-method',
        attempts: 0,
        history: [],
        createdAt: at,
        updatedAt: at,
      };
      if (payment.providerCountryCode === undefined) delete payment.providerCountryCode;
      const method = requestedMethod ?? (allowedMethods.length === 1 ? allowedMethods[0] : undefined);
      if (method) enterMethod(payment, method);
      note(payment, `${payment.kind === 'topup' ? 'top-up' : 'payment'} initiated`);
      payments.set(payment.paymentId, payment);
      keys.set(payment.key, payment.paymentId);
      return copy(payment);
    },

    approve(paymentId: string): SandboxPayment {
      const payment = byIdOrThrow(paymentId);
      // Initiated → Completed is a legal move for the widget, but an admin may approve only a review.
      if (payment.status !== 'PendingProvider') throw new IllegalTransitionError(payment.status, 'Completed');
      move(payment, 'Completed', undefined, 'manual review approved');
      return copy(payment);
    },

    reject(paymentId: string): SandboxPayment {
      const payment = byIdOrThrow(paymentId);
      if (payment.status !== 'PendingProvider') throw new IllegalTransitionError(payment.status, 'Rejected');
      move(payment, 'Rejected', 'ManualReviewRejected', 'manual review rejected');
      return copy(payment);
    },

    setKnobs(paymentId: string, knobs: Partial<PaymentKnobs>): SandboxPayment {
      const payment = byIdOrThrow(paymentId);
      payment.knobs = { ...payment.knobs, ...definedOnly(knobs) };
      note(payment, `knobs changed: ${JSON.stringify(knobs)}`);
      return copy(payment);
    },

    addNote(paymentId: string, text: string): SandboxPayment {
      const payment = byIdOrThrow(paymentId);
      note(payment, text);
      return copy(payment);
    },

    expire(paymentId: string): SandboxPayment {
      const payment = byIdOrThrow(paymentId);
      if (payment.status === 'PendingProvider') throw new IllegalTransitionError(payment.status, 'Expired');
      move(payment, 'Expired', undefined, 'widget lifetime ended before the shopper finished');
      return copy(payment);
    },

    onStatusChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    reset(): void {
      payments.clear();
      keys.clear();
    },

    get(paymentId: string): SandboxPayment | undefined {
      const payment = payments.get(paymentId);
      return payment ? copy(payment) : undefined;
    },

    byKey(key: string): SandboxPayment | undefined {
      const paymentId = keys.get(key);
      const payment = paymentId === undefined ? undefined : payments.get(paymentId);
      return payment ? copy(payment) : undefined;
    },

    list(filter?: (payment: Readonly<SandboxPayment>) => boolean): SandboxPayment[] {
      const all = [...payments.values()];
      return (filter ? all.filter(filter) : all).map(copy);
    },

    banks(countryCode?: string) {
      return countryCode ? banksOf(countryCode) : [...SANDBOX_BANKS];
    },

    chooseMethod(key: string, method: ConnectPayMethod): WidgetResult {
      return widgetAction(key, 'choose-method', (payment) => {
        if (!CONNECTPAY_METHODS.includes(method)) return 'unknown_method';
        if (!payment.allowedMethods.includes(method)) return 'method_not_allowed';
        enterMethod(payment, method);
        note(payment, `method chosen: ${method}`);
        return undefined;
      });
    },

    chooseBank(key: string, providerId: string): WidgetResult {
      return widgetAction(key, 'choose-bank', (payment) => {
        const bank = findBank(providerId);
        if (!bank) return 'unknown_bank';
        payment.providerId = bank.providerId;
        payment.providerCountryCode = bank.countryCode;
        payment.step = 'bank-login';
        payment.attempts = 0;
        note(payment, `bank chosen: ${bank.name}`);
        return undefined;
      });
    },

    bankLogin(key: string, username: string, password: string): WidgetResult {
      return widgetAction(key, 'bank-login', (payment) => {
        if (!acceptsLogin(payment.providerId, username, password)) {
          payment.attempts += 1;
          note(payment, 'bank login failed');
          return 'wrong_credentials';
        }
        payment.attempts = 0;
        payment.step = 'bank-code';
        move(payment, 'Pending', undefined, 'bank login succeeded; waiting for the confirmation code');
        return undefined;
      });
    },

    bankCode(key: string, code: string): WidgetResult {
      return widgetAction(key, 'bank-code', (payment) => {
        if (code.trim() !== CONFIRMATION_CODE) {
          payment.attempts += 1;
          note(payment, 'wrong confirmation code');
          return 'wrong_code';
        }
        payment.attempts = 0;
        complete(payment, 'confirmation code accepted (SCA passed)');
        return undefined;
      });
    },

    submitCard(key: string, input: CardInput): WidgetResult {
      return widgetAction(key, 'card', (payment) => {
        const checked = checkCard(input, now());
        if (!checked.ok) {
          payment.attempts += 1;
          note(payment, `card form rejected: ${checked.error}`);
          return checked.error;
        }
        // Only brand and last four digits are kept: the full number and the CVC never enter the book.
        payment.card = { brand: checked.brand, last4: checked.last4 };
        payment.attempts = 0;
        const outcome = cardOutcome(checked.digits, payment.kind);
        switch (outcome) {
          case 'InsufficientFunds':
            move(payment, 'Rejected', 'InsufficientFunds', 'card declined: insufficient funds');
            break;
          case 'StolenCard':
            move(payment, 'Rejected', 'StolenCard', 'card declined: reported stolen');
            break;
          case 'TopUpCardDeclined':
            move(payment, 'Rejected', 'TopUpCardDeclined', 'top-up card declined');
            break;
          case 'frictionless':
            complete(payment, '3-D Secure frictionless: authenticated without a challenge');
            break;
          case 'challenge':
            payment.step = 'three-ds';
            move(payment, 'Pending', undefined, 'card accepted; 3-D Secure challenge required');
            break;
          default: {
            const unsupported: never = outcome;
            throw new Error(`Unsupported card outcome ${String(unsupported)}`);
          }
        }
        return undefined;
      });
    },

    completeThreeDS(key: string, pass: boolean): WidgetResult {
      return widgetAction(key, 'three-ds', (payment) => {
        if (pass) complete(payment, '3-D Secure challenge passed');
        else move(payment, 'Failed', 'AuthenticationFailed', '3-D Secure challenge failed');
        return undefined;
      });
    },

    confirmWallet(key: string): WidgetResult {
      return widgetAction(key, 'wallet', (payment) => {
        complete(payment, `${payment.method ?? 'wallet'} sheet confirmed`);
        return undefined;
      });
    },

    cancel(key: string): WidgetResult {
      // Cancel exists on every step the shopper can still act on; the status page (done) has none.
      const open: readonly WidgetStep[] = [
        'choose-method',
        'choose-bank',
        'bank-login',
        'bank-code',
        'card',
        'three-ds',
        'wallet',
      ];
      return widgetAction(key, open, (payment) => {
        move(payment, 'Cancelled', 'CancelledByConsumer', 'cancelled by the shopper');
        return undefined;
      });
    },
  };
}

function copy(payment: SandboxPayment): SandboxPayment {
  return structuredClone(payment);
}

function firstStepOf(method: ConnectPayMethod, providerId: string | undefined): WidgetStep {
  switch (method) {
    case 'PIS':
      return providerId ? 'bank-login' : 'choose-bank';
    case 'CARD':
      return 'card';
    case 'GooglePay':
    case 'ApplePay':
      return 'wallet';
    default: {
      const unsupported: never = method;
      throw new Error(`Unsupported ConnectPay method ${String(unsupported)}`);
    }
  }
}

function acceptsLogin(providerId: string | undefined, username: string, password: string): boolean {
  if (providerId === FAKE_BANK_ID) return username === FAKE_BANK_USERNAME && password === FAKE_BANK_PASSWORD;
  return username.trim() !== '' && password !== '';
}

type CardOutcome = 'challenge' | 'frictionless' | 'InsufficientFunds' | 'StolenCard' | 'TopUpCardDeclined';

/** The stage's published card outcomes; any other valid card gets a challenge and succeeds. */
function cardOutcome(digits: string, kind: SandboxPayment['kind']): CardOutcome {
  const card = findTestCard(CONNECTPAY_CARD_TABLE, digits, kind);
  if (card?.decline) return card.decline;
  return card?.threeDs === 'frictionless' ? 'frictionless' : 'challenge';
}

/** Compared in minor units, so "99.99", "99.990" and "0099.99" all count. */
export function isManualReviewAmount(amount: string, currency: string): boolean {
  return (
    currency.toUpperCase() === MANUAL_REVIEW_AMOUNT.currency && minorUnits(amount) === MANUAL_REVIEW_MINOR
  );
}

/** `"99.990"` → 9999; undefined for anything that is not a decimal with at most 2 significant decimals. */
function minorUnits(amount: string): number | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return undefined;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return undefined;
  return Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
}

const MANUAL_REVIEW_MINOR = minorUnits(MANUAL_REVIEW_AMOUNT.amount);

function definedOnly<T extends object>(partial: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)) as Partial<T>;
}
