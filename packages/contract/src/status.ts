import { z } from 'zod';

/**
 * The unified session status, the same for every provider. Order matters: a session only moves
 * forward through `created → pending → processing → authorized → succeeded`, and the last three
 * (`failed`, `cancelled`, `expired`) are final like `succeeded`. See docs/architecture.md.
 */
export const SESSION_STATUSES = [
  'created',
  'pending',
  'processing',
  'authorized',
  'succeeded',
  'failed',
  'cancelled',
  'expired',
] as const;
export const SessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatus>;

/** Statuses after which nothing changes any more. */
export const FINAL_STATUSES: readonly SessionStatus[] = ['succeeded', 'failed', 'cancelled', 'expired'];

/** Why a session is where it is: failure reasons, plus `manual_review` for `processing`. */
export const STATUS_REASONS = [
  'insufficient_funds',
  'card_lost_or_stolen',
  'declined',
  'authentication_failed',
  'cancelled_by_shopper',
  'provider_error',
  'expired',
  'manual_review',
] as const;
export const StatusReason = z.enum(STATUS_REASONS);
export type StatusReason = z.infer<typeof StatusReason>;

export function isFinalStatus(status: SessionStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/**
 * Rank used for monotonic transitions: a status may only be replaced by one of higher rank.
 * All final statuses share the top rank, so a final status is never replaced.
 */
export function statusRank(status: SessionStatus): number {
  return isFinalStatus(status) ? 4 : SESSION_STATUSES.indexOf(status);
}

/** True when moving `from → to` is allowed: forward only, and never out of a final status. */
export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  if (isFinalStatus(from)) return false;
  return statusRank(to) > statusRank(from);
}
