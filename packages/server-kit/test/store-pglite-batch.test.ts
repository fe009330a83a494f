import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { pgliteThreadClient } from '../src/store/pglite-thread.js';

// The PGlite worker runs statements that reach it together as one batch under one Sync (a group
// commit, src/store/pglite-connection.ts): each must still get exactly its own outcome.
describe('PGlite worker: statements sent together (group commit)', () => {
  const client = pgliteThreadClient(undefined);
  after(() => client.close());

  it('runs statements sent in the same turn as one transaction', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid'),
      ),
    );
    // Alone, each statement is its own transaction with its own id; batched, they share one.
    assert.ok(new Set(ids.map(([row]) => row!.xid)).size < 20, 'the statements were not batched');
  });

  it('gives each statement of a batch its own rows, read by type', async () => {
    const at = new Date('2026-12-01T00:11:12.345Z');
    const rows = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.query<{ n: number; at: Date; doc: { i: number }; nothing: null }>(
          'SELECT $1::integer AS n, $2::timestamptz AS at, $3::jsonb AS doc, NULL::text AS nothing',
          [i, at, JSON.stringify({ i })],
        ),
      ),
    );
    rows.forEach(([row], i) => {
      assert.equal(row!.n, i);
      assert.equal(row!.at.toISOString(), at.toISOString());
      assert.deepEqual(row!.doc, { i });
      assert.equal(row!.nothing, null);
    });
  });

  it('fails only the statement that failed: the others of its batch are applied, once', async () => {
    await client.query('CREATE TABLE batch_probe (id integer PRIMARY KEY)');
    await client.query('INSERT INTO batch_probe VALUES ($1)', [5]);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        client.query<{ id: number }>('INSERT INTO batch_probe VALUES ($1) RETURNING id', [i + 1]),
      ),
    );
    outcomes.forEach((outcome, i) => {
      if (i + 1 === 5) assert.equal(outcome.status === 'rejected' && outcome.reason.code, '23505');
      else assert.deepEqual(outcome.status === 'fulfilled' && outcome.value, [{ id: i + 1 }]);
    });
    const ids = await client.query<{ id: number }>('SELECT id FROM batch_probe ORDER BY id');
    assert.deepEqual(
      ids.map((row) => row.id),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  });

  it('keeps a transaction apart from statements sent while it runs', async () => {
    await client.query('CREATE TABLE batch_tx (id integer PRIMARY KEY)');
    const outside = [client.query('INSERT INTO batch_tx VALUES (1)')];
    const tx = client.transaction(async (t) => {
      await t.query('INSERT INTO batch_tx VALUES (2)');
      throw new Error('roll back');
    });
    outside.push(client.query('INSERT INTO batch_tx VALUES (3)'));
    await assert.rejects(tx, /roll back/);
    await Promise.all(outside);
    const ids = await client.query<{ id: number }>('SELECT id FROM batch_tx ORDER BY id');
    assert.deepEqual(
      ids.map((row) => row.id),
      [1, 3],
    );
  });
});
