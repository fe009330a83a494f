/**
 * The stage's payments and every move they make: the hosted page's card form and 3-D Secure step, the
 * shopper's cancel, an abandoned checkout, capture and void of a pre-authorization, and refunds as
 * child payments. The API, the pages and the admin routes call these; listeners hear every state change
 * (the notifier sends webhooks from them).
 */
import { randomBytes } from 'node:crypto';
import { type CardInput, checkCard } from '../../shared/cards/card-rules.js';
import { findTestCard } from '../../shared/cards/test-cards.js';
import type { NotificationKnobs } from '../../shared/knobs/knob-board.js';
import { toMajor } from './amounts.js';
import { PaytechApiError } from './errors.js';
import {
  FINAL_PAYTECH_STATES,
  type PaytechErrorCode,
  type PaytechOperation,
  type PaytechPayment,
  type PaytechState,
} from './model.js';
import type { PaytechShop } from './shops.js';
import { PAYTECH_CARD_TABLE, PAYTECH_SANDBOX_LIMITS, UNKNOWN_CARD_DECLINE } from './test-data.js';

/** How long a refund stays PENDING before it completes (our choice: refunds settle asynchronously). */
export const REFUND_SETTLE_MS = 20;

export interface NewDeposit {
  referenceId?: string;
  description?: string;
  amount: number;
  currency: string;
  preAuth: boolean;
  returnUrl?: string;
  webhookUrl?: string;
  origin: string;
  knobs: NotificationKnobs;
}

export interface NewRefund {
  referenceId?: string;
  description?: string;
  parentPaymentId: string;
  /** Absent: what is left to refund. */
  amount?: number;
  currency: string;
  webhookUrl?: string;
  origin: string;
  knobs: NotificationKnobs;
}

export type NewWithdrawal = Omit<NewRefund, 'parentPaymentId' | 'amount'> & { amount: number };

export type PageResult =
  | { ok: true; payment: PaytechPayment }
  | { ok: false; payment: PaytechPayment; error: 'already_final' | 'wrong_step' | string };

export interface PaytechBook {
  createDeposit(shop: PaytechShop, input: NewDeposit): PaytechPayment;
  createRefund(shop: PaytechShop, input: NewRefund): PaytechPayment;
  /** A payout to the customer: PENDING, then COMPLETED (the sandbox has no balance to check). */
  createWithdrawal(shop: PaytechShop, input: NewWithdrawal): PaytechPayment;
  get(id: string): PaytechPayment | undefined;
  list(filter?: (payment: PaytechPayment) => boolean): PaytechPayment[];
  submitCard(id: string, card: CardInput): PageResult;
  completeThreeDs(id: string, passed: boolean): PageResult;
  /** The shopper pressed Cancel on the hosted page: CANCELLED, 2.00. */
  cancel(id: string): PageResult;
  /** The checkout was abandoned: CANCELLED, 1.04 (the admin API plays the timeout). */
  expire(id: string): PaytechPayment;
  capture(id: string, amount: number | undefined): PaytechPayment;
  void(id: string): PaytechPayment;
  setKnobs(id: string, knobs: Partial<NotificationKnobs>): PaytechPayment;
  /** Called after every state change (and on creation). */
  onChange(listener: (payment: PaytechPayment) => void): () => void;
  reset(): void;
  /** Stops the refund timers. */
  close(): void;
}

export class PaytechPaymentNotFoundError extends Error {}

