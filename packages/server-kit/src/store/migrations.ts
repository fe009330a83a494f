import type { SqlClient, SqlQueryable } from './sql-client.js';
import {
  notFinal,
  STATUS_RANK_FUNCTION,
  statusRankFunctionBody,
  statusRankFunctionSql,
} from './status-rank-sql.js';

/**
 * One schema change. Plain PostgreSQL SQL that runs unchanged on PGlite and on PostgreSQL 15.
 * A migration never changes once released: fixes go into a new one with the next version.
 * Statements are listed one by one because the extended query protocol (parameters) allows only
 * one statement per call, and both drivers then behave the same.
 */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/** The channel status changes are announced on; payloads carry ids only (docs/reliability.md 16). */
export const STATUS_CHANNEL = 'pay_checkout_status';

/**
 * Key of the transaction-level advisory lock held while migrating, so several instances starting
 * at once apply each migration exactly once (the others wait, then find nothing left to do).
 */
const MIGRATION_LOCK_KEY = 4_706_339_201;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, status events, idempotency keys, notification inbox',
    statements: [
      // The rank of `statusRank` in @pay-checkout/contract, as SQL, so a compare-and-set transition is
      // one UPDATE; generated from the contract, and brought up to date by every `applyMigrations`.
      statusRankFunctionSql(),
      `CREATE TABLE sessions (
         id text PRIMARY KEY,
         order_id text NOT NULL,
         provider text NOT NULL,
         method text NOT NULL,
         bank text,
         language text,
         country text,
         amount bigint NOT NULL CHECK (amount >= 0),
         currency text NOT NULL,
         description text NOT NULL,
         reference text NOT NULL UNIQUE,
         status text NOT NULL DEFAULT 'created' CHECK (pay_checkout_status_rank(status) IS NOT NULL),
         reason text,
         provider_ref text,
         redirect_url text,
         version integer NOT NULL DEFAULT 1,
         poll_attempts integer NOT NULL DEFAULT 0,
         next_poll_at timestamptz,
         expires_at timestamptz NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         UNIQUE (provider, provider_ref)
       )`,
      `CREATE INDEX sessions_due_polls ON sessions (next_poll_at)
         WHERE next_poll_at IS NOT NULL AND ${notFinal('status')}`,
      // The foreign keys below are checked at COMMIT (deferred): the transaction is the unit that has to
      // be consistent, and a violation found there rolls back everything, the NOTIFY included. The
      // conformance suite relies on that to prove a rolled-back change is never announced.
      `CREATE TABLE status_events (
         id bigserial PRIMARY KEY,
         session_id text NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
         status text NOT NULL,
         reason text,
         source text NOT NULL,
         provider_status text,
         at timestamptz NOT NULL DEFAULT now()
       )`,
      'CREATE INDEX status_events_by_session ON status_events (session_id, id)',
      `CREATE TABLE idempotency_keys (
         key text PRIMARY KEY,
         request_hash text NOT NULL,
         state text NOT NULL CHECK (state IN ('in_progress', 'done')),
         response_status integer,
         response_body jsonb,
         created_at timestamptz NOT NULL DEFAULT now(),
         completed_at timestamptz
       )`,
      `CREATE TABLE notification_inbox (
         provider text NOT NULL,
         notification_id text NOT NULL,
         session_id text REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
         payload text NOT NULL,
         applied boolean NOT NULL DEFAULT false,
         received_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (provider, notification_id)
       )`,
    ],
  },
  {
    version: 2,
    name: 'provider data and next action on sessions, payment attempts, operations ledger',
    statements: [
      // What the adapter asked to keep (`ProviderInitiation.providerData`) and the next action it gave,
      // both as the adapter shaped them: the kit reads them back, it never queries inside them.
      'ALTER TABLE sessions ADD COLUMN provider_data jsonb, ADD COLUMN next_action jsonb',
      // One row per provider tried by POST sessions (routing with failover), numbered from 1.
      `CREATE TABLE payment_attempts (
         session_id text NOT NULL REFERENCES sessions (id),
         attempt integer NOT NULL CHECK (attempt > 0),
         provider text NOT NULL,
         outcome text NOT NULL CHECK (outcome IN ('pending', 'created', 'refused', 'unknown', 'unavailable')),
         error_code text,
         at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (session_id, attempt)
       )`,
      // The merchant operations ledger. Amounts in minor units of `currency` (the session's). A void
      // carries the authorized amount, which may be 0 for a zero-amount session; captures and refunds
      // are never 0 (the amount rules refuse them before anything is written).
      `CREATE TABLE operations (
         id text PRIMARY KEY,
         session_id text NOT NULL REFERENCES sessions (id),
         kind text NOT NULL CHECK (kind IN ('capture', 'void', 'refund')),
         amount bigint NOT NULL CHECK (amount > 0 OR (kind = 'void' AND amount = 0)),
         currency text NOT NULL,
         status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
         provider_ref text,
         reason text,
         idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
         request_hash text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         UNIQUE (session_id, idempotency_key)
       )`,
      // Operation results arrive by notification with the provider's id for the operation.
      `CREATE INDEX operations_by_provider_ref ON operations (session_id, provider_ref)
         WHERE provider_ref IS NOT NULL`,
    ],
  },
  {
    version: 3,
    name: 'sessions by order',
    statements: [
      // `listSessionsByOrder`: a back office lists an order's sessions, newest first.
      'CREATE INDEX sessions_by_order ON sessions (order_id, created_at DESC, id DESC)',
    ],
  },
  {
    version: 4,
    name: 'duplicate payments, payment events outbox, merchant webhook deliveries',
    statements: [
      // The session that paid the order first, on a second payment of it (store/order-sql.ts says why a
      // column and not a status).
      'ALTER TABLE sessions ADD COLUMN duplicate_of text',
      // The outbox: one row per event the merchant hears about, written in the transaction of the change.
      // `hook_done_at`: `onPaymentEvent` returned for it; `webhook_*`: the signed delivery's progress.
      `CREATE TABLE payment_events (
         id text PRIMARY KEY,
         seq bigserial NOT NULL UNIQUE,
         session_id text NOT NULL REFERENCES sessions (id) DEFERRABLE INITIALLY DEFERRED,
         order_id text NOT NULL,
         type text NOT NULL,
         body jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         hook_done_at timestamptz,
         webhook_delivered_at timestamptz,
         webhook_attempts integer NOT NULL DEFAULT 0,
         webhook_next_at timestamptz NOT NULL DEFAULT now()
       )`,
      'CREATE INDEX payment_events_by_session ON payment_events (session_id, seq)',
      'CREATE INDEX payment_events_hook_due ON payment_events (seq) WHERE hook_done_at IS NULL',
      `CREATE INDEX payment_events_webhook_due ON payment_events (webhook_next_at)
         WHERE webhook_delivered_at IS NULL`,
      // The delivery log: every attempt to deliver a webhook, with the receiver's answer.
      `CREATE TABLE webhook_deliveries (
         id bigserial PRIMARY KEY,
         event_id text NOT NULL REFERENCES payment_events (id),
         attempt integer NOT NULL CHECK (attempt > 0),
         url text NOT NULL,
         response_status integer,
         error text,
         duration_ms integer NOT NULL,
         at timestamptz NOT NULL DEFAULT now()
       )`,
      'CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id, id)',
    ],
  },
];

/**
 * Applies the migrations not applied yet, all in one transaction under an advisory lock. Running it
 * again (or from a second instance at the same moment) changes nothing. Returns the versions applied.
 */
export async function applyMigrations(
  client: SqlClient,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await syncStatusRank(tx);
    return applied;
  });
}

/**
 * Brings the SQL status rank in line with the contract this code was built with. Migration 1 created
 * the function from the contract of its day; a contract that ranks statuses differently later is
 * applied here, on the next start, instead of through a second, hand-kept copy in a new migration.
 * Unchanged (the usual case): nothing is written.
 */
async function syncStatusRank(tx: SqlQueryable): Promise<void> {
  const [current] = await tx.query<{ body: string }>(
    'SELECT prosrc AS body FROM pg_proc WHERE oid = to_regprocedure($1)',
    [`${STATUS_RANK_FUNCTION}(text)`],
  );
  if (current?.body !== statusRankFunctionBody()) await tx.query(statusRankFunctionSql());
}
