import type { OperationKind, SessionStatus, SettlementAmounts } from '@pay-checkout/contract';
import type { OperationRecord, OperationRefusal, SessionRecord } from '../store/store.js';

/**
 * The amount rules of the merchant operations ledger, in one pure module: the store applies them while
 * it holds the session's row lock (`reserveOperation`), the merchant view reports the amounts from
 * them. Amounts are minor units of the session's currency. A `pending` operation already counts
 * against what is left (two concurrent captures never exceed the authorization); only `succeeded`
 * ones count as captured or refunded money.
 */

/** What the rules read of a session. */
export type SettlementSession = Pick<SessionRecord, 'status' | 'amount'>;
/** What the rules read of an operation. */
export type SettlementOperation = Pick<OperationRecord, 'kind' | 'amount' | 'status'>;

/** A passing request: its amount (the whole remainder when none was asked) and whether that is all of it. */
export interface OperationAllowance {
  amount: number;
  /** True when `amount` is everything left to capture or refund (always for a void). */
  full: boolean;
}

export type OperationCheck = OperationAllowance | { refusal: OperationRefusal };

/** Statuses whose payment holds money a merchant can operate on. */
const OPERABLE: readonly SessionStatus[] = ['authorized', 'succeeded'];
/** Statuses that ended without money (a void's `cancelled` is reported as `already_voided` first). */
const ENDED_WITHOUT_MONEY: readonly SessionStatus[] = ['failed', 'cancelled', 'expired'];

export function settlementAmounts(
  session: SettlementSession,
  operations: readonly SettlementOperation[],
): SettlementAmounts {
  return {
    authorized: OPERABLE.includes(session.status) ? session.amount : 0,
    captured: capturedAmount(session, operations),
    refunded: sum(operations, 'refund', ['succeeded']),
  };
}

/** Whether `request` may be reserved now, and for which amount; the first rule that fails decides. */
export function checkOperation(
  session: SettlementSession,
  operations: readonly SettlementOperation[],
  request: { kind: OperationKind; amount?: number },
): OperationCheck {
  if (operations.some((op) => op.kind === 'void' && op.status !== 'failed')) {
    return { refusal: 'already_voided' };
  }
  if (ENDED_WITHOUT_MONEY.includes(session.status)) return { refusal: 'payment_failed' };
  if (!OPERABLE.includes(session.status)) return { refusal: 'payment_not_final' };
  switch (request.kind) {
    case 'capture':
      return checkCapture(session, operations, request.amount);
    case 'void':
      return checkVoid(session, operations);
    case 'refund':
      return checkRefund(session, operations, request.amount);
    default: {
      const unsupported: never = request.kind;
      throw new Error(`Unknown operation kind: ${String(unsupported)}`);
    }
  }
}

function checkCapture(
  session: SettlementSession,
  operations: readonly SettlementOperation[],
  amount: number | undefined,
): OperationCheck {
  const captures = operations.filter((op) => op.kind === 'capture');
  // Succeeded with no capture of ours: the provider took the money at once (a sale), nothing to capture.
  if (session.status === 'succeeded' && captures.length === 0) return { refusal: 'not_capturable' };
  const remainder = session.amount - sum(operations, 'capture', ['pending', 'succeeded']);
  return allowance(remainder, amount, 'amount_exceeds_authorized');
}

function checkVoid(session: SettlementSession, operations: readonly SettlementOperation[]): OperationCheck {
  const captured = operations.some((op) => op.kind === 'capture' && op.status !== 'failed');
  if (captured || session.status === 'succeeded') return { refusal: 'already_captured' };
  return { amount: session.amount, full: true };
}

function checkRefund(
  session: SettlementSession,
  operations: readonly SettlementOperation[],
  amount: number | undefined,
): OperationCheck {
  const captured = capturedAmount(session, operations);
  if (captured === 0) return { refusal: 'nothing_to_refund' };
  const refundable = captured - sum(operations, 'refund', ['pending', 'succeeded']);
  return allowance(refundable, amount, 'amount_exceeds_refundable');
}

/** The requested amount (default: all that is left) when it fits in `left`, else `exceeded`. */
function allowance(left: number, amount: number | undefined, exceeded: OperationRefusal): OperationCheck {
  if (left <= 0) return { refusal: exceeded };
  const wanted = amount ?? left;
  if (wanted > left) return { refusal: exceeded };
  return { amount: wanted, full: wanted === left };
}

/**
 * Money taken from the shopper: what our captures took when we captured, else the whole amount of a
 * payment that succeeded on its own (a sale), else nothing.
 */
function capturedAmount(session: SettlementSession, operations: readonly SettlementOperation[]): number {
  if (operations.some((op) => op.kind === 'capture')) return sum(operations, 'capture', ['succeeded']);
  return session.status === 'succeeded' ? session.amount : 0;
}

function sum(
  operations: readonly SettlementOperation[],
  kind: OperationKind,
  statuses: readonly SettlementOperation['status'][],
): number {
  return operations
    .filter((op) => op.kind === kind && statuses.includes(op.status))
    .reduce((total, op) => total + op.amount, 0);
}
