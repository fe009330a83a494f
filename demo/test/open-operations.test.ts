import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MerchantSession } from '../src/back-office/merchant-session.js';
import { openOperations, unsupportedOperations } from '../src/back-office/open-operations.js';

type Operation = MerchantSession['operations'][number];

function session(
  status: MerchantSession['status'],
  operations: Pick<Operation, 'kind' | 'status' | 'amount'>[] = [],
  captured = 0,
): MerchantSession {
  return {
    sessionId: 'cs_1',
    orderId: 'ord-1',
    status,
    amount: { value: 1999, currency: 'EUR' },
    method: 'card',
    provider: 'opspay',
    updatedAt: '2026-01-01T00:00:00.000Z',
    amounts: { authorized: 1999, captured, refunded: 0 },
    operations: operations.map((operation, index) => ({
      ...operation,
      operationId: `op_${index}`,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })),
    attempts: [],
  };
}

const eur = (value: number) => ({ value, currency: 'EUR' });
const ALL = { capture: 'partial', void: true, refund: 'partial' } as const;

// The page's buttons follow server-kit's amount rules, so they never offer what the kit would refuse.
describe('the operations the back office offers', () => {
  it('offers capture and void on an authorization, nothing to refund yet', () => {
    assert.deepEqual(openOperations(session('authorized'), ALL), {
      capture: { remainder: 1999, partial: true },
      void: true,
    });
  });

  it('offers nothing before the payment is final, after it failed, or after a void', () => {
    for (const status of ['created', 'pending', 'processing', 'failed', 'cancelled', 'expired'] as const) {
      assert.deepEqual(openOperations(session(status), ALL), {}, status);
    }
    const voided = session('authorized', [{ kind: 'void', status: 'pending', amount: eur(1999) }]);
    assert.deepEqual(openOperations(voided, ALL), {});
  });

  it('after a part capture: the rest to capture, the captured part to refund, no void', () => {
    const partly = session('succeeded', [{ kind: 'capture', status: 'succeeded', amount: eur(500) }], 500);
    assert.deepEqual(openOperations(partly, ALL), {
      capture: { remainder: 1499, partial: true },
      refund: { remainder: 500, partial: true },
    });
  });

  it('counts pending operations against what is left, and failed ones not at all', () => {
    const operations = [
      { kind: 'capture' as const, status: 'succeeded' as const, amount: eur(1000) },
      { kind: 'capture' as const, status: 'pending' as const, amount: eur(999) },
      { kind: 'refund' as const, status: 'pending' as const, amount: eur(600) },
      { kind: 'refund' as const, status: 'failed' as const, amount: eur(400) },
    ];
    assert.deepEqual(openOperations(session('succeeded', operations, 1000), ALL), {
      refund: { remainder: 400, partial: true },
    });
  });

  it('treats a payment that succeeded without a capture as a sale: refund only', () => {
    assert.deepEqual(openOperations(session('succeeded', [], 1999), ALL), {
      refund: { remainder: 1999, partial: true },
    });
  });

  it('offers only what the provider declares, and a whole amount where it takes no part', () => {
    const fullOnly = { capture: 'full', refund: 'full' } as const;
    assert.deepEqual(openOperations(session('authorized'), fullOnly), {
      capture: { remainder: 1999, partial: false },
    });
    assert.deepEqual(unsupportedOperations(fullOnly), ['void']);
    assert.deepEqual(openOperations(session('succeeded', [], 1999), {}), {});
    assert.deepEqual(unsupportedOperations({}), ['capture', 'void', 'refund']);
  });
});
