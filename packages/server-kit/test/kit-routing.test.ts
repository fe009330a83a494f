import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CreateSessionResponse, OptionsResponse, SessionView } from '@pay-checkout/contract';
import { errorCode } from './helpers/error-code.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, SHOP_ORIGIN, startKit, TEE_ORDER } from './helpers/kit-server.js';

/** Routing with failover, attempts and circuit breakers through the whole kit, with exact control. */
describe('server-kit routing with failover', () => {
  let kit: KitServer;
  let primary: FakeProvider;
  let backup: FakeProvider;
  const book = orderBook({ 'order-1': TEE_ORDER });

  before(async () => {
    primary = new FakeProvider({ id: 'primary', methods: ['pis', 'card'] });
    backup = new FakeProvider({
      id: 'backup',
      methods: ['pis', 'card'],
      redirectHost: 'pay.backup.test',
      banks: { DE: [{ id: 'bk-77', name: 'Fake Bank (backup)', country: 'DE', bic: 'FAKEDEFFXXX' }] },
    });
    kit = await startKit({
      providers: [primary, backup],
      resolveOrder: book.resolveOrder,
      // Never opens here: the circuit has its own suite below.
      circuitBreaker: { failureThreshold: 1000, cooldownMs: 60_000 },
    });
  });
  after(() => kit.close());
  beforeEach(() => {
    primary.next.length = 0;
    backup.next.length = 0;
  });

  async function attemptsOf(sessionId: string) {
    return (await kit.store.listAttempts(sessionId)).map((a) => [a.attempt, a.provider, a.outcome]);
  }

  it('uses the first provider of the route while it works, one attempt row', async () => {
    const response = await kit.createSession({ order: 'order-1', method: 'card' });
    assert.equal(response.status, 201);
    const { sessionId } = CreateSessionResponse.parse(await response.json());
    assert.deepEqual(await attemptsOf(sessionId), [[1, 'primary', 'created']]);
    assert.equal(
      SessionView.parse(await (await fetch(kit.url(`sessions/${sessionId}`))).json()).provider,
      'primary',
    );
  });

  it('falls over to the next provider when the first answered 5xx and created nothing', async () => {
    primary.next.push('unavailable');
    const response = await kit.createSession({ order: 'order-1', method: 'card' });
    assert.equal(response.status, 201);
    const { sessionId, redirectUrl } = CreateSessionResponse.parse(await response.json());
    assert.equal(new URL(redirectUrl).host, 'pay.backup.test');
    assert.deepEqual(await attemptsOf(sessionId), [
      [1, 'primary', 'unavailable'],
      [2, 'backup', 'created'],
    ]);
    const view = SessionView.parse(await (await fetch(kit.url(`sessions/${sessionId}`))).json());
    assert.equal(view.provider, 'backup');
    assert.equal(backup.paymentFor(sessionId).reference, `pc-${sessionId}`);
  });

  it('falls over after a refusal, which does not count against the circuit', async () => {
    primary.next.push('reject');
    const response = await kit.createSession({ order: 'order-1', method: 'card' });
    assert.equal(response.status, 201);
    const { sessionId } = CreateSessionResponse.parse(await response.json());
    assert.deepEqual(await attemptsOf(sessionId), [
      [1, 'primary', 'refused'],
      [2, 'backup', 'created'],
    ]);
  });

  it('never falls over after a timeout: the first provider may have the payment (504, retryable)', async () => {
    const initiationsBefore = backup.calls.initiate;
    primary.next.push('timeout');
    const response = await kit.createSession({ order: 'order-1', method: 'card' });
    assert.equal(response.status, 504);
    assert.equal(await errorCode(response), 'provider_timeout');
    assert.equal(backup.calls.initiate, initiationsBefore, 'the backup was not asked');
  });

  it('for PIS uses a fallback only with the same bank, matched by BIC, under the fallback’s bank id', async () => {
    primary.next.push('unavailable');
    const response = await kit.createSession({
      order: 'order-1',
      method: 'pis',
      bank: 'fake-bank',
      country: 'DE',
    });
    assert.equal(response.status, 201);
    const { sessionId } = CreateSessionResponse.parse(await response.json());
    assert.equal(backup.paymentFor(sessionId).input.bank, 'bk-77');

    // A bank only the primary offers (another BIC): no fallback has it, so the primary's failure stands.
    primary.bankDirectory.DE.push({ id: 'own-bank', name: 'Own Bank', country: 'DE', bic: 'OWNBDEFFXXX' });
    primary.next.push('unavailable');
    const noMatch = await kit.createSession({
      order: 'order-1',
      method: 'pis',
      bank: 'own-bank',
      country: 'DE',
    });
    primary.bankDirectory.DE.pop();
    assert.equal(noMatch.status, 502, 'no fallback has that bank: the primary’s failure stands');
  });

  it('honours a pinned provider of the route and refuses one outside it', async () => {
    const pinned = await kit.createSession({ order: 'order-1', method: 'card', provider: 'backup' });
    assert.equal(pinned.status, 201);
    const { sessionId } = CreateSessionResponse.parse(await pinned.json());
    assert.deepEqual(await attemptsOf(sessionId), [[1, 'backup', 'created']]);
    const refused = await kit.createSession({ order: 'order-1', method: 'card', provider: 'nobody' });
    assert.equal(refused.status, 400);
    assert.equal(await errorCode(refused), 'provider_not_allowed');
  });

  it('GET options still offers the method while one provider of its route is up', async () => {
    const response = await fetch(kit.url('options?order=order-1&country=DE'), {
      headers: { origin: SHOP_ORIGIN },
    });
    const body = OptionsResponse.parse(await response.json());
    assert.ok(body.methods.some((m) => m.id === 'card'));
  });
});

