import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lifetimeController } from '../../src/shared/lifetime.js';
import { sleep } from '../../src/shared/sleep.js';

describe('a stage lifetime signal', () => {
  it('carries hundreds of pending sleeps without a MaxListenersExceededWarning, and ends them on close', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const lifetime = lifetimeController();
      const sleeps = Array.from({ length: 200 }, () => sleep(60_000, lifetime.signal));
      lifetime.abort();
      await Promise.all(sleeps);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(
        warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning'),
        [],
      );
    } finally {
      process.off('warning', onWarning);
    }
  });
});
