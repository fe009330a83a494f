import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, retry } from '../src/providers/http/retry.js';
import { withTimeout } from '../src/providers/http/timeout.js';

class Transient extends Error {}

describe('withTimeout', () => {
  it('returns the result of a call that finishes in time', async () => {
    const value = await withTimeout(async () => 42, { timeoutMs: 1000, onTimeout: () => new Error('late') });
    assert.equal(value, 42);
  });

  it('rejects with the onTimeout error and aborts the signal when the call hangs', async () => {
    let seen: AbortSignal | undefined;
    await assert.rejects(
      withTimeout(
        (signal) => {
          seen = signal;
          return new Promise<never>(() => {}); // ignores the signal: the deadline must still hold
        },
        { timeoutMs: 20, onTimeout: () => new Error('deadline passed') },
      ),
      { message: 'deadline passed' },
    );
    assert.equal(seen?.aborted, true);
  });

  it("rejects with the caller's reason, not a timeout, when the caller aborts", async () => {
    const caller = new AbortController();
    const pending = withTimeout(() => new Promise<never>(() => {}), {
      timeoutMs: 10_000,
      signal: caller.signal,
      onTimeout: () => new Error('deadline passed'),
    });
    caller.abort(new Error('shopper left'));
    await assert.rejects(pending, { message: 'shopper left' });
  });
});

describe('retry (reads only)', () => {
  const fast = { baseMs: 1, maxMs: 2 };

  it('retries transient errors and returns the first success', async () => {
    let calls = 0;
    const value = await retry(
      async () => {
        calls++;
        if (calls < 3) throw new Transient('500');
        return 'ok';
      },
      { ...fast, retries: 3, isRetryable: (error) => error instanceof Transient },
    );
    assert.equal(value, 'ok');
    assert.equal(calls, 3);
  });

  it('does not retry an error that is not retryable', async () => {
    let calls = 0;
    await assert.rejects(
      retry(
        async () => {
          calls++;
          throw new Error('404');
        },
        { ...fast, retries: 3, isRetryable: (error) => error instanceof Transient },
      ),
      { message: '404' },
    );
    assert.equal(calls, 1);
  });

  it('gives up after the configured number of retries with the last error', async () => {
    let calls = 0;
    await assert.rejects(
      retry(
        async () => {
          calls++;
          throw new Transient(`attempt ${calls}`);
        },
        { ...fast, retries: 2, isRetryable: () => true },
      ),
      { message: 'attempt 3' },
    );
    assert.equal(calls, 3);
  });

  it('waits a full-jitter delay: random share of min(cap, base * 2^n)', () => {
    const policy = { baseMs: 100, maxMs: 1000 };
    assert.equal(
      backoffDelay(0, policy, () => 0.999999),
      99,
    );
    assert.equal(
      backoffDelay(2, policy, () => 0.5),
      200,
    );
    assert.equal(
      backoffDelay(10, policy, () => 0.5),
      500,
    ); // capped at maxMs before jitter
    assert.equal(
      backoffDelay(3, policy, () => 0),
      0,
    );
  });

  it('reports each retry with its growing delay ceiling', async () => {
    const delays: number[] = [];
    await assert.rejects(
      retry(
        async () => {
          throw new Transient('500');
        },
        {
          baseMs: 1,
          maxMs: 4,
          retries: 4,
          isRetryable: () => true,
          random: () => 0.999,
          onRetry: (_error, _attempt, delay) => delays.push(delay),
        },
      ),
    );
    assert.deepEqual(delays, [0, 1, 3, 3]);
  });
});
