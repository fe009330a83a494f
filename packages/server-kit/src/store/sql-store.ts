import type { SessionStatus } from '@pay-checkout/contract';
import { applyMigrations, STATUS_CHANNEL } from './migrations.js';
import {
  blocksOrder,
  isPaidStatus,
  LOCK_ORDER_OF_SESSION_SQL,
  markDuplicate,
  paymentEventCte,
} from './order-sql.js';
import { eventFromRow, type SessionRow, type StatusEventRow, sessionFromRow } from './session-rows.js';
import type { SqlClient, SqlQueryable } from './sql-client.js';
import * as ledger from './sql-ledger.js';
import * as operations from './sql-operations.js';
import * as outbox from './sql-payment-events.js';
import { isFinal, notFinal, STATUS_RANK_FUNCTION } from './status-rank-sql.js';
import type {
  AttachPaymentInput,
  AttemptRecord,
  CheckoutStore,
  IdempotencyClaim,
  InitiationInput,
  InitiationResult,
  NewOperation,
  NewSession,
  NotificationInput,
  OpenSessionInput,
  OpenSessionResult,
  OperationRecord,
  PaymentEventRecord,
  ReserveOperationResult,
  SessionRecord,
  SettleOperationInput,
  StatusEvent,
  StoredResponse,
  TransitionInput,
  TransitionResult,
  UnclaimedKey,
  WebhookDeliveryInput,
  WebhookDeliveryRecord,
} from './store.js';
import { isUniqueViolation, SessionNotFoundError, StoreConflictError } from './store-errors.js';

/**
 * The CheckoutStore over any SqlClient: every query lives here, so PGlite and PostgreSQL run the same
 * SQL. All values travel as parameters; no SQL is ever built from input.
 */
export function sqlStore(client: SqlClient, options: SqlStoreOptions = {}): CheckoutStore {
  return new SqlCheckoutStore(client, options.idempotencyLeaseMs ?? DEFAULT_IDEMPOTENCY_LEASE_MS);
}

export interface SqlStoreOptions {
  /**
   * How long an unfinished idempotency claim blocks its key. A claim whose process died (SIGKILL,
   * crash) before completing or releasing it would otherwise answer 409 forever; after the lease the
   * next request with the same key and body takes the claim over. Default: 5 minutes, far above the
   * longest POST sessions (provider timeouts are 10 s).
   */
  idempotencyLeaseMs?: number;
}

const DEFAULT_IDEMPOTENCY_LEASE_MS = 5 * 60_000;

/**
 * The compare-and-set condition of every status change, with `to` the parameter holding the new
 * status (`canTransition` in @pay-checkout/contract): it ranks above the current one, which is not final.
 */
function movesForwardTo(to: string): string {
  return `${STATUS_RANK_FUNCTION}(status) < ${STATUS_RANK_FUNCTION}(${to}) AND ${notFinal('status')}`;
}

/** The SET item that stops the poller when the new status `to` is final. */
function stopPollingAtFinal(to: string): string {
  return `next_poll_at = CASE WHEN ${isFinal(to)} THEN NULL ELSE next_poll_at END`;
}

/**
 * A status change in one statement: compare-and-set, its event and its announcement. The row changes
 * only if `$2` ranks above the current status and the current status is not final (`canTransition`
 * in @pay-checkout/contract). On PostgreSQL a concurrent writer waits for the row lock and then
 * re-checks this WHERE against the new row, so two racing transitions never move a session
 * backwards. Reaching a final status stops the poller. One statement is atomic on its own, and the
 * NOTIFY is delivered only when it (or the transaction around it) commits. No row: nothing changed.
 * The same statement marks a second payment of an order as a duplicate and writes the merchant's
 * payment event (store/order-sql.ts); a move to a paid status runs after the order's lock.
 */
