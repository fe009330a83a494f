import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TransactionAbortedError } from '@electric-sql/pglite';
import { SESSION_STATUSES, statusRank } from '@pay-checkout/contract';
import { runStoreConformance } from '../src/store/conformance.js';
import { applyMigrations, MIGRATIONS } from '../src/store/migrations.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import { pgliteThreadClient } from '../src/store/pglite-thread.js';
import { sqlStore } from '../src/store/sql-store.js';
import type { NewSession } from '../src/store/store.js';
import { StoreConflictError, StoreLockedError } from '../src/store/store-errors.js';

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pay-checkout-store-'));
  tempDirs.push(dir);
  return dir;
}
after(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const storeModule = fileURLToPath(new URL('../src/store/pglite-store.ts', import.meta.url));

function session(id: string): NewSession {
  return {
    id,
    orderId: `order_${id}`,
    provider: 'connectpay',
    method: 'card',
    amount: 1999,
    currency: 'EUR',
    description: 'Order 1999',
    reference: `ref_${id}`,
    expiresAt: new Date(Date.now() + 60_000),
    nextPollAt: null,
  };
}

runStoreConformance('pgliteStore in memory', async () => pgliteStore({ memory: true }));
// Creating a data directory runs initdb (seconds), so the durability tests below reuse the one the
// conformance suite created and closed; they work on session ids of their own.
const diskDir = await tempDir();
runStoreConformance('pgliteStore in a data directory', async () => pgliteStore({ dataDir: diskDir }));

describe('pgliteStore durability', () => {
  it('keeps sessions, events, inbox and idempotency records after close and reopen', async () => {
    const dataDir = diskDir;
    const first = pgliteStore({ dataDir });
    await first.createSession(session('cs_reopen'));
    const applied = await first.transition({
      sessionId: 'cs_reopen',
      to: 'succeeded',
      source: 'notification',
      notification: { provider: 'connectpay', notificationId: 'n1', payload: '{}' },
    });
    await first.claimIdempotencyKey('key-1', 'hash');
    await first.completeIdempotencyKey('key-1', { status: 201, body: { sessionId: 'cs_reopen' } });
    await first.close();

    const reopened = pgliteStore({ dataDir });
    try {
      assert.deepEqual(await reopened.getSession('cs_reopen'), applied.session);
      assert.deepEqual(
        (await reopened.eventsSince('cs_reopen', 0)).map((event) => event.status),
        ['created', 'succeeded'],
      );
      assert.deepEqual(
        await reopened.recordNotification({ provider: 'connectpay', notificationId: 'n1', payload: '{}' }),
        { duplicate: true },
      );
      assert.deepEqual(await reopened.claimIdempotencyKey('key-1', 'hash'), {
        kind: 'replay',
        response: { status: 201, body: { sessionId: 'cs_reopen' } },
      });
    } finally {
      await reopened.close();
    }
  });

  it('keeps an acknowledged write after the process is killed with SIGKILL (PAY_CHECKOUT_DATA default)', async () => {
    const dataDir = diskDir;
    // The child opens the store from PAY_CHECKOUT_DATA (no options), writes, says "acked", and is
    // killed while still running: no close(), no clean shutdown.
    const script = `
      import { pgliteStore } from ${JSON.stringify(storeModule)};
      const store = pgliteStore();
      await store.createSession(${JSON.stringify(session('cs_killed'))});
      await store.transition({ sessionId: 'cs_killed', to: 'pending', source: 'initiate' });
      process.stdout.write('acked\\n');
      setInterval(() => {}, 1000);
    `.replace(/"expiresAt":"([^"]+)"/, '"expiresAt":new Date("$1")');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      env: { ...process.env, PAY_CHECKOUT_DATA: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('acked')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before acknowledging`)));
    });
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    // The dead child's pid is still written in the lock file, but the kernel dropped its flock with
    // the process: a new opener takes the directory at once.
    assert.equal(await readFile(join(dataDir, 'pay-checkout.lock'), 'utf8'), `${child.pid}\n`);

    const reopened = pgliteStore({ dataDir });
    try {
      const found = await reopened.getSession('cs_killed');
      assert.equal(found?.status, 'pending');
      assert.deepEqual(
        (await reopened.eventsSince('cs_killed', 0)).map((event) => event.status),
        ['created', 'pending'],
      );
    } finally {
      await reopened.close();
    }
  });
});

