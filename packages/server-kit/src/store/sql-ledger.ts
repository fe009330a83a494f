import { checkOperation } from '../operations/settlement.js';
import { type AttemptRow, attemptFromRow, type OperationRow, operationFromRow } from './ledger-rows.js';
import { type SessionRow, sessionFromRow } from './session-rows.js';
import type { SqlClient, SqlQueryable } from './sql-client.js';
import type {
  AttemptRecord,
  CheckoutStore,
  NewOperation,
  OperationRecord,
  ReserveOperationResult,
  SessionRecord,
  SettleOperationInput,
} from './store.js';
import {
  isUniqueViolation,
  OperationNotFoundError,
  SessionNotFoundError,
  StoreConflictError,
} from './store-errors.js';

/**
 * The store's two ledgers beside the sessions, as plain functions over a SqlQueryable (`sql-store.ts`
 * delegates to them): `payment_attempts`, one row per provider tried by POST sessions, and
 * `operations`, the merchant's captures, voids and refunds. Same SQL on PGlite and PostgreSQL.
 */

// ── Payment attempts ─────────────────────────────────────────────────────────────────────────

/**
 * A try starts in one statement: the session is handed to the provider (only while nothing is attached
 * and nothing happened yet) and the attempt row inserted, or neither. A taken attempt number aborts the
 * statement, the session change included.
 */
const START_ATTEMPT_SQL = `
  WITH moved AS (
    UPDATE sessions SET provider = $3, version = version + 1, updated_at = now()
     WHERE id = $1 AND provider_ref IS NULL AND status = 'created'
    RETURNING *
  ), attempt AS (
    INSERT INTO payment_attempts (session_id, attempt, provider, outcome)
    SELECT id, $2, $3, 'pending' FROM moved
    RETURNING attempt
  )
  SELECT moved.* FROM moved, attempt`;

export async function startAttempt(
  db: SqlQueryable,
  input: { sessionId: string; attempt: number; provider: string },
): Promise<SessionRecord> {
  let rows: SessionRow[];
  try {
    rows = await db.query<SessionRow>(START_ATTEMPT_SQL, [input.sessionId, input.attempt, input.provider]);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StoreConflictError(`Attempt ${input.attempt} of this session already started.`, {
        cause: error,
      });
    }
    throw error;
  }
  if (rows[0] !== undefined) return sessionFromRow(rows[0]);
  const [exists] = await db.query('SELECT 1 FROM sessions WHERE id = $1', [input.sessionId]);
  if (exists === undefined) throw new SessionNotFoundError(input.sessionId);
  throw new StoreConflictError('This session already has a provider payment or a status; no new try.');
}

export async function finishAttempt(
  db: SqlQueryable,
  input: Parameters<CheckoutStore['finishAttempt']>[0],
): Promise<void> {
  const rows = await db.query(
    `UPDATE payment_attempts SET outcome = $3, error_code = $4
      WHERE session_id = $1 AND attempt = $2 RETURNING attempt`,
    [input.sessionId, input.attempt, input.outcome, input.errorCode ?? null],
  );
  if (rows.length === 0) throw new SessionNotFoundError(input.sessionId);
}

export async function listAttempts(db: SqlQueryable, sessionId: string): Promise<AttemptRecord[]> {
  const rows = await db.query<AttemptRow>(
    'SELECT * FROM payment_attempts WHERE session_id = $1 ORDER BY attempt',
    [sessionId],
  );
  return rows.map(attemptFromRow);
}

// ── Operations ───────────────────────────────────────────────────────────────────────────────

/** Oldest first; ids break ties between operations of one instant. */
const LIST_OPERATIONS_SQL = 'SELECT * FROM operations WHERE session_id = $1 ORDER BY created_at, id';

/**
 * Reserves an operation under the session's row lock: every reservation of a session waits for the one
 * before it, and reads the ledger only once it holds the lock. On PostgreSQL (READ COMMITTED) each
 * statement sees what committed before it started, so the ledger is read by a statement of its own,
 * after the lock: read in the same statement as the lock, it would miss the operation a concurrent
 * reservation committed while this one waited.
 */