const APPLY_SQL = `
  WITH changed AS (
    UPDATE sessions
       SET status = $2, reason = $3, version = version + 1, updated_at = now(), ${stopPollingAtFinal('$2')},
           ${markDuplicate('$2')}
     WHERE id = $1 AND ${movesForwardTo('$2')}
    RETURNING *
  ), event AS (
    INSERT INTO status_events (session_id, status, reason, source, provider_status)
    SELECT id, status, reason, $4, $5 FROM changed
    RETURNING id AS event_id, source AS event_source, provider_status AS event_provider_status, at AS event_at
  )${paymentEventCte('outbox', 'changed')}
  SELECT changed.*, event.*,
         pg_notify($6, json_build_object('sessionId', changed.id, 'eventId', event.event_id)::text)::text AS notified
    FROM changed, event`;

/** The columns a new session is inserted with: `$1`…`$14` of CREATE_SQL and OPEN_SQL, in this order. */
const SESSION_COLUMNS = `id, order_id, provider, method, bank, language, country, amount, currency,
                          description, reference, expires_at, next_poll_at, provider_data`;

/** The tail both session inserts share: the `created` event and its announcement (ids only), `$15` the channel. */
const CREATED_EVENT_AND_ANNOUNCEMENT = `, event AS (
    INSERT INTO status_events (session_id, status, source)
    SELECT id, status, 'create' FROM created
    RETURNING id AS event_id
  )
  SELECT created.*,
         pg_notify($15, json_build_object('sessionId', created.id, 'eventId', event.event_id)::text)::text AS notified
    FROM created, event`;

/** A new session with its `created` event and announcement, in one statement (atomic on its own). */
const CREATE_SQL = `
  WITH created AS (
    INSERT INTO sessions (${SESSION_COLUMNS})
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)
    RETURNING *
  )${CREATED_EVENT_AND_ANNOUNCEMENT}`;

/**
 * POST sessions, first write: the claim and, only when the claim is ours, the session with its
 * `created` event, in one statement (one transaction, one round trip). Another holder of the key makes
 * the claim insert nothing, so nothing else is inserted either; a taken session id or reference aborts
 * the whole statement, claim included. `$15`: the status channel, `$16`/`$17`: key and request hash.
 * An order that already has a blocking session (store/order-sql.ts) claims nothing either.
 */
const OPEN_SQL = `
  WITH claim AS (
    INSERT INTO idempotency_keys (key, request_hash, state)
    SELECT $16, $17, 'in_progress'
     WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.order_id = $2::text AND ${blocksOrder('s')})
    ON CONFLICT DO NOTHING
    RETURNING key
  ), created AS (
    INSERT INTO sessions (${SESSION_COLUMNS})
    SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::bigint, $9::text,
           $10::text, $11::text, $12::timestamptz, $13::timestamptz, $14::jsonb
      FROM claim
    RETURNING *
  )${CREATED_EVENT_AND_ANNOUNCEMENT}`;

/**
 * The SET items that attach the provider's payment, from the parameters `$2`…`$5` of ATTACH_SQL or
 * `$2`, `$3`, `$10`, `$11` of INITIATION_SQL (the JSON columns arrive as JSON text, or NULL).
 */
function attachedPayment(ref: string, url: string, data: string, next: string): string {
  return `provider_ref = ${ref}, redirect_url = ${url}, provider_data = ${data}::jsonb, next_action = ${next}::jsonb`;
}

/** `attachProviderPayment`: `$1` the session, `$2`…`$5` as `attachParams` orders them. */
const ATTACH_SQL = `
  UPDATE sessions SET ${attachedPayment('$2', '$3', '$4', '$5')}, version = version + 1, updated_at = now()
   WHERE id = $1
  RETURNING *`;

/**
 * POST sessions, second write, in one statement: the provider's payment is attached and the status
 * moved by the same UPDATE when the move is forward (\`changed\`, the compare-and-set of APPLY_SQL), else
 * attached alone (\`kept\`; it runs only when \`changed\` touched nothing, so no row is updated twice);
 * then the event, the try that made the payment recorded as `created` (`$12`, when given: inserted, or
 * the pending row of a fallback's try updated), the idempotent
 * response built from the row as written, and the announcement (ids only, only for an applied change).
 * No session: no row, and nothing written.
 */