describe('pgliteStore data directory lock', () => {
  it('refuses a data directory already open in this process, and frees it on close', async () => {
    const first = pgliteStore({ dataDir: diskDir });
    await first.getSession('cs_none');
    assert.throws(() => pgliteStore({ dataDir: diskDir }), StoreLockedError);
    assert.throws(() => pgliteStore({ dataDir: join(diskDir, '.') }), StoreLockedError);
    await first.close();
    const second = pgliteStore({ dataDir: diskDir });
    assert.equal(await readFile(join(diskDir, 'pay-checkout.lock'), 'utf8'), `${process.pid}\n`);
    await second.close();
    // the file stays (deleting it would race with an opener of the old inode); only the pid goes
    assert.equal(await readFile(join(diskDir, 'pay-checkout.lock'), 'utf8'), '');
  });

  it('does not mistake a pid left in the lock file for a holder: only a held flock refuses', async () => {
    // Our parent (the test runner) is alive; with a pid-file lock its pid would have refused the open.
    await writeFile(join(diskDir, 'pay-checkout.lock'), `${process.ppid}\n`);
    const store = pgliteStore({ dataDir: diskDir });
    await store.close();
  });
});

describe('SQL store internals', () => {
  const client = pgliteThreadClient(undefined);
  after(() => client.close());

  it('applies each migration once and records it in schema_migrations', async () => {
    assert.deepEqual(
      await applyMigrations(client),
      MIGRATIONS.map((migration) => migration.version),
    );
    assert.deepEqual(await applyMigrations(client), []);
    const rows = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    assert.deepEqual(
      rows.map((row) => row.version),
      MIGRATIONS.map((migration) => migration.version),
    );
  });

  it('ranks statuses in SQL exactly as the contract does', async () => {
    await applyMigrations(client);
    for (const status of SESSION_STATUSES) {
      const [row] = await client.query<{ rank: number }>('SELECT pay_checkout_status_rank($1) AS rank', [
        status,
      ]);
      assert.equal(row!.rank, statusRank(status), status);
    }
    const [unknown] = await client.query<{ rank: number | null }>(
      'SELECT pay_checkout_status_rank($1) AS rank',
      ['paid'],
    );
    assert.equal(unknown!.rank, null);
  });

  it("generates migration 1's rank function and due-polls index as they were released, from the contract", () => {
    const squeeze = (sql: string) => sql.replace(/\s+/g, ' ').trim();
    // Migration 1 as released, when its CASE was written by hand: a released migration keeps its meaning.
    const released = `CREATE OR REPLACE FUNCTION pay_checkout_status_rank(status text) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT CASE status
        WHEN 'created' THEN 0 WHEN 'pending' THEN 1 WHEN 'processing' THEN 2 WHEN 'authorized' THEN 3
        WHEN 'succeeded' THEN 4 WHEN 'failed' THEN 4 WHEN 'cancelled' THEN 4 WHEN 'expired' THEN 4
      END $$`;
    const [first] = MIGRATIONS;
    assert.equal(squeeze(first!.statements[0]!), squeeze(released));
    assert.ok(
      first!.statements.some(
        (sql) =>
          squeeze(sql) ===
          'CREATE INDEX sessions_due_polls ON sessions (next_poll_at) WHERE next_poll_at IS NOT NULL AND pay_checkout_status_rank(status) < 4',
      ),
    );
  });

  it('brings a rank function that drifted from the contract back to it on migrate', async () => {
    await applyMigrations(client);
    // A database whose function an older contract (or a hand) wrote: everything ranks 0.
    await client.query(
      'CREATE OR REPLACE FUNCTION pay_checkout_status_rank(status text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 0 $$',
    );
    assert.deepEqual(await applyMigrations(client), []);
    for (const status of SESSION_STATUSES) {
      const [row] = await client.query<{ rank: number }>('SELECT pay_checkout_status_rank($1) AS rank', [
        status,
      ]);
      assert.equal(row!.rank, statusRank(status), status);
    }
  });

  it('upgrades a database of migration 1, keeping its sessions', async () => {
    const old = pgliteThreadClient(undefined);
    try {
      assert.deepEqual(await applyMigrations(old, MIGRATIONS.slice(0, 1)), [1]);
      await old.query(
        `INSERT INTO sessions (id, order_id, provider, method, amount, currency, description, reference, expires_at)
         VALUES ('cs_v1', 'order_v1', 'connectpay', 'pis', 500, 'EUR', 'Order 500', 'ref_v1', now() + interval '1 hour')`,
      );
      assert.deepEqual(
        await applyMigrations(old),
        MIGRATIONS.slice(1).map((migration) => migration.version),
      );
      const store = sqlStore(old);
      const kept = await store.getSession('cs_v1');
      assert.equal(kept?.amount, 500);
      assert.deepEqual(
        (await store.listSessionsByOrder('order_v1')).map((session) => session.id),
        ['cs_v1'],
      );
      assert.equal(kept !== undefined && 'providerData' in kept, false);
      assert.deepEqual(await store.listOperations('cs_v1'), []);
      const attached = await store.attachProviderPayment({
        sessionId: 'cs_v1',
        providerRef: 'pay_v1',
        redirectUrl: 'https://bank.example/v1',
        providerData: { kept: true },
        next: { type: 'redirect', url: 'https://bank.example/v1' },
      });
      assert.deepEqual(attached.providerData, { kept: true });
    } finally {
      await old.close();
    }
  });

  it('lets a request take over an idempotency claim older than the lease (its process died)', async () => {
    // Lease 0: every unfinished claim counts as abandoned, which stands in for "5 minutes later".
    const store = sqlStore(client, { idempotencyLeaseMs: 0 });
    assert.deepEqual(await store.claimIdempotencyKey('lease-key', 'hash'), { kind: 'claimed' });
    assert.deepEqual(await store.claimIdempotencyKey('lease-key', 'hash'), { kind: 'claimed' });
    assert.deepEqual(await store.claimIdempotencyKey('lease-key', 'other-hash'), { kind: 'mismatch' });
    await store.completeIdempotencyKey('lease-key', { status: 201, body: { ok: true } });
    assert.deepEqual(await store.claimIdempotencyKey('lease-key', 'hash'), {
      kind: 'replay',
      response: { status: 201, body: { ok: true } },
    });
  });

  it('takes over a stale claim together with the new session when opening one, or not at all', async () => {
    const store = sqlStore(client, { idempotencyLeaseMs: 0 });
    const first = await store.openSession({
      key: 'lease-open',
      requestHash: 'hash',
      session: session('cs_lease_1'),
    });
    assert.equal(first.kind, 'claimed');
    // The first holder "died": the next request with the same key and body takes over, with its session.
    const second = await store.openSession({
      key: 'lease-open',
      requestHash: 'hash',
      session: session('cs_lease_2'),
    });
    assert.equal(second.kind, 'claimed');
    assert.equal((await store.getSession('cs_lease_2'))?.status, 'created');
    // A takeover whose session cannot be stored rolls back with it: the claim stays as it was.
    await assert.rejects(
      store.openSession({ key: 'lease-open', requestHash: 'hash', session: session('cs_lease_2') }),
      StoreConflictError,
    );
    assert.deepEqual(await store.peekIdempotencyKey('lease-open', 'hash'), { kind: 'in_progress' });
  });
});

