import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKnobBoard } from '../../src/shared/knobs/knob-board.js';
import { readKnobHeaders } from '../../src/shared/knobs/knob-headers.js';

describe('the knob board', () => {
  it('fails a call when the random draw falls below errorRate, and only then', () => {
    let draw = 0;
    const board = createKnobBoard(() => draw);
    board.setGlobal({ errorRate: 0.5 });
    draw = 0.49;
    assert.equal(board.injectedFailure('sandbox-client'), 500);
    draw = 0.5;
    assert.equal(board.injectedFailure('sandbox-client'), undefined);
  });

  it('answers queued failures in order, per client, before the error rate', () => {
    const board = createKnobBoard(() => 0.99);
    board.queueFailures('a', [500, 503]);
    assert.equal(board.injectedFailure('b'), undefined);
    assert.equal(board.injectedFailure('a'), 500);
    assert.equal(board.injectedFailure('a'), 503);
    assert.equal(board.injectedFailure('a'), undefined);
    assert.deepEqual(board.pendingFailures(), {});
  });

  it('gives new payments the global notification knobs unless the initiation overrides them', () => {
    const board = createKnobBoard();
    board.setGlobal({ notificationDelayMs: 50, duplicateNotifications: true });
    assert.deepEqual(board.forNewPayment({ duplicateNotifications: false }), {
      notificationDelayMs: 50,
      duplicateNotifications: false,
      reorderNotifications: false,
    });
  });

  it('reads the X-Sandbox-* headers and reports bad values as field errors', () => {
    const good = readKnobHeaders(
      new Headers({
        'x-sandbox-latency-ms': '250',
        'x-sandbox-notification-delay-ms': '10',
        'x-sandbox-duplicate-notifications': '1',
        'x-sandbox-reorder-notifications': 'true',
        'x-sandbox-fail-next': '500, 502',
      }),
    );
    assert.deepEqual(good, {
      knobs: {
        latencyMs: 250,
        notificationDelayMs: 10,
        duplicateNotifications: true,
        reorderNotifications: true,
      },
      failNext: [500, 502],
      errors: [],
    });
    const bad = readKnobHeaders(
      new Headers({
        'x-sandbox-latency-ms': '-5',
        'x-sandbox-duplicate-notifications': 'yes',
        'x-sandbox-fail-next': '200',
      }),
    );
    assert.deepEqual(
      bad.errors.map((error) => error.path),
      [
        'headers.x-sandbox-latency-ms',
        'headers.x-sandbox-duplicate-notifications',
        'headers.x-sandbox-fail-next',
      ],
    );
  });

  it("lets one client's error rate and latency differ from the global knobs, and null return them", () => {
    const board = createKnobBoard(() => 0.5);
    board.setGlobal({ latencyMs: 20 });
    board.setClient('b', { errorRate: 1, latencyMs: 300 });
    assert.equal(board.injectedFailure('b'), 500);
    assert.equal(board.injectedFailure('a'), undefined);
    assert.equal(board.latencyFor('b'), 300);
    assert.equal(board.latencyFor('a'), 20);
    assert.equal(board.latencyFor(undefined), 20);
    assert.deepEqual(board.clients(), { b: { errorRate: 1, latencyMs: 300 } });
    assert.deepEqual(board.setClient('b', { errorRate: null }), { latencyMs: 300 });
    assert.equal(board.injectedFailure('b'), undefined);
    board.setClient('b', { latencyMs: null });
    assert.deepEqual(board.clients(), {});
    assert.equal(board.latencyFor('b'), 20);
  });

  it("a client's own error rate 0 holds even when the global rate fails everything", () => {
    const board = createKnobBoard(() => 0);
    board.setGlobal({ errorRate: 1 });
    board.setClient('a', { errorRate: 0 });
    assert.equal(board.injectedFailure('a'), undefined);
    assert.equal(board.injectedFailure('b'), 500);
  });

  it('reset returns to the defaults and forgets queued failures and per-payment latency', () => {
    const board = createKnobBoard();
    board.setGlobal({ latencyMs: 10 });
    board.queueFailures('a', [500]);
    board.setPaymentLatency('p', 100);
    board.setClient('b', { errorRate: 1 });
    board.reset();
    assert.equal(board.global().latencyMs, 0);
    assert.deepEqual(board.clients(), {});
    assert.equal(board.injectedFailure('a'), undefined);
    assert.equal(board.paymentLatency('p'), undefined);
  });
});