export function createPaytechBook(now: () => number = Date.now): PaytechBook {
  const payments = new Map<string, PaytechPayment>();
  const listeners = new Set<(payment: PaytechPayment) => void>();
  const timers = new Set<NodeJS.Timeout>();

  const newId = () => randomBytes(16).toString('hex');

  function emit(payment: PaytechPayment): void {
    for (const listener of listeners) listener(payment);
  }

  function move(payment: PaytechPayment, state: PaytechState, errorCode?: PaytechErrorCode): void {
    payment.state = state;
    if (errorCode) payment.errorCode = errorCode;
    payment.updated = now();
    if (FINAL_PAYTECH_STATES.includes(state)) payment.step = 'done';
    emit(payment);
  }

  function operation(
    payment: PaytechPayment,
    kind: PaytechOperation['operation'],
    amount: number,
    errorCode?: PaytechErrorCode,
  ): void {
    payment.operations.push({
      id: newId(),
      operation: kind,
      state: errorCode ? 'DECLINED' : 'COMPLETED',
      amount,
      currency: payment.currency,
      created: now(),
      ...(errorCode ? { errorCode } : {}),
    });
  }

  function require(id: string): PaytechPayment {
    const payment = payments.get(id);
    if (!payment) throw new PaytechPaymentNotFoundError(id);
    return payment;
  }

  /** The card's authorization: approved → AUTHORIZED (pre-auth) or COMPLETED; else DECLINED. */
  function authorize(payment: PaytechPayment, decline: PaytechErrorCode | undefined): void {
    const kind = payment.preAuth ? 'AUTHORIZATION' : 'SALE';
    operation(payment, kind, payment.amount, decline);
    // The shopper is done with the page once the card is authorized, even if a capture is still to come.
    payment.step = 'done';
    if (decline) move(payment, 'DECLINED', decline);
    else move(payment, payment.preAuth ? 'AUTHORIZED' : 'COMPLETED');
  }

  /** A refund (child of `parent`) or a withdrawal: PENDING now, COMPLETED a moment later (README). */
  function payout(
    shop: PaytechShop,
    paymentType: 'REFUND' | 'WITHDRAWAL',
    input: NewWithdrawal,
    parent: PaytechPayment | undefined,
  ): PaytechPayment {
    const at = now();
    const child: PaytechPayment = {
      id: newId(),
      shopId: shop.shopId,
      paymentType,
      state: 'PENDING',
      ...(input.referenceId === undefined ? {} : { referenceId: input.referenceId }),
      ...(input.description === undefined ? {} : { description: input.description }),
      paymentMethod: 'BASIC_CARD',
      amount: input.amount,
      currency: input.currency,
      preAuth: false,
      ...(input.webhookUrl ? { webhookUrl: input.webhookUrl } : {}),
      origin: input.origin,
      ...(parent ? { parentPaymentId: parent.id } : {}),
      step: 'done',
      refunded: 0,
      created: at,
      updated: at,
      operations: [],
      knobs: input.knobs,
    };
    payments.set(child.id, child);
    emit(child);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (payments.get(child.id) !== child) return;
      if (parent) operation(parent, 'REFUND', child.amount);
      operation(child, paymentType === 'REFUND' ? 'REFUND' : 'PAYOUT', child.amount);
      move(child, 'COMPLETED');
    }, REFUND_SETTLE_MS);
    timers.add(timer);
    return child;
  }

  function pageGuard(payment: PaytechPayment, step: PaytechPayment['step']): PageResult | undefined {
    if (payment.step === 'done') return { ok: false, payment, error: 'already_final' };
    if (payment.step !== step) return { ok: false, payment, error: 'wrong_step' };
    return undefined;
  }

  /** The decline a card gets once authorized (after its 3-D Secure step, if any). */
  function declineOf(payment: PaytechPayment): PaytechErrorCode | undefined {
    const digits = payment.cardDigits;
    const row = digits ? findTestCard(PAYTECH_CARD_TABLE, digits) : undefined;
    return row ? row.decline : UNKNOWN_CARD_DECLINE;
  }

  return {
    createDeposit(shop, input) {
      if (toMajor(input.amount, input.currency) >= PAYTECH_SANDBOX_LIMITS.depositBelow) {
        throw new PaytechApiError(
          422,
          '1.08',
          `Sandbox: a deposit must be less than ${PAYTECH_SANDBOX_LIMITS.depositBelow} ${input.currency}.`,
        );
      }
      const at = now();
      const payment: PaytechPayment = {
        id: newId(),
        shopId: shop.shopId,
        paymentType: 'DEPOSIT',
        state: 'CHECKOUT',
        ...(input.referenceId === undefined ? {} : { referenceId: input.referenceId }),
        ...(input.description === undefined ? {} : { description: input.description }),
        paymentMethod: 'BASIC_CARD',
        amount: input.amount,
        currency: input.currency,
        preAuth: input.preAuth,
        ...(input.returnUrl ? { returnUrl: input.returnUrl } : {}),
        ...(input.webhookUrl ? { webhookUrl: input.webhookUrl } : {}),
        origin: input.origin,
        step: 'card',
        refunded: 0,
        created: at,
        updated: at,
        operations: [],
        knobs: input.knobs,
      };
      payments.set(payment.id, payment);
      emit(payment);
      return payment;
    },

    createRefund(shop, input) {
      const parent = payments.get(input.parentPaymentId);
      if (!parent || parent.shopId !== shop.shopId || parent.paymentType !== 'DEPOSIT') {
        throw new PaytechApiError(404, '1.01', `No deposit ${input.parentPaymentId} in this shop.`);
      }
      if (parent.state !== 'COMPLETED') {
        throw new PaytechApiError(
          409,
          '1.00',
          `Only a COMPLETED deposit can be refunded; it is ${parent.state}.`,
        );
      }
      if (input.currency !== parent.currency) {
        throw new PaytechApiError(
          422,
          '1.09',
          `The refund must be in the deposit's currency, ${parent.currency}.`,
        );
      }
      const left = parent.amount - parent.refunded;
      const amount = input.amount ?? left;
      if (toMajor(amount, input.currency) > PAYTECH_SANDBOX_LIMITS.refundAtMost) {
        throw new PaytechApiError(
          422,
          '1.08',
          `Sandbox: a refund may be at most ${PAYTECH_SANDBOX_LIMITS.refundAtMost} ${input.currency}.`,
        );
      }
      if (amount <= 0 || amount > left) {
        throw new PaytechApiError(
          422,
          '1.08',
          `The refund exceeds what is left to refund (${toMajor(left, parent.currency)}).`,
        );
      }
      // Reserved now, so two refunds at once cannot together exceed the deposit.
      parent.refunded += amount;
      parent.updated = now();
      return payout(shop, 'REFUND', { ...input, amount }, parent);
    },

    createWithdrawal(shop, input) {
      if (toMajor(input.amount, input.currency) > PAYTECH_SANDBOX_LIMITS.refundAtMost) {
        throw new PaytechApiError(
          422,
          '1.08',
          `Sandbox: a withdrawal may be at most ${PAYTECH_SANDBOX_LIMITS.refundAtMost} ${input.currency}.`,
        );
      }
      return payout(shop, 'WITHDRAWAL', input, undefined);
    },

    get: (id) => payments.get(id),
    list: (filter) => [...payments.values()].filter((payment) => filter?.(payment) ?? true),

    submitCard(id, card) {
      const payment = require(id);
      const blocked = pageGuard(payment, 'card');
      if (blocked) return blocked;
      const checked = checkCard(card, new Date(now()));
      if (!checked.ok) return { ok: false, payment, error: checked.error };
      payment.card = { brand: checked.brand, last4: checked.last4 };
      payment.cardDigits = checked.digits;
      const row = findTestCard(PAYTECH_CARD_TABLE, checked.digits);
      if (row && row.threeDs !== 'none') {
        payment.step = '3ds';
        move(payment, 'PENDING');
        return { ok: true, payment };
      }
      authorize(payment, declineOf(payment));
      return { ok: true, payment };
    },

    completeThreeDs(id, passed) {
      const payment = require(id);
      const blocked = pageGuard(payment, '3ds');
      if (blocked) return blocked;
      authorize(payment, passed ? declineOf(payment) : '5.00');
      return { ok: true, payment };
    },

    cancel(id) {
      const payment = require(id);
      if (payment.step === 'done') return { ok: false, payment, error: 'already_final' };
      move(payment, 'CANCELLED', '2.00');
      return { ok: true, payment };
    },

    expire(id) {
      const payment = require(id);
      if (payment.paymentType !== 'DEPOSIT' || payment.step === 'done') {
        throw new PaytechApiError(409, '1.00', `Payment ${id} is not in checkout (${payment.state}).`);
      }
      move(payment, 'CANCELLED', '1.04');
      return payment;
    },

    capture(id, amount) {
      const payment = require(id);
      if (payment.state !== 'AUTHORIZED') {
        throw new PaytechApiError(
          409,
          '1.00',
          `Only an AUTHORIZED payment can be captured; it is ${payment.state}.`,
        );
      }
      const captured = amount ?? payment.amount;
      if (captured <= 0 || captured > payment.amount) {
        throw new PaytechApiError(422, '1.08', 'The capture amount exceeds the authorized amount.');
      }
      operation(payment, 'CAPTURE', captured);
      payment.amount = captured;
      move(payment, 'COMPLETED');
      return payment;
    },

    void(id) {
      const payment = require(id);
      if (payment.state !== 'AUTHORIZED') {
        throw new PaytechApiError(
          409,
          '1.00',
          `Only an AUTHORIZED payment can be voided; it is ${payment.state}.`,
        );
      }
      operation(payment, 'VOID', payment.amount);
      move(payment, 'CANCELLED');
      return payment;
    },

    setKnobs(id, knobs) {
      const payment = require(id);
      payment.knobs = { ...payment.knobs, ...knobs };
      return payment;
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    reset() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      payments.clear();
    },

    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
