/**
 * The payment sessions of the Fintecture stage. Fintecture confirms `payment_created` (and the event
 * `payment_session.status.payment_created`); the rest of the status set, the `status_reason` field and
 * the refund statuses are this stage's choices, written down in the package README ("Fintecture").
 */
import type { NotificationKnobs } from '../../shared/knobs/knob-board.js';

export const FINTECTURE_STATUSES = [
  /** Created; the shopper has not chosen a bank yet. */
  'provider_required',
  /** A bank is chosen; the shopper is logging in and confirming (strong customer authentication). */
  'sca_required',
  /** The bank accepted the transfer but has not executed it yet. */
  'payment_pending',
  /** The bank executed the transfer: paid. */
  'payment_created',
  /** Refused by the bank or cancelled by the shopper (`status_reason` says which). */
  'payment_unsuccessful',
  /** The shopper never finished within the session's lifetime. */
  'payment_expired',
] as const;
export type FintectureStatus = (typeof FINTECTURE_STATUSES)[number];

export const FINAL_FINTECTURE_STATUSES: readonly FintectureStatus[] = [
  'payment_created',
  'payment_unsuccessful',
  'payment_expired',
];

/** Why a session is `payment_unsuccessful`. */
export const FINTECTURE_STATUS_REASONS = [
  'cancelled_by_psu',
  'rejected_by_bank',
  'insufficient_funds',
] as const;
export type FintectureStatusReason = (typeof FINTECTURE_STATUS_REASONS)[number];

export const PSU_TYPES = ['retail', 'corporate'] as const;
export type PsuType = (typeof PSU_TYPES)[number];

/** Where a session's shopper is on the Connect page. */
export type ConnectStep = 'choose-bank' | 'bank-login' | 'bank-code' | 'done';

export interface FintectureRefund {
  id: string;
  /** Major units, as the wire carries it. */
  amount: string;
  status: 'refund_created';
  createdAt: string;
}

export interface FintectureSession {
  id: string;
  appId: string;
  status: FintectureStatus;
  statusReason?: FintectureStatusReason;
  step: ConnectStep;
  /** Major units as a decimal string, as received. */
  amount: string;
  /** The amount in cents, for refund arithmetic. */
  amountCents: number;
  currency: string;
  communication?: string;
  endToEndId?: string;
  state: string;
  redirectUri: string;
  originUri?: string;
  /** The bank (Fintecture provider id) chosen, or pre-selected with `x-provider`. */
  provider?: string;
  psuType: PsuType;
  country?: string;
  language?: string;
  psuName?: string;
  psuEmail?: string;
  /** The login the shopper used at the bank (its outcome decides the result). */
  login?: string;
  knobs: NotificationKnobs;
  refunds: FintectureRefund[];
  createdAt: string;
  updatedAt: string;
}

export function isFinal(status: FintectureStatus): boolean {
  return FINAL_FINTECTURE_STATUSES.includes(status);
}
