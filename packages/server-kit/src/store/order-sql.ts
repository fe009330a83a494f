/**
 * SQL fragments for one payment per order (issue "paid exactly once"), shared by the statements of
 * `sql-store.ts`. Sessions of one order are attempts at one payment:
 * - `processing`, `authorized` and `succeeded` sessions block new attempts (`POST sessions` → 409);
 * - `authorized` and `succeeded` are "paid": the second session of an order to reach one of them is
 *   marked `duplicate_of` the first, in the same statement that moves it, under the order's lock.
 * Duplicates are a column, not a status: the provider did take the money, so the session's status
 * stays what the provider says (the shopper's page and the SSE stream keep telling the truth), and the
 * void or refund that gives it back is an ordinary entry of the operations ledger.
 */

/** Statuses that make an order paid (money taken or held). */
export const PAID_STATUSES = ['authorized', 'succeeded'] as const;
/** Statuses that block a new attempt: paid, or being settled by the bank. */
export const BLOCKING_STATUSES = ['processing', ...PAID_STATUSES] as const;

function list(statuses: readonly string[]): string {
  return statuses.map((status) => `'${status}'`).join(', ');
}

/** True when the session row's columns (alias `row`) make its order paid and it is not a duplicate. */
export function paysOrder(row: string): string {
  return `${row}.status IN (${list(PAID_STATUSES)}) AND ${row}.duplicate_of IS NULL`;
}

/** True when the row blocks a new attempt at its order. */
export function blocksOrder(row: string): string {
  return `${row}.status IN (${list(BLOCKING_STATUSES)}) AND ${row}.duplicate_of IS NULL`;
}

/** True when the status parameter `to` makes an order paid (only such moves need the order's lock). */
export function isPaidStatus(status: string): boolean {
  return (PAID_STATUSES as readonly string[]).includes(status);
}

/**
 * The lock that serialises every move of an order's sessions to a paid status, so two of them cannot
 * both see "nobody paid yet" (a transaction-level advisory lock, released at COMMIT; PGlite has them
 * too). Taken in its own statement before the move: under READ COMMITTED the move's statement then
 * reads a snapshot taken after the lock, which includes the other mover's commit. `$1`: a session id.
 */
export const LOCK_ORDER_OF_SESSION_SQL = `
  SELECT pg_advisory_xact_lock(hashtextextended('pay_checkout_order:' || order_id, 0))::text AS locked
    FROM sessions WHERE id = $1`;

/**
 * The SET item of a move to the status parameter `to` that marks a duplicate: when `to` is paid and
 * another session of the same order already pays it, this one is a duplicate of the earliest such.
 */
export function markDuplicate(to: string): string {
  return `duplicate_of = CASE
      WHEN duplicate_of IS NULL AND ${to} IN (${list(PAID_STATUSES)}) THEN (
        SELECT other.id FROM sessions other
         WHERE other.order_id = sessions.order_id AND other.id <> sessions.id AND ${paysOrder('other')}
         ORDER BY other.updated_at, other.id LIMIT 1)
      ELSE duplicate_of END`;
}

/**
 * A CTE (prefixed with a comma) inserting the payment event of every row of `source` (sessions columns)
 * that reached a status the merchant hears about, in the statement that moved it: the outbox row is
 * committed with the change or not at all. Ids are deterministic (`evt_<session>_<what>`): a status is
 * reached once, so a repeated write (a duplicate that is later captured) inserts nothing.
 */
export function paymentEventCte(name: string, source: string): string {
  const type = `CASE
      WHEN s.duplicate_of IS NOT NULL AND s.status IN (${list(PAID_STATUSES)}) THEN 'payment.duplicate'
      WHEN s.status IN ('processing', 'authorized', 'succeeded', 'failed', 'cancelled', 'expired')
        THEN 'payment.' || s.status
    END`;
  return `, ${name} AS (
    INSERT INTO payment_events (id, session_id, order_id, type, body)
    SELECT e.id, s.id, s.order_id, t.type, ${eventBody('e.id', 't.type', 's', 'NULL::jsonb')}
      FROM ${source} s
     CROSS JOIN LATERAL (SELECT ${type} AS type) t
     CROSS JOIN LATERAL (SELECT 'evt_' || s.id || '_' || substr(t.type, 9) AS id) e
     WHERE t.type IS NOT NULL
    ON CONFLICT (id) DO NOTHING
    RETURNING id
  )`;
}

/** The event's JSON (contract `PaymentEvent`) from a session row `s`, as SQL. */
export function eventBody(id: string, type: string, s: string, refund: string): string {
  return `jsonb_build_object(
      'id', ${id}, 'type', ${type},
      'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'data', jsonb_strip_nulls(jsonb_build_object(
        'orderId', ${s}.order_id, 'sessionId', ${s}.id, 'provider', ${s}.provider, 'method', ${s}.method,
        'amount', jsonb_build_object('value', ${s}.amount, 'currency', ${s}.currency),
        'status', ${s}.status, 'reason', ${s}.reason, 'duplicateOf', ${s}.duplicate_of, 'refund', ${refund})))`;
}
