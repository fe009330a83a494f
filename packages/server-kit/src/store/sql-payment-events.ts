import type { PaymentEvent, PaymentEventType } from '@pay-checkout/contract';
import { eventBody } from './order-sql.js';
import { optional, type SessionRow, sessionFromRow, toDate } from './session-rows.js';
import type { SqlClient, SqlQueryable } from './sql-client.js';
import type {
  PaymentEventRecord,
  SessionRecord,
  WebhookDeliveryInput,
  WebhookDeliveryRecord,
} from './store.js';

/**
 * The payment events outbox (`payment_events`) and the webhook delivery log (`webhook_deliveries`), as
 * plain functions over a SqlQueryable (`sql-store.ts` delegates to them). Events are inserted by the
 * statements that change a session (`order-sql.ts`); this file reads them out and records their
 * delivery.
 */

interface PaymentEventRow {
  id: string;
  session_id: string;
  order_id: string;
  type: string;
  body: PaymentEvent;
  created_at: Date | string;
  hook_done_at: Date | string | null;
  webhook_delivered_at: Date | string | null;
  webhook_attempts: number;
}

function eventFromRow(row: PaymentEventRow): PaymentEventRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    orderId: row.order_id,
    type: row.type as PaymentEventType,
    body: row.body,
    createdAt: toDate(row.created_at),
    ...optional('hookDoneAt', row.hook_done_at === null ? null : toDate(row.hook_done_at)),
    ...optional(
      'webhookDeliveredAt',
      row.webhook_delivered_at === null ? null : toDate(row.webhook_delivered_at),
    ),
    webhookAttempts: Number(row.webhook_attempts),
  };
}

/** `payment.refunded` for a refund that just succeeded, in the transaction that settled it. */
export async function insertRefundEvent(
  db: SqlQueryable,
  refund: { operationId: string; sessionId: string; amount: number },
): Promise<void> {
  await db.query(
    `INSERT INTO payment_events (id, session_id, order_id, type, body)
     SELECT 'evt_' || $1, s.id, s.order_id, 'payment.refunded',
            ${eventBody(
              `'evt_' || $1`,
              `'payment.refunded'`,
              's',
              `jsonb_build_object('operationId', $1::text, 'amount',
                 jsonb_build_object('value', $3::bigint, 'currency', s.currency))`,
            )}
       FROM sessions s WHERE s.id = $2
     ON CONFLICT (id) DO NOTHING`,
    [refund.operationId, refund.sessionId, refund.amount],
  );
}

export async function pendingHookEvents(
  db: SqlQueryable,
  limit: number,
  sessionId?: string,
): Promise<PaymentEventRecord[]> {
  const rows = await db.query<PaymentEventRow>(
    `SELECT * FROM payment_events
      WHERE hook_done_at IS NULL AND ($2::text IS NULL OR session_id = $2)
      ORDER BY seq LIMIT $1`,
    [limit, sessionId ?? null],
  );
  return rows.map(eventFromRow);
}

export async function markHookDone(db: SqlQueryable, eventId: string): Promise<void> {
  await db.query('UPDATE payment_events SET hook_done_at = now() WHERE id = $1 AND hook_done_at IS NULL', [
    eventId,
  ]);
}

export async function leaseDueWebhooks(
  db: SqlQueryable,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<PaymentEventRecord[]> {
  // SKIP LOCKED: two instances leasing at once take different rows instead of waiting for each other.
  const rows = await db.query<PaymentEventRow>(
    `UPDATE payment_events SET webhook_next_at = $1::timestamptz + $3::integer * interval '1 millisecond'
      WHERE id IN (
        SELECT id FROM payment_events
         WHERE webhook_delivered_at IS NULL AND webhook_next_at <= $1
         ORDER BY webhook_next_at, seq LIMIT $2
         FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [now, limit, leaseMs],
  );
  return rows.map(eventFromRow).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function recordWebhookDelivery(db: SqlClient, input: WebhookDeliveryInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO webhook_deliveries (event_id, attempt, url, response_status, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        input.eventId,
        input.attempt,
        input.url,
        input.responseStatus ?? null,
        input.error ?? null,
        Math.round(input.durationMs),
      ],
    );
    await tx.query(
      `UPDATE payment_events
          SET webhook_attempts = GREATEST(webhook_attempts, $2),
              webhook_delivered_at = CASE WHEN $3 THEN now() ELSE webhook_delivered_at END,
              webhook_next_at = COALESCE($4, webhook_next_at)
        WHERE id = $1`,
      [input.eventId, input.attempt, input.delivered, input.nextAt ?? null],
    );
  });
}

interface DeliveryRow {
  event_id: string;
  attempt: number;
  url: string;
  response_status: number | null;
  error: string | null;
  duration_ms: number;
  at: Date | string;
}

export async function listWebhookDeliveries(
  db: SqlQueryable,
  eventId?: string,
): Promise<WebhookDeliveryRecord[]> {
  const rows = await db.query<DeliveryRow>(
    'SELECT * FROM webhook_deliveries WHERE $1::text IS NULL OR event_id = $1 ORDER BY id',
    [eventId ?? null],
  );
  return rows.map((row) => ({
    eventId: row.event_id,
    attempt: Number(row.attempt),
    url: row.url,
    ...optional('responseStatus', row.response_status === null ? null : Number(row.response_status)),
    ...optional('error', row.error),
    durationMs: Number(row.duration_ms),
    at: toDate(row.at),
  }));
}

export async function listPaymentEvents(db: SqlQueryable, sessionId: string): Promise<PaymentEventRecord[]> {
  const rows = await db.query<PaymentEventRow>(
    'SELECT * FROM payment_events WHERE session_id = $1 ORDER BY seq',
    [sessionId],
  );
  return rows.map(eventFromRow);
}

export async function listUnsettledDuplicates(db: SqlQueryable, limit: number): Promise<SessionRecord[]> {
  const rows = await db.query<SessionRow>(
    `SELECT * FROM sessions s
      WHERE s.duplicate_of IS NOT NULL AND s.status IN ('authorized', 'succeeded')
        AND NOT EXISTS (SELECT 1 FROM operations o
                         WHERE o.session_id = s.id AND o.idempotency_key = 'duplicate:' || s.id)
      ORDER BY s.updated_at, s.id LIMIT $1`,
    [limit],
  );
  return rows.map(sessionFromRow);
}
