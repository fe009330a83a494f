import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pgliteStore } from '../src/store/pglite-store.js';
import { errorCode } from './helpers/error-code.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

/** docs/reliability.md 1–3 (Stripe API idempotency; IETF draft "The Idempotency-Key HTTP Header Field"). */
describe('reliability: idempotency of POST sessions', () => {
  const store = pgliteStore({ memory: true });
  const book = orderBook({ 'order-1': TEE_ORDER, 'order-2': { ...TEE_ORDER, amount: '5.00' } });
  let provider: FakeProvider;
  let kit: KitServer;

  before(async () => {
    provider = new FakeProvider();
    kit = await startKit({ providers: [provider], resolveOrder: book.resolveOrder, store });
  });
  after(async () => {
    await kit.close();
    await store.close();
  });

  it('R1: same Idempotency-Key and body replays the stored response without a second provider call', async () => {
    const first = await kit.createSession({ order: 'order-1', method: 'card' }, 'r1-key');
    const firstBody = await first.json();
    const calls = provider.calls.initiate;
    // Same body with other key order and spacing is the same request.
    const second = await kit.createSession('{ "method": "card",  "order": "order-1" }', 'r1-key');
    assert.equal(second.status, first.status);
    assert.equal(second.status, 201);
    assert.deepEqual(await second.json(), firstBody);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(provider.calls.initiate, calls, 'no second provider call');
  });

  it('R2: same key with a different body → 422 idempotency_key_reused, and no provider call', async () => {
    await kit.createSession({ order: 'order-1', method: 'card' }, 'r2-key');
    const calls = provider.calls.initiate;
    const response = await kit.createSession({ order: 'order-2', method: 'card' }, 'r2-key');
    assert.equal(response.status, 422);
    assert.equal(await errorCode(response), 'idempotency_key_reused');
    assert.equal(provider.calls.initiate, calls);
  });

  it('R2: a missing Idempotency-Key → 400 and a key over 255 characters → 400, no provider call', async () => {
    const calls = provider.calls.initiate;
    const missing = await fetch(kit.url('sessions'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order: 'order-1', method: 'card' }),
    });
    assert.equal(missing.status, 400);
    assert.equal(await errorCode(missing), 'invalid_idempotency_key');
    const tooLong = await kit.createSession({ order: 'order-1', method: 'card' }, 'k'.repeat(256));
    assert.equal(tooLong.status, 400);
    assert.equal(await errorCode(tooLong), 'invalid_idempotency_key');
    const longest = await kit.createSession({ order: 'order-1', method: 'card' }, 'k'.repeat(255));
    assert.equal(longest.status, 201, 'exactly 255 characters is allowed');
    assert.equal(provider.calls.initiate, calls + 1);
  });

  it('R3: two concurrent requests with one key → exactly one provider call; the other gets 409 or the replay', async () => {
    provider.initiateDelayMs = 300;
    try {
      const calls = provider.calls.initiate;
      const [a, b] = await Promise.all([
        kit.createSession({ order: 'order-1', method: 'pis' }, 'r3-key'),
        kit.createSession({ order: 'order-1', method: 'pis' }, 'r3-key'),
      ]);
      assert.equal(provider.calls.initiate, calls + 1, 'exactly one provider call');
      const statuses = [a.status, b.status].sort();
      assert.ok(
        (statuses[0] === 201 && statuses[1] === 409) || (statuses[0] === 201 && statuses[1] === 201),
        `statuses ${statuses}`,
      );
      const loser = a.status === 409 ? a : b.status === 409 ? b : undefined;
      if (loser) {
        assert.equal(await errorCode(loser), 'idempotency_in_progress');
        assert.equal(loser.headers.get('retry-after'), '1');
      }
      // Afterwards the key replays the one session.
      const replay = await kit.createSession({ order: 'order-1', method: 'pis' }, 'r3-key');
      assert.equal(replay.status, 201);
      assert.equal(provider.calls.initiate, calls + 1);
    } finally {
      provider.initiateDelayMs = 0;
    }
  });

  it('R1: a retry still gets the stored response when its order no longer resolves (e.g. removed once paid)', async () => {
    book.orders.set('order-gone', TEE_ORDER);
    const first = await kit.createSession({ order: 'order-gone', method: 'card' }, 'gone-key');
    assert.equal(first.status, 201);
    const firstBody = await first.json();
    book.orders.delete('order-gone');
    const calls = provider.calls.initiate;
    const replay = await kit.createSession({ order: 'order-gone', method: 'card' }, 'gone-key');
    assert.equal(replay.status, 201);
    assert.deepEqual(await replay.json(), firstBody);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const mismatch = await kit.createSession({ order: 'order-gone', method: 'pis' }, 'gone-key');
    assert.equal(mismatch.status, 422);
    const fresh = await kit.createSession({ order: 'order-gone', method: 'card' }, 'gone-key-2');
    assert.equal(fresh.status, 404, 'a new key still needs an order that resolves');
    assert.equal(provider.calls.initiate, calls);
  });

  it('a provider refusal is not stored under the key: the same key may retry', async () => {
    provider.next.push('reject');
    const refused = await kit.createSession({ order: 'order-1', method: 'card' }, 'refused-key');
    assert.equal(refused.status, 502);
    assert.equal(await errorCode(refused), 'provider_error');
    const retry = await kit.createSession({ order: 'order-1', method: 'card' }, 'refused-key');
    assert.equal(retry.status, 201);
  });
});