const INITIATION_SQL = `
  WITH changed AS (
    UPDATE sessions
       SET ${attachedPayment('$2', '$3', '$10', '$11')}, status = $4, reason = $5, version = version + 1,
           updated_at = now(), ${stopPollingAtFinal('$4')}, ${markDuplicate('$4')}
     WHERE id = $1 AND ${movesForwardTo('$4')}
    RETURNING *
  ), kept AS (
    UPDATE sessions SET ${attachedPayment('$2', '$3', '$10', '$11')}, version = version + 1, updated_at = now()
     WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM changed)
    RETURNING *
  ), written AS (
    SELECT * FROM changed UNION ALL SELECT * FROM kept
  ), event AS (
    INSERT INTO status_events (session_id, status, reason, source, provider_status)
    SELECT id, status, reason, 'initiate', $6 FROM changed
    RETURNING id AS event_id, source AS event_source, provider_status AS event_provider_status, at AS event_at
  )${paymentEventCte('outbox', 'changed')}, attempted AS (
    INSERT INTO payment_attempts (session_id, attempt, provider, outcome)
    SELECT id, $12::integer, provider, 'created' FROM written WHERE $12::integer IS NOT NULL
    ON CONFLICT (session_id, attempt) DO UPDATE SET outcome = 'created'
  ), completed AS (
    UPDATE idempotency_keys
       SET state = 'done', response_status = $8, completed_at = now(),
           response_body = jsonb_build_object('sessionId', written.id, 'redirectUrl', written.redirect_url,
                                              'status', written.status)
      FROM written
     WHERE key = $7
    RETURNING response_body
  )
  SELECT written.*, event.*,
         (SELECT response_body FROM completed) AS stored_body,
         CASE WHEN event.event_id IS NULL THEN NULL ELSE
           pg_notify($9, json_build_object('sessionId', written.id, 'eventId', event.event_id)::text)::text
         END AS notified
    FROM written LEFT JOIN event ON true`;

type AppliedRow = SessionRow & {
  event_id: number | string;
  event_source: string;
  event_provider_status: string | null;
  event_at: Date | string;
};

/** The status event a statement applied, from the `event_*` columns it returned beside the session. */
function appliedEvent(row: AppliedRow): StatusEvent {
  return eventFromRow({
    id: row.event_id,
    session_id: row.id,
    status: row.status,
    reason: row.reason,
    source: row.event_source,
    provider_status: row.event_provider_status,
    at: row.event_at,
  });
}

/** Whether INITIATION_SQL applied a change (and so returned its event) or only attached the payment. */
function hasAppliedEvent(row: InitiationRow): row is InitiationRow & AppliedRow {
  return row.event_id !== null && row.event_source !== null && row.event_at !== null;
}

/** INITIATION_SQL's row: the session as written, its event when one was applied, the stored body. */
type InitiationRow = SessionRow & {
  event_id: number | string | null;
  event_source: string | null;
  event_provider_status: string | null;
  event_at: Date | string | null;
  stored_body: unknown;
};

const INSERT_INBOX_SQL = `
  INSERT INTO notification_inbox (provider, notification_id, session_id, payload)
  VALUES ($1, $2, $3, $4)
  ON CONFLICT DO NOTHING
  RETURNING notification_id`;

class SqlCheckoutStore implements CheckoutStore {
  readonly #client: SqlClient;
  #migrated: Promise<void> | undefined;
  #closed = false;

  readonly #idempotencyLeaseMs: number;

  constructor(client: SqlClient, idempotencyLeaseMs: number) {
    this.#client = client;
    this.#idempotencyLeaseMs = idempotencyLeaseMs;
  }