export async function reserveOperation(
  client: SqlClient,
  input: NewOperation,
): Promise<ReserveOperationResult> {
  return client.transaction(async (tx) => {
    const [sessionRow] = await tx.query<SessionRow>('SELECT * FROM sessions WHERE id = $1 FOR UPDATE', [
      input.sessionId,
    ]);
    if (sessionRow === undefined) throw new SessionNotFoundError(input.sessionId);
    const rows = await tx.query<OperationRow>(LIST_OPERATIONS_SQL, [input.sessionId]);
    const earlier = rows.find((row) => row.idempotency_key === input.idempotencyKey);
    if (earlier !== undefined) {
      return earlier.request_hash === input.requestHash
        ? { kind: 'replay', operation: operationFromRow(earlier) }
        : { kind: 'mismatch' };
    }
    const session = sessionFromRow(sessionRow);
    const check = checkOperation(session, rows.map(operationFromRow), input);
    if ('refusal' in check) return { kind: 'refused', refusal: check.refusal };
    let inserted: OperationRow | undefined;
    try {
      [inserted] = await tx.query<OperationRow>(
        `INSERT INTO operations (id, session_id, kind, amount, currency, idempotency_key, request_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          input.id,
          input.sessionId,
          input.kind,
          check.amount,
          session.currency,
          input.idempotencyKey,
          input.requestHash,
        ],
      );
    } catch (error) {
      // The key is free (checked under the lock), so the taken unique key is the operation id.
      if (isUniqueViolation(error))
        throw new StoreConflictError('An operation with this id exists.', { cause: error });
      throw error;
    }
    return { kind: 'reserved', operation: operationFromRow(inserted!), full: check.full };
  });
}

/**
 * The provider's answer, once: only a `pending` operation changes (a concurrent second answer waits for
 * the row lock, then finds it final and changes nothing: `ignored`, with the operation as stored).
 */
export async function settleOperationRow(
  db: SqlQueryable,
  input: SettleOperationInput,
): Promise<{ outcome: 'applied' | 'ignored'; operation: OperationRecord }> {
  const [settled] = await db.query<OperationRow>(
    `UPDATE operations
        SET status = $2, provider_ref = COALESCE($3, provider_ref), reason = $4, updated_at = now()
      WHERE id = $1 AND status = 'pending'
     RETURNING *`,
    [input.operationId, input.status, input.providerRef ?? null, input.reason ?? null],
  );
  if (settled !== undefined) return { outcome: 'applied', operation: operationFromRow(settled) };
  const [stored] = await db.query<OperationRow>('SELECT * FROM operations WHERE id = $1', [
    input.operationId,
  ]);
  if (stored === undefined) throw new OperationNotFoundError(input.operationId);
  return { outcome: 'ignored', operation: operationFromRow(stored) };
}

export async function recordOperationRef(
  db: SqlQueryable,
  operationId: string,
  providerRef: string,
): Promise<OperationRecord> {
  // One statement: the update when still pending, else the row as it is.
  const [row] = await db.query<OperationRow>(
    `WITH noted AS (
       UPDATE operations SET provider_ref = $2, updated_at = now()
        WHERE id = $1 AND status = 'pending'
       RETURNING *
     )
     SELECT * FROM noted
     UNION ALL
     SELECT * FROM operations WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM noted)`,
    [operationId, providerRef],
  );
  if (row === undefined) throw new OperationNotFoundError(operationId);
  return operationFromRow(row);
}

export async function findOperationByProviderRef(
  db: SqlQueryable,
  sessionId: string,
  providerRef: string,
): Promise<OperationRecord | undefined> {
  const [row] = await db.query<OperationRow>(
    'SELECT * FROM operations WHERE session_id = $1 AND provider_ref = $2 ORDER BY created_at, id LIMIT 1',
    [sessionId, providerRef],
  );
  return row === undefined ? undefined : operationFromRow(row);
}

export async function listOperations(db: SqlQueryable, sessionId: string): Promise<OperationRecord[]> {
  const rows = await db.query<OperationRow>(LIST_OPERATIONS_SQL, [sessionId]);
  return rows.map(operationFromRow);
}
