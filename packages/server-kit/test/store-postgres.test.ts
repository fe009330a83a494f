import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { runStoreConformance } from '../src/store/conformance.js';
import { applyMigrations, MIGRATIONS } from '../src/store/migrations.js';
import { postgresClient } from '../src/store/postgres-client.js';
import { postgresStore } from '../src/store/postgres-store.js';
import { sqlStore } from '../src/store/sql-store.js';
import type { CheckoutStore, NewSession } from '../src/store/store.js';
import { type PgCluster, pgClusterUnavailable, startPgCluster } from './helpers/pg-cluster.js';

// One throw-away PostgreSQL 15 cluster for the whole file, a fresh database per suite.
const unavailable = pgClusterUnavailable();
let cluster: Promise<PgCluster> | undefined;
let databases = 0;
async function freshDatabase(): Promise<string> {
  cluster ??= startPgCluster();
  return (await cluster).createDatabase(`store_${++databases}`);
}
after(async () => {
  await (await cluster)?.stop();
});

function session(id: string): NewSession {
  return {
    id,
    orderId: `order_${id}`,
    provider: 'connectpay',
    method: 'pis',
    amount: 500,
    currency: 'EUR',
    description: 'Order 500',
    reference: `ref_${id}`,
    expiresAt: new Date(Date.now() + 60_000),
    nextPollAt: null,
  };
}

if (unavailable) {
  describe('postgresStore', () => {
    it('runs against a throw-away PostgreSQL cluster', { skip: unavailable }, () => {});
  });
} else {
  runStoreConformance('postgresStore', async () => postgresStore(await freshDatabase()));

  describe('postgresStore with several instances on one database', () => {
    let url: string;
    const stores: CheckoutStore[] = [];
    const instance = () => {
      const store = postgresStore(url);
      stores.push(store);
      return store;
    };
    before(async () => {
      url = await freshDatabase();
    });
    after(async () => {
      await Promise.all(stores.map((store) => store.close()));
    });

    it('applies each migration exactly once when instances start at the same moment', async () => {
      await Promise.all([instance(), instance(), instance(), instance()].map((store) => store.migrate()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: number }>(
          'SELECT version FROM schema_migrations ORDER BY 1',
        );
        assert.deepEqual(
          rows.map((row) => row.version),
          MIGRATIONS.map((migration) => migration.version),
        );
      } finally {
        await client.end();
      }
    });

    it('announces a change committed through instance A to subscribers of instance B (docs/reliability.md 17)', async () => {
      const [a, b] = [instance(), instance()];
      let heardFirst!: (change: { sessionId: string; eventId: number }) => void;
      const heard = new Promise<{ sessionId: string; eventId: number }>((resolve) => {
        heardFirst = resolve;
      });
      const stop = await b.subscribe((change) => {
        if (change.sessionId === 'cs_multi') heardFirst(change);
      });
      await a.createSession(session('cs_multi'));
      const result = await a.transition({ sessionId: 'cs_multi', to: 'pending', source: 'initiate' });
      assert.equal(result.outcome, 'applied');
      const change = await heard;
      const [created] = await b.eventsSince('cs_multi', 0);
      assert.deepEqual(change, { sessionId: 'cs_multi', eventId: created!.id });
      assert.deepEqual(await b.getSession('cs_multi'), result.session);
      await stop();
    });

    it('listens again after the server dropped its listening connection', { timeout: 30_000 }, async () => {
      const store = instance();
      const heard = new Set<string>();
      const stop = await store.subscribe((change) => heard.add(change.sessionId));
      await store.createSession(session('cs_before_drop'));
      while (!heard.has('cs_before_drop')) await new Promise((resolve) => setTimeout(resolve, 20));

      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ dropped: boolean }>(
          `SELECT pg_terminate_backend(pid) AS dropped FROM pg_stat_activity
            WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
        );
        assert.ok(rows.length > 0 && rows.every((row) => row.dropped));
      } finally {
        await admin.end();
      }
      // Changes made while nobody listens are lost to LISTEN (readers catch up from the store), so
      // keep writing until one is heard: that proves the store listens again.
      for (let attempt = 0; ![...heard].some((id) => id.startsWith('cs_after_drop_')); attempt++) {
        await store.createSession(session(`cs_after_drop_${attempt}`));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await stop();
    });

    it('upgrades a database of migration 1 to the operations ledger, keeping its sessions', async () => {
      const pool = new pg.Pool({ connectionString: await freshDatabase() });
      const client = postgresClient(pool);
      try {
        assert.deepEqual(await applyMigrations(client, MIGRATIONS.slice(0, 1)), [1]);
        await client.query(
          `INSERT INTO sessions (id, order_id, provider, method, amount, currency, description, reference, expires_at)
           VALUES ('cs_v1', 'order_v1', 'connectpay', 'pis', 500, 'EUR', 'Order 500', 'ref_v1', now() + interval '1 hour')`,
        );
        await client.query("UPDATE sessions SET status = 'succeeded' WHERE id = 'cs_v1'");
        // Several instances start on the old database at once: every later migration applies once.
        const applied = await Promise.all([applyMigrations(client), applyMigrations(client)]);
        assert.deepEqual(
          applied.flat(),
          MIGRATIONS.slice(1).map((migration) => migration.version),
        );
        const store = sqlStore(client);
        assert.equal((await store.getSession('cs_v1'))?.status, 'succeeded');
        assert.deepEqual(
          (await store.listSessionsByOrder('order_v1')).map((session) => session.id),
          ['cs_v1'],
        );
        const refund = await store.reserveOperation({
          id: 'op_v1',
          sessionId: 'cs_v1',
          kind: 'refund',
          idempotencyKey: 'k',
          requestHash: 'h',
        });
        assert.equal(refund.kind === 'reserved' && refund.operation.amount, 500);
      } finally {
        await client.close();
      }
    });

    it('lets one notification id apply once across instances racing for it', async () => {
      const stores = [instance(), instance(), instance()];
      await stores[0]!.createSession(session('cs_race'));
      await stores[0]!.transition({ sessionId: 'cs_race', to: 'pending', source: 'initiate' });
      const results = await Promise.all(
        stores.map((store) =>
          store.transition({
            sessionId: 'cs_race',
            to: 'succeeded',
            source: 'notification',
            notification: { provider: 'connectpay', notificationId: 'race-1', payload: '{}' },
          }),
        ),
      );
      assert.deepEqual(results.map((result) => result.outcome).sort(), ['applied', 'duplicate', 'duplicate']);
    });
  });
}
