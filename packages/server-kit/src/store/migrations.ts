import type { SqlClient } from './sql-client.js';

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

/** The channel status changes are announced on; payloads carry ids only (RELIABILITY.md 16). */
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
      // one UPDATE. Unknown words rank NULL, which compares false: they never move anything.
      `CREATE OR REPLACE FUNCTION pay_checkout_status_rank(status text) RETURNS integer
         LANGUAGE sql IMMUTABLE PARALLEL SAFE
         AS $$ SELECT CASE status
           WHEN 'created' THEN 0 WHEN 'pending' THEN 1 WHEN 'processing' THEN 2 WHEN 'authorized' THEN 3
           WHEN 'succeeded' THEN 4 WHEN 'failed' THEN 4 WHEN 'cancelled' THEN 4 WHEN 'expired' THEN 4
         END $$`,
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
         WHERE next_poll_at IS NOT NULL AND pay_checkout_status_rank(status) < 4`,
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
    return applied;
  });
}
