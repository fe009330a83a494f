import type { AttemptOutcome, OperationKind, OperationStatus } from '@pay-checkout/contract';
import { optional, toDate } from './session-rows.js';
import type { AttemptRecord, OperationRecord } from './store.js';

/** A `payment_attempts` row as both drivers return it. */
export interface AttemptRow {
  session_id: string;
  attempt: number;
  provider: string;
  outcome: string;
  error_code: string | null;
  at: Date | string;
}

/** An `operations` row (bigint may come back as a string from node-postgres). */
export interface OperationRow {
  id: string;
  session_id: string;
  kind: string;
  amount: number | string;
  currency: string;
  status: string;
  provider_ref: string | null;
  reason: string | null;
  idempotency_key: string;
  request_hash: string;
  created_at: Date | string;
  updated_at: Date | string;
}

export function attemptFromRow(row: AttemptRow): AttemptRecord {
  return {
    sessionId: row.session_id,
    attempt: Number(row.attempt),
    provider: row.provider,
    outcome: row.outcome as AttemptOutcome,
    ...optional('errorCode', row.error_code),
    at: toDate(row.at),
  };
}

export function operationFromRow(row: OperationRow): OperationRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    kind: row.kind as OperationKind,
    amount: Number(row.amount),
    currency: row.currency,
    status: row.status as OperationStatus,
    ...optional('providerRef', row.provider_ref),
    ...optional('reason', row.reason),
    idempotencyKey: row.idempotency_key,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}