  async migrate(): Promise<void> {
    const run = applyMigrations(this.#client).then(() => undefined);
    this.#migrated = run;
    await run;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Let a lazy migration finish first, so closing never cuts a schema change in half.
    await this.#migrated?.catch(() => undefined);
    await this.#client.close();
  }

  /** Every call migrates first if nobody did, so a store is usable even when `migrate()` was skipped. */
  async #db(): Promise<SqlClient> {
    if (this.#migrated === undefined) this.#migrated = applyMigrations(this.#client).then(() => undefined);
    try {
      await this.#migrated;
    } catch (error) {
      this.#migrated = undefined; // a later call may retry (e.g. the database was not up yet)
      throw error;
    }
    return this.#client;
  }

  // ── Idempotency ────────────────────────────────────────────────────────────────────────────

  async claimIdempotencyKey(key: string, requestHash: string): Promise<IdempotencyClaim> {
    const db = await this.#db();
    // The primary key decides between concurrent claimers: exactly one INSERT returns a row.
    const inserted = await db.query(
      `INSERT INTO idempotency_keys (key, request_hash, state) VALUES ($1, $2, 'in_progress')
       ON CONFLICT DO NOTHING RETURNING key`,
      [key, requestHash],
    );
    if (inserted.length === 1) return { kind: 'claimed' };
    const held = await this.#readKey(db, key, requestHash);
    // Released between our INSERT and SELECT: the key is free again, so try once more.
    if (held === undefined) return this.claimIdempotencyKey(key, requestHash);
    if (held.kind !== 'in_progress') return held;
    return (await this.#takeOverStaleClaim(db, key)) ? { kind: 'claimed' } : held;
  }

  async peekIdempotencyKey(key: string, requestHash: string): Promise<UnclaimedKey | undefined> {
    return this.#readKey(await this.#db(), key, requestHash);
  }

  /** What another request left under `key`; `undefined` when the key is free. */
  async #readKey(db: SqlQueryable, key: string, requestHash: string): Promise<UnclaimedKey | undefined> {
    const [row] = await db.query<{
      request_hash: string;
      state: string;
      response_status: number | null;
      response_body: unknown;
    }>('SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE key = $1', [
      key,
    ]);
    if (row === undefined) return undefined;
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.state !== 'done') return { kind: 'in_progress' };
    return { kind: 'replay', response: { status: Number(row.response_status), body: row.response_body } };
  }

  /**
   * Takes over a claim older than the lease, restarting its clock (`created_at` is the claim time).
   * Racing takers re-check the WHERE after the row lock, so at most one of them wins.
   */
  async #takeOverStaleClaim(db: SqlQueryable, key: string): Promise<boolean> {
    const rows = await db.query(
      `UPDATE idempotency_keys SET created_at = now()
        WHERE key = $1 AND state = 'in_progress' AND created_at <= now() - $2::integer * interval '1 millisecond'
        RETURNING key`,
      [key, this.#idempotencyLeaseMs],
    );
    return rows.length === 1;
  }

  async completeIdempotencyKey(key: string, response: StoredResponse): Promise<void> {
    const db = await this.#db();
    await db.query(
      `UPDATE idempotency_keys
          SET state = 'done', response_status = $2, response_body = $3::jsonb, completed_at = now()
        WHERE key = $1`,
      [key, response.status, JSON.stringify(response.body ?? null)],
    );
  }

  async releaseIdempotencyKey(key: string): Promise<void> {
    const db = await this.#db();
    // Only an unfinished claim is released: a stored response must keep being replayed.
    await db.query(`DELETE FROM idempotency_keys WHERE key = $1 AND state = 'in_progress'`, [key]);
  }

  // ── Opening a session ──────────────────────────────────────────────────────────────────────

