import type { SessionStatus } from '@pay-checkout/contract';
import { type SessionRow, sessionFromRow } from './session-rows.js';
import type { SqlQueryable } from './sql-client.js';
import { notFinal } from './status-rank-sql.js';
import type { SessionRecord } from './store.js';

/**
 * The store's queries for running it (health, metrics, several instances): a ping, session counts by
 * status, leasing due polls so one instance reconciles a session at a time, and giving webhook leases
 * back at shutdown. Kept beside sql-store.ts, which only delegates here.
 */

export async function ping(db: SqlQueryable): Promise<void> {
  await db.query('SELECT 1');
}

/** One aggregate over `sessions` (a sequential scan: fine for a scrape every few seconds up to ~10⁶ rows). */
export async function countSessionsByStatus(db: SqlQueryable): Promise<Map<SessionStatus, number>> {
  const rows = await db.query<{ status: SessionStatus; n: string | number }>(
    'SELECT status, count(*) AS n FROM sessions GROUP BY status',
  );
  return new Map(rows.map((row) => [row.status, Number(row.n)]));
}

/**
 * Due non-final sessions, as `duePolls` finds them, leased to the caller: their `next_poll_at` moves
 * `leaseMs` ahead in the same statement, and rows another instance is leasing at this moment are
 * skipped (`FOR UPDATE SKIP LOCKED`), so two instances never reconcile one session at once. The
 * poller reschedules each session after its look; one whose instance died is due again once its
 * lease ends. Answers the rows as they were before the lease.
 */
export async function leaseDuePolls(
  db: SqlQueryable,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<SessionRecord[]> {
  const rows = await db.query<SessionRow>(
    `WITH due AS (
       SELECT * FROM sessions
        WHERE next_poll_at IS NOT NULL AND next_poll_at <= $1 AND ${notFinal('status')}
        ORDER BY next_poll_at, created_at, id
        LIMIT $2
        FOR UPDATE SKIP LOCKED
     ), leased AS (
       UPDATE sessions s SET next_poll_at = $1::timestamptz + $3::integer * interval '1 millisecond'
         FROM due WHERE s.id = due.id
       RETURNING s.id
     )
     SELECT due.* FROM due JOIN leased ON leased.id = due.id
      ORDER BY due.next_poll_at, due.created_at, due.id`,
    [now, limit, leaseMs],
  );
  return rows.map(sessionFromRow);
}

/**
 * Makes leased, undelivered webhook events due now again (a stopping instance's unsent batch), so
 * another instance sends them without waiting for the lease to run out.
 */
export async function releaseWebhookLeases(db: SqlQueryable, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await db.query(
    `UPDATE payment_events SET webhook_next_at = now()
      WHERE id = ANY($1::text[]) AND webhook_delivered_at IS NULL AND webhook_next_at > now()`,
    [eventIds],
  );
}