describe('PGlite client on a worker thread (prepared statements)', () => {
  const client = pgliteThreadClient(undefined);
  after(() => client.close());

  it('prepares each statement text once and reuses it on every later call', async () => {
    const sql = 'SELECT $1::integer + 1 AS next';
    for (let i = 0; i < 5; i++) assert.deepEqual(await client.query(sql, [i]), [{ next: i + 1 }]);
    const prepared = await client.query<{ statement: string }>(
      'SELECT statement FROM pg_prepared_statements',
    );
    assert.equal(prepared.filter((row) => row.statement === sql).length, 1);
  });

  it('runs with a 16 MB buffer pool, not the 128 MB initdb writes into postgresql.conf (docs/footprint.md)', async () => {
    const [row] = await client.query<{ shared_buffers: string }>('SHOW shared_buffers');
    assert.equal(row?.shared_buffers, '16MB');
    // The setting comes on top of PGlite's own start parameters, which must still apply.
    const [path] = await client.query<{ search_path: string }>('SHOW search_path');
    assert.equal(path?.search_path, 'public');
  });

  it('sends parameters in the types PostgreSQL inferred: dates, big integers, json, nulls', async () => {
    const at = new Date('2026-11-25T10:11:12.345Z');
    const [row] = await client.query<{ at: Date; n: number; doc: unknown; nothing: null }>(
      'SELECT $1::timestamptz AS at, $2::bigint AS n, $3::jsonb AS doc, $4::text AS nothing',
      [at, 9_007_199_254_740_991, JSON.stringify({ a: [1, 'b'] }), null],
    );
    assert.equal(row!.at.toISOString(), at.toISOString());
    assert.equal(Number(row!.n), 9_007_199_254_740_991);
    assert.deepEqual(row!.doc, { a: [1, 'b'] });
    assert.equal(row!.nothing, null);
  });

  it('reports a failed statement by its SQLSTATE and stays usable', async () => {
    await client.query('CREATE TABLE client_probe (id integer PRIMARY KEY)');
    await client.query('INSERT INTO client_probe VALUES ($1)', [1]);
    await assert.rejects(client.query('INSERT INTO client_probe VALUES ($1)', [1]), { code: '23505' });
    assert.deepEqual(await client.query('SELECT count(*)::integer AS n FROM client_probe'), [{ n: 1 }]);
  });

  it('rolls a transaction back when its function throws, and commits when it returns', async () => {
    await assert.rejects(
      client.transaction(async (tx) => {
        await tx.query('INSERT INTO client_probe VALUES ($1)', [2]);
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    assert.equal(
      await client
        .transaction(async (tx) => tx.query('INSERT INTO client_probe VALUES ($1)', [3]))
        .then(() => 'ok'),
      'ok',
    );
    const ids = await client.query<{ id: number }>('SELECT id FROM client_probe ORDER BY id');
    assert.deepEqual(
      ids.map((row) => row.id),
      [1, 3],
    );
  });

  it('refuses to report success for a transaction whose failure was swallowed', async () => {
    await assert.rejects(
      client.transaction(async (tx) => {
        await tx.query('INSERT INTO client_probe VALUES ($1)', [4]);
        await tx.query('INSERT INTO client_probe VALUES ($1)', [4]).catch(() => undefined);
        return 'looks fine';
      }),
      TransactionAbortedError,
    );
    const ids = await client.query<{ id: number }>('SELECT id FROM client_probe ORDER BY id');
    assert.deepEqual(
      ids.map((row) => row.id),
      [1, 3],
    );
  });

  it('never interleaves a transaction with statements issued meanwhile', async () => {
    let inside = false;
    const observed: boolean[] = [];
    const transaction = client.transaction(async (tx) => {
      inside = true;
      await tx.query('INSERT INTO client_probe VALUES ($1)', [5]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inside = false;
    });
    const outside = client.query('SELECT 1').then(() => observed.push(inside));
    await Promise.all([transaction, outside]);
    assert.deepEqual(observed, [false]);
  });
});

describe('PGlite worker thread and the process', () => {
  it('keeps the process alive while a query is outstanding, and lets it exit when idle without close()', async () => {
    // Nothing else keeps this child alive: it prints only if the pending query held the process open,
    // and it exits only if the idle worker does not hold it (the test then times out).
    const script = `
      import { pgliteStore } from ${JSON.stringify(storeModule)};
      const store = pgliteStore({ memory: true });
      const found = await store.getSession('cs_nowhere');
      process.stdout.write(found === undefined ? 'answered\\n' : 'wrong\\n');
    `;
    const run = await runToExit(['--import', 'tsx', '--input-type=module', '--eval', script], process.env);
    assert.deepEqual(run, { out: 'answered\n', code: 0 });
  });
});

describe('PGlite worker from the package bundle', () => {
  it('starts dist/store/pglite-worker.js when the store runs from dist/index.js (plain node, no tsx)', async () => {
    const bundle = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` first (npm test does)`);
    const script = `
      import { pgliteStore } from ${JSON.stringify(bundle)};
      const store = pgliteStore({ memory: true });
      await store.migrate();
      process.stdout.write((await store.getSession('cs_nowhere')) === undefined ? 'answered\\n' : 'wrong\\n');
      await store.close();
    `;
    const file = join(await tempDir(), 'use-bundle.mjs');
    await writeFile(file, script);
    // Plain node: no loader from the test runner (NODE_OPTIONS) may help the bundle.
    const { NODE_OPTIONS: _, ...env } = process.env;
    assert.deepEqual(await runToExit([file], env), { out: 'answered\n', code: 0 });
  });
});

/** Runs node with `args` until it exits on its own: what it printed, and its exit code. */
async function runToExit(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ out: string; code: number | null }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { out, code };
}