describe('server-kit routing: circuit breaker per provider instance', () => {
  it('opens after consecutive outages, skips the provider, shows it in health, and recovers after a probe', async () => {
    const primary = new FakeProvider({ id: 'primary', methods: ['card'] });
    const backup = new FakeProvider({ id: 'backup', methods: ['card'], redirectHost: 'pay.backup.test' });
    const book = orderBook({ 'order-1': TEE_ORDER });
    const kit = await startKit({
      providers: [primary, backup],
      resolveOrder: book.resolveOrder,
      circuitBreaker: { failureThreshold: 2, cooldownMs: 1_000 },
    });
    const attemptsOf = async (sessionId: string) =>
      (await kit.store.listAttempts(sessionId)).map((a) => [a.attempt, a.provider, a.outcome]);
    try {
      primary.next.push('unavailable', 'unavailable');
      for (let i = 0; i < 2; i++) {
        assert.equal((await kit.createSession({ order: 'order-1', method: 'card' })).status, 201);
      }
      assert.equal(kit.checkout.health().providers.find((p) => p.id === 'primary')?.circuit, 'open');
      const before = primary.calls.initiate;
      const response = await kit.createSession({ order: 'order-1', method: 'card' });
      assert.equal(response.status, 201);
      const { sessionId } = CreateSessionResponse.parse(await response.json());
      assert.equal(primary.calls.initiate, before, 'an open circuit is not called');
      assert.deepEqual(await attemptsOf(sessionId), [[1, 'backup', 'created']]);
      const overHttp = await fetch(kit.url('health'));
      assert.equal(overHttp.status, 200);
      const body = (await overHttp.json()) as { providers: Record<string, { circuit: string }> };
      assert.deepEqual(
        Object.entries(body.providers).map(([id, p]) => [id, p.circuit]),
        [
          ['primary', 'open'],
          ['backup', 'closed'],
        ],
      );
      // After the cool-down one probe goes to the primary; it works, so the circuit closes.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const probe = await kit.createSession({ order: 'order-1', method: 'card' });
      assert.equal(probe.status, 201);
      const probed = CreateSessionResponse.parse(await probe.json());
      assert.deepEqual(await attemptsOf(probed.sessionId), [[1, 'primary', 'created']]);
      assert.equal(kit.checkout.health().providers.find((p) => p.id === 'primary')?.circuit, 'closed');
    } finally {
      await kit.close();
    }
  });
});

describe('server-kit routing: every provider down', () => {
  it('answers 503 provider_unavailable when every circuit of the route is open, and fails nothing silently', async () => {
    const only = new FakeProvider({ id: 'only', methods: ['card'] });
    const book = orderBook({ 'order-1': TEE_ORDER });
    const kit = await startKit({
      providers: [only],
      resolveOrder: book.resolveOrder,
      circuitBreaker: { failureThreshold: 1, cooldownMs: 60_000 },
    });
    try {
      only.next.push('unavailable', 'unavailable', 'unavailable');
      const first = await kit.createSession({ order: 'order-1', method: 'card' });
      assert.equal(first.status, 502, 'the provider’s own failure, after its retries');
      const second = await kit.createSession({ order: 'order-1', method: 'card' });
      assert.equal(second.status, 503);
      assert.equal(await errorCode(second), 'provider_unavailable');
      const options = OptionsResponse.parse(
        await (await fetch(kit.url('options?order=order-1'), { headers: { origin: SHOP_ORIGIN } })).json(),
      );
      assert.ok(!options.methods.some((m) => m.id === 'card'), 'an open circuit hides the method');
      assert.equal((await fetch(kit.url('health'))).status, 503);
    } finally {
      await kit.close();
    }
  });
});
