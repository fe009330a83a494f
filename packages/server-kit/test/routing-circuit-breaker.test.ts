import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CircuitBreaker,
  CircuitBreakerConfig,
  createCircuitBreaker,
} from '../src/routing/circuit-breaker.js';
import { createCircuitBreakers } from '../src/routing/circuit-breakers.js';
import { routingAdapter } from './helpers/routing-adapter.js';

const START = Date.parse('2030-01-01T00:00:00.000Z');

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = START;
  return { now: () => t, advance: (ms) => (t += ms) };
}

function failTimes(breaker: CircuitBreaker, times: number): void {
  for (let i = 0; i < times; i++) {
    const permit = breaker.acquire();
    assert.ok(permit, `call ${i + 1} should be allowed`);
    permit.failure();
  }
}

/** A breaker with threshold 3 and a 10 s cool-down, opened at START. */
function openedBreaker(): { breaker: CircuitBreaker; clock: ReturnType<typeof manualClock> } {
  const clock = manualClock();
  const breaker = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000, now: clock.now });
  failTimes(breaker, 3);
  return { breaker, clock };
}

describe('circuit breaker', () => {
  it('starts closed and lets calls through', () => {
    const breaker = createCircuitBreaker();
    assert.deepEqual(breaker.state(), { state: 'closed', consecutiveFailures: 0 });
    assert.ok(breaker.acquire());
    assert.equal(breaker.isOpen(), false);
  });

  it('opens after 5 consecutive failures by default and then refuses calls', () => {
    const clock = manualClock();
    const breaker = createCircuitBreaker({ now: clock.now });
    failTimes(breaker, 4);
    assert.equal(breaker.state().state, 'closed');
    failTimes(breaker, 1);
    assert.deepEqual(breaker.state(), {
      state: 'open',
      consecutiveFailures: 5,
      openedAt: '2030-01-01T00:00:00.000Z',
      retryAt: '2030-01-01T00:00:30.000Z',
    });
    assert.equal(breaker.acquire(), undefined);
    assert.equal(breaker.isOpen(), true);
  });

  it('counts only consecutive failures: a success in between starts the count again', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 3 });
    failTimes(breaker, 2);
    breaker.acquire()!.success();
    assert.deepEqual(breaker.state(), { state: 'closed', consecutiveFailures: 0 });
    failTimes(breaker, 2);
    assert.deepEqual(breaker.state(), { state: 'closed', consecutiveFailures: 2 });
  });

  it('counts one report per permit', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2 });
    const permit = breaker.acquire()!;
    permit.failure();
    permit.failure();
    assert.deepEqual(breaker.state(), { state: 'closed', consecutiveFailures: 1 });
  });

  it('refuses calls until the cool-down is over, then reports half-open', () => {
    const { breaker, clock } = openedBreaker();
    clock.advance(9_999);
    assert.equal(breaker.acquire(), undefined);
    assert.equal(breaker.state().state, 'open');
    clock.advance(1);
    assert.equal(breaker.isOpen(), false);
    assert.deepEqual(breaker.state(), {
      state: 'half_open',
      consecutiveFailures: 3,
      openedAt: '2030-01-01T00:00:00.000Z',
      retryAt: '2030-01-01T00:00:10.000Z',
    });
  });

  it('lets exactly one probe through after the cool-down while concurrent callers are refused', async () => {
    const { breaker, clock } = openedBreaker();
    clock.advance(10_000);
    let finishProbe!: () => void;
    const probeAnswered = new Promise<void>((resolve) => {
      finishProbe = resolve;
    });
    // Ten shoppers arrive at once; each asks the breaker before calling the provider.
    const outcomes = Promise.all(
      Array.from({ length: 10 }, async () => {
        const permit = breaker.acquire();
        if (!permit) return 'refused';
        await probeAnswered;
        permit.success();
        return 'probed';
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(breaker.acquire(), undefined, 'still refused while the probe runs');
    finishProbe();
    const results = await outcomes;
    assert.equal(results.filter((r) => r === 'probed').length, 1);
    assert.equal(results.filter((r) => r === 'refused').length, 9);
    assert.deepEqual(breaker.state(), { state: 'closed', consecutiveFailures: 0 });
  });

  it('closes when the probe succeeds, and calls flow again', () => {
    const { breaker, clock } = openedBreaker();
    clock.advance(10_000);
    breaker.acquire()!.success();
    assert.deepEqual(breaker.state(), { state: 'closed', consecutiveFailures: 0 });
    assert.ok(breaker.acquire());
    assert.ok(breaker.acquire());
  });

  it('re-opens for another cool-down when the probe fails', () => {
    const { breaker, clock } = openedBreaker();
    clock.advance(12_000);
    breaker.acquire()!.failure();
    assert.deepEqual(breaker.state(), {
      state: 'open',
      consecutiveFailures: 4,
      openedAt: '2030-01-01T00:00:12.000Z',
      retryAt: '2030-01-01T00:00:22.000Z',
    });
    assert.equal(breaker.acquire(), undefined);
    clock.advance(10_000);
    assert.ok(breaker.acquire(), 'a new probe after the second cool-down');
  });

  it('hands the probe to the next caller when the probe is released without an outcome', () => {
    const { breaker, clock } = openedBreaker();
    clock.advance(10_000);
    breaker.acquire()!.release();
    assert.equal(breaker.state().state, 'half_open');
    const next = breaker.acquire();
    assert.ok(next);
    assert.equal(breaker.acquire(), undefined);
    next.success();
    assert.equal(breaker.state().state, 'closed');
  });

  it('does not let a slow call started before the circuit opened close it', () => {
    const clock = manualClock();
    const breaker = createCircuitBreaker({ failureThreshold: 2, cooldownMs: 10_000, now: clock.now });
    const slow = breaker.acquire()!;
    failTimes(breaker, 2);
    slow.success();
    assert.equal(breaker.state().state, 'open');
    assert.equal(breaker.acquire(), undefined);
  });

  it('presumes a probe lost after another cool-down and lets the next call probe; the lost one no longer counts', () => {
    const { breaker, clock } = openedBreaker();
    clock.advance(10_000);
    const lost = breaker.acquire()!;
    clock.advance(9_999);
    assert.equal(breaker.acquire(), undefined);
    clock.advance(1);
    const probe = breaker.acquire();
    assert.ok(probe);
    lost.failure();
    assert.equal(breaker.state().state, 'half_open');
    probe.success();
    assert.equal(breaker.state().state, 'closed');
  });
});

describe('config circuitBreaker', () => {
  it('accepts a threshold and a cool-down, both optional', () => {
    assert.deepEqual(CircuitBreakerConfig.parse({ failureThreshold: 3, cooldownMs: 5000 }), {
      failureThreshold: 3,
      cooldownMs: 5000,
    });
    assert.deepEqual(CircuitBreakerConfig.parse({}), {});
  });

  it('refuses a zero threshold, a fractional cool-down and an unknown key', () => {
    for (const input of [{ failureThreshold: 0 }, { cooldownMs: 1.5 }, { cooldown: 5000 }]) {
      assert.equal(CircuitBreakerConfig.safeParse(input).success, false, JSON.stringify(input));
    }
  });
});

describe('circuit breakers registry', () => {
  it('reports every provider instance in config order with its circuit', () => {
    const clock = manualClock();
    const adapters = [
      routingAdapter('connectpay', { kind: 'connectpay' }),
      routingAdapter('connectpay-eu', { kind: 'connectpay' }),
    ];
    const breakers = createCircuitBreakers(adapters, {
      failureThreshold: 2,
      cooldownMs: 30_000,
      now: clock.now,
    });
    failTimes(breakers.get('connectpay-eu'), 2);
    breakers.get('connectpay').acquire()!.failure();
    assert.deepEqual(breakers.health(), {
      providers: [
        { id: 'connectpay', kind: 'connectpay', circuit: 'closed', consecutiveFailures: 1 },
        {
          id: 'connectpay-eu',
          kind: 'connectpay',
          circuit: 'open',
          consecutiveFailures: 2,
          openedAt: '2030-01-01T00:00:00.000Z',
          retryAt: '2030-01-01T00:00:30.000Z',
        },
      ],
    });
  });

  it('keeps one breaker per instance: failures of one do not touch another', () => {
    const breakers = createCircuitBreakers([routingAdapter('a'), routingAdapter('b')], {
      failureThreshold: 1,
    });
    breakers.get('a').acquire()!.failure();
    assert.equal(breakers.get('a').isOpen(), true);
    assert.equal(breakers.get('b').isOpen(), false);
    assert.strictEqual(breakers.get('a'), breakers.get('a'));
  });

  it('throws for a provider id that is not configured', () => {
    const breakers = createCircuitBreakers([routingAdapter('a')]);
    assert.throws(() => breakers.get('nope'), /No circuit breaker for provider "nope"/);
  });
});
