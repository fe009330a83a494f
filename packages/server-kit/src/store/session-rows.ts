import type { NextAction, PaymentMethod, SessionStatus, StatusReason } from '@pay-checkout/contract';
import type { ProviderData } from '../providers/provider.js';
import type { EventSource, SessionRecord, StatusEvent } from './store.js';

/** A `sessions` row as both drivers return it (bigint may come back as a string from node-postgres). */
export interface SessionRow {
  id: string;
  order_id: string;
  provider: string;
  method: string;
  bank: string | null;
  language: string | null;
  country: string | null;
  amount: number | string;
  currency: string;
  description: string;
  reference: string;
  status: string;
  reason: string | null;
  provider_ref: string | null;
  redirect_url: string | null;
  /** jsonb: both drivers hand it over parsed. */
  provider_data: ProviderData | null;
  next_action: NextAction | null;
  version: number;
  poll_attempts: number;
  next_poll_at: Date | string | null;
  expires_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
  duplicate_of: string | null;
}

export interface StatusEventRow {
  id: number | string;
  session_id: string;
  status: string;
  reason: string | null;
  source: string;
  provider_status: string | null;
  at: Date | string;
}

export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** Optional fields are left out rather than set to undefined, so records compare cleanly. */
export function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

export function sessionFromRow(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    provider: row.provider,
    method: row.method as PaymentMethod,
    ...optional('bank', row.bank),
    ...optional('language', row.language),
    ...optional('country', row.country),
    amount: Number(row.amount),
    currency: row.currency,
    description: row.description,
    reference: row.reference,
    expiresAt: toDate(row.expires_at),
    nextPollAt: row.next_poll_at === null ? null : toDate(row.next_poll_at),
    status: row.status as SessionStatus,
    ...optional('reason', row.reason as StatusReason | null),
    ...optional('providerRef', row.provider_ref),
    ...optional('redirectUrl', row.redirect_url),
    ...optional('providerData', row.provider_data),
    ...optional('next', row.next_action),
    ...optional('duplicateOf', row.duplicate_of),
    pollAttempts: Number(row.poll_attempts),
    version: Number(row.version),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export function eventFromRow(row: StatusEventRow): StatusEvent {
  return {
    id: Number(row.id),
    sessionId: row.session_id,
    status: row.status as SessionStatus,
    ...optional('reason', row.reason as StatusReason | null),
    source: row.source as EventSource,
    ...optional('providerStatus', row.provider_status),
    at: toDate(row.at),
  };
}