  async openSession(input: OpenSessionInput): Promise<OpenSessionResult> {
    const db = await this.#db();
    const rows = await this.#guardUnique('A session with this id or reference already exists.', () =>
      db.query<SessionRow>(OPEN_SQL, [
        ...sessionParams(input.session),
        STATUS_CHANNEL,
        input.key,
        input.requestHash,
      ]),
    );
    if (rows[0] !== undefined) return { kind: 'claimed', session: sessionFromRow(rows[0]) };
    const held = await this.#readKey(db, input.key, input.requestHash);
    if (held === undefined) {
      const paid = await this.#blockingSession(db, input.session.orderId);
      if (paid !== undefined) return { kind: 'order_paid', sessionId: paid };
      // Released between our INSERT and SELECT: the key is free again, so try once more.
      return this.openSession(input);
    }
    if (held.kind !== 'in_progress') return held;
    // A stale claim (its process died) is taken over together with the insert, or not at all.
    const session = await db.transaction(async (tx) => {
      if (await this.#blockingSession(tx, input.session.orderId)) return undefined;
      if (!(await this.#takeOverStaleClaim(tx, input.key))) return undefined;
      return this.#insertSession(tx, input.session);
    });
    return session === undefined ? held : { kind: 'claimed', session };
  }

  /** The session that keeps `orderId` from a new attempt (processing, authorized or succeeded), if any. */
  async #blockingSession(db: SqlQueryable, orderId: string): Promise<string | undefined> {
    const [row] = await db.query<{ id: string }>(
      `SELECT s.id FROM sessions s WHERE s.order_id = $1 AND ${blocksOrder('s')}
        ORDER BY s.updated_at, s.id LIMIT 1`,
      [orderId],
    );
    return row?.id;
  }

  async recordInitiation(input: InitiationInput): Promise<InitiationResult> {
    const db = await this.#db();
    // The usual answer (pending) is one statement; a payment final at once takes its order's lock first.
    if (!isPaidStatus(input.to)) return this.#recordInitiation(db, input);
    return db.transaction(async (tx) => {
      await tx.query(LOCK_ORDER_OF_SESSION_SQL, [input.sessionId]);
      return this.#recordInitiation(tx, input);
    });
  }

  async #recordInitiation(db: SqlQueryable, input: InitiationInput): Promise<InitiationResult> {
    const rows = await this.#guardUnique('This provider payment belongs to another session.', () =>
      db.query<InitiationRow>(INITIATION_SQL, [
        input.sessionId,
        input.providerRef,
        input.redirectUrl,
        input.to,
        input.reason ?? null,
        input.providerStatus ?? null,
        input.idempotency.key,
        input.idempotency.responseStatus,
        STATUS_CHANNEL,
        ...jsonParams(input),
        input.attempt ?? null,
      ]),
    );
    const row = rows[0];
    if (row === undefined) throw new SessionNotFoundError(input.sessionId);
    const session = sessionFromRow(row);
    // A key nobody holds any more (released, or taken over after its lease) stores nothing; the caller
    // still answers with what it would have stored.
    const body = row.stored_body ?? {
      sessionId: session.id,
      redirectUrl: session.redirectUrl,
      status: session.status,
    };
    const response = { status: input.idempotency.responseStatus, body };
    if (!hasAppliedEvent(row)) return { outcome: 'ignored', session, response };
    const event = appliedEvent(row);
    return { outcome: 'applied', session, event, response };
  }

  // ── Sessions ───────────────────────────────────────────────────────────────────────────────

  async createSession(input: NewSession): Promise<SessionRecord> {
    return this.#insertSession(await this.#db(), input);
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    const db = await this.#db();
    return this.#readSession(db, id);
  }

  async listSessionsByOrder(orderId: string): Promise<SessionRecord[]> {
    const db = await this.#db();
    // `id` breaks a tie of two sessions created in the same microsecond, so the order is stable.
    const rows = await db.query<SessionRow>(
      'SELECT * FROM sessions WHERE order_id = $1 ORDER BY created_at DESC, id DESC',
      [orderId],
    );
    return rows.map(sessionFromRow);
  }

  async findByProviderRef(provider: string, providerRef: string): Promise<SessionRecord | undefined> {
    const db = await this.#db();
    const [row] = await db.query<SessionRow>(
      'SELECT * FROM sessions WHERE provider = $1 AND provider_ref = $2',
      [provider, providerRef],
    );
    return row === undefined ? undefined : sessionFromRow(row);
  }

  async attachProviderPayment(input: AttachPaymentInput): Promise<SessionRecord> {
    const db = await this.#db();
    const rows = await this.#guardUnique('This provider payment belongs to another session.', () =>
      db.query<SessionRow>(ATTACH_SQL, [
        input.sessionId,
        input.providerRef,
        input.redirectUrl,
        ...jsonParams(input),
      ]),
    );
    if (rows[0] === undefined) throw new SessionNotFoundError(input.sessionId);
    return sessionFromRow(rows[0]);
  }

  async transition(input: TransitionInput): Promise<TransitionResult> {
    const db = await this.#db();
    const notification = input.notification;
    const paid = isPaidStatus(input.to);
    // Without a notification the change is one statement; no transaction round trips needed, unless
    // it pays an order: then its lock first, so two payments of one order cannot both be the first.
    if (notification === undefined && !paid) return this.#apply(db, input);
    if (notification === undefined) {
      return db.transaction(async (tx) => {
        await tx.query(LOCK_ORDER_OF_SESSION_SQL, [input.sessionId]);
        return this.#apply(tx, input);
      });
    }
    return db.transaction(async (tx): Promise<TransitionResult> => {
      if (paid) await tx.query(LOCK_ORDER_OF_SESSION_SQL, [input.sessionId]);
      // The inbox row comes first: its primary key is what makes a redelivered (or concurrently
      // delivered) notification a no-op. A concurrent twin waits here until we commit.
      const fresh = await this.#insertInbox(tx, {
        ...notification,
        sessionId: notification.sessionId ?? input.sessionId,
      });
      if (!fresh) return { outcome: 'duplicate', session: await this.#mustReadSession(tx, input.sessionId) };
      // Not forward, or already final: the inbox row stays, with applied = false.
      const result = await this.#apply(tx, input);
      if (result.outcome === 'applied') {
        await tx.query(
          'UPDATE notification_inbox SET applied = true WHERE provider = $1 AND notification_id = $2',
          [notification.provider, notification.notificationId],
        );
      }
      return result;
    });
  }

  async #apply(db: SqlQueryable, input: TransitionInput): Promise<TransitionResult> {
    const [row] = await db.query<AppliedRow>(APPLY_SQL, [
      input.sessionId,
      input.to,
      input.reason ?? null,
      input.source,
      input.providerStatus ?? null,
      STATUS_CHANNEL,
    ]);
    if (row === undefined)
      return { outcome: 'ignored', session: await this.#mustReadSession(db, input.sessionId) };
    const event = appliedEvent(row);
    return { outcome: 'applied', session: sessionFromRow(row), event };
  }

  async recordNotification(input: NotificationInput): Promise<{ duplicate: boolean }> {
    const db = await this.#db();
    return { duplicate: !(await this.#insertInbox(db, input)) };
  }

  // ── Live status ────────────────────────────────────────────────────────────────────────────

  async eventsSince(sessionId: string, afterEventId: number): Promise<StatusEvent[]> {
    const db = await this.#db();
    // Ids are store-wide, but within one session they follow commit order: every event of a session is
    // written while holding that session's row lock (or, for `created`, by the transaction creating it).
    const rows = await db.query<StatusEventRow>(
      'SELECT * FROM status_events WHERE session_id = $1 AND id > $2 ORDER BY id',
      [sessionId, afterEventId],
    );
    return rows.map(eventFromRow);
  }

  async subscribe(
    listener: (change: { sessionId: string; eventId: number }) => void,
  ): Promise<() => Promise<void>> {
    const db = await this.#db();
    return db.listen(STATUS_CHANNEL, (payload) => {
      const change = parseChange(payload);
      if (change === undefined) return;
      try {
        listener(change);
      } catch (error) {
        // A listener's bug must not break the driver underneath (PGlite delivers inside a running
        // query; node-postgres inside its socket handler): report it and carry on.
        process.emitWarning(
          `CheckoutStore listener threw: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
  }

  // ── Background reconciliation ──────────────────────────────────────────────────────────────

  async duePolls(now: Date, limit: number): Promise<SessionRecord[]> {
    const db = await this.#db();
    const rows = await db.query<SessionRow>(
      `SELECT * FROM sessions
        WHERE next_poll_at IS NOT NULL AND next_poll_at <= $1 AND ${notFinal('status')}
        ORDER BY next_poll_at, created_at, id
        LIMIT $2`,
      [now, limit],
    );
    return rows.map(sessionFromRow);
  }

  async schedulePoll(id: string, nextPollAt: Date | null, pollAttempts: number): Promise<void> {
    const db = await this.#db();
    // Poll bookkeeping only: not a change of the session, so neither `version` nor `updatedAt` moves.
    const rows = await db.query(
      'UPDATE sessions SET next_poll_at = $2, poll_attempts = $3 WHERE id = $1 RETURNING id',
      [id, nextPollAt, pollAttempts],
    );
    if (rows.length === 0) throw new SessionNotFoundError(id);
  }

  // ── Payment attempts and the operations ledger (sql-ledger.ts) ──────────────────────────────

  async startAttempt(input: {
    sessionId: string;
    attempt: number;
    provider: string;
  }): Promise<SessionRecord> {
    return ledger.startAttempt(await this.#db(), input);
  }

  async finishAttempt(input: Parameters<CheckoutStore['finishAttempt']>[0]): Promise<void> {
    return ledger.finishAttempt(await this.#db(), input);
  }

  async listAttempts(sessionId: string): Promise<AttemptRecord[]> {
    return ledger.listAttempts(await this.#db(), sessionId);
  }

  async reserveOperation(input: NewOperation): Promise<ReserveOperationResult> {
    return ledger.reserveOperation(await this.#db(), input);
  }

  async settleOperation(
    input: SettleOperationInput,
  ): Promise<{ outcome: 'applied' | 'ignored'; operation: OperationRecord }> {
    const db = await this.#db();
    const sessionTo = input.sessionTo;
    // One transaction: a refund's payment event is written with its settlement. No order lock: the
    // only paid move here is authorized → succeeded (a capture), which pays no order anew.
    return db.transaction(async (tx) => {
      const settled = await ledger.settleOperationRow(tx, input);
      const { operation } = settled;
      if (settled.outcome === 'applied' && operation.kind === 'refund' && operation.status === 'succeeded') {
        await outbox.insertRefundEvent(tx, {
          operationId: operation.id,
          sessionId: operation.sessionId,
          amount: operation.amount,
        });
      }
      if (sessionTo === undefined) return settled;
      // Only the answer that settled the operation moves the session; `#apply` is the same
      // compare-and-set as `transition` (forward only, event and NOTIFY when applied).
      if (settled.outcome === 'applied') {
        await this.#apply(tx, {
          sessionId: settled.operation.sessionId,
          to: sessionTo,
          source: 'operation',
          ...(input.providerStatus === undefined ? {} : { providerStatus: input.providerStatus }),
        });
      }
      return settled;
    });
  }

  async recordOperationRef(operationId: string, providerRef: string): Promise<OperationRecord> {
    return ledger.recordOperationRef(await this.#db(), operationId, providerRef);
  }

  async findOperationByProviderRef(
    sessionId: string,
    providerRef: string,
  ): Promise<OperationRecord | undefined> {
    return ledger.findOperationByProviderRef(await this.#db(), sessionId, providerRef);
  }

  async listOperations(sessionId: string): Promise<OperationRecord[]> {
    return ledger.listOperations(await this.#db(), sessionId);
  }

  // ── Payment events and webhook deliveries (sql-payment-events.ts) ───────────────────────────

  async pendingHookEvents(limit: number, sessionId?: string): Promise<PaymentEventRecord[]> {
    return outbox.pendingHookEvents(await this.#db(), limit, sessionId);
  }

  async markHookDone(eventId: string): Promise<void> {
    return outbox.markHookDone(await this.#db(), eventId);
  }

  // ── Running the kit (sql-operations.ts) ─────────────────────────────────────────────────────

  async ping(): Promise<void> {
    if (this.#closed) throw new Error('The store is closed.');
    return operations.ping(await this.#db());
  }

  async countSessionsByStatus(): Promise<Map<SessionStatus, number>> {
    return operations.countSessionsByStatus(await this.#db());
  }

  async leaseDuePolls(now: Date, limit: number, leaseMs: number): Promise<SessionRecord[]> {
    return operations.leaseDuePolls(await this.#db(), now, limit, leaseMs);
  }

  async releaseWebhookLeases(eventIds: readonly string[]): Promise<void> {
    return operations.releaseWebhookLeases(await this.#db(), eventIds);
  }

  async leaseDueWebhooks(now: Date, limit: number, leaseMs: number): Promise<PaymentEventRecord[]> {
    return outbox.leaseDueWebhooks(await this.#db(), now, limit, leaseMs);
  }

  async recordWebhookDelivery(input: WebhookDeliveryInput): Promise<void> {
    return outbox.recordWebhookDelivery(await this.#db(), input);
  }

  async listWebhookDeliveries(eventId?: string): Promise<WebhookDeliveryRecord[]> {
    return outbox.listWebhookDeliveries(await this.#db(), eventId);
  }

  async listPaymentEvents(sessionId: string): Promise<PaymentEventRecord[]> {
    return outbox.listPaymentEvents(await this.#db(), sessionId);
  }

  async listUnsettledDuplicates(limit: number): Promise<SessionRecord[]> {
    return outbox.listUnsettledDuplicates(await this.#db(), limit);
  }

  // ── Shared steps ───────────────────────────────────────────────────────────────────────────

  async #insertSession(db: SqlQueryable, input: NewSession): Promise<SessionRecord> {
    const [row] = await this.#guardUnique('A session with this id or reference already exists.', () =>
      db.query<SessionRow>(CREATE_SQL, [...sessionParams(input), STATUS_CHANNEL]),
    );
    return sessionFromRow(row!);
  }

  /** A unique key taken by another row (session id, reference, provider payment) is a StoreConflictError. */
  async #guardUnique<T>(message: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreConflictError(message, { cause: error });
      throw error;
    }
  }

  async #readSession(db: SqlQueryable, id: string): Promise<SessionRecord | undefined> {
    const [row] = await db.query<SessionRow>('SELECT * FROM sessions WHERE id = $1', [id]);
    return row === undefined ? undefined : sessionFromRow(row);
  }

  async #mustReadSession(db: SqlQueryable, id: string): Promise<SessionRecord> {
    const session = await this.#readSession(db, id);
    if (session === undefined) throw new SessionNotFoundError(id);
    return session;
  }

  /** True when the row is new; false when this notification id was already in the inbox. */
  async #insertInbox(db: SqlQueryable, input: NotificationInput): Promise<boolean> {
    const rows = await db.query(INSERT_INBOX_SQL, [
      input.provider,
      input.notificationId,
      input.sessionId ?? null,
      input.payload,
    ]);
    return rows.length === 1;
  }
}

/** `$1`…`$14` of CREATE_SQL and OPEN_SQL. */
function sessionParams(input: NewSession): unknown[] {
  return [
    input.id,
    input.orderId,
    input.provider,
    input.method,
    input.bank ?? null,
    input.language ?? null,
    input.country ?? null,
    input.amount,
    input.currency,
    input.description,
    input.reference,
    input.expiresAt,
    input.nextPollAt,
    input.providerData === undefined ? null : JSON.stringify(input.providerData),
  ];
}

/** The provider data and next action as JSON text parameters (NULL when absent). */
function jsonParams(input: Pick<AttachPaymentInput, 'providerData' | 'next'>): (string | null)[] {
  return [
    input.providerData === undefined ? null : JSON.stringify(input.providerData),
    input.next === undefined ? null : JSON.stringify(input.next),
  ];
}

/** NOTIFY payloads are ours, but a listener should never see a malformed one. */
function parseChange(payload: string): { sessionId: string; eventId: number } | undefined {
  try {
    const value = JSON.parse(payload) as { sessionId?: unknown; eventId?: unknown };
    if (typeof value.sessionId !== 'string' || typeof value.eventId !== 'number') return undefined;
    return { sessionId: value.sessionId, eventId: value.eventId };
  } catch {
    return undefined;
  }
}
