import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OperationKind, SessionStatus } from '@pay-checkout/contract';
import { checkOperation, type SettlementOperation, settlementAmounts } from '../src/operations/settlement.js';

const authorized = { status: 'authorized' as const, amount: 1000 };
const sale = { status: 'succeeded' as const, amount: 1000 };

function op(
  kind: OperationKind,
  amount: number,
  status: SettlementOperation['status'] = 'succeeded',
): SettlementOperation {
  return { kind, amount, status };
}

describe('settlement rules', () => {
  describe('whatever the kind', () => {
    it('refuses everything after a void that is pending or succeeded, but not after a failed one', () => {
      for (const status of ['pending', 'succeeded'] as const) {
        for (const kind of ['capture', 'void', 'refund'] as const) {
          assert.deepEqual(
            checkOperation({ ...authorized, status: 'cancelled' }, [op('void', 1000, status)], { kind }),
            {
              refusal: 'already_voided',
            },
          );
          assert.deepEqual(checkOperation(authorized, [op('void', 1000, status)], { kind }), {
            refusal: 'already_voided',
          });
        }
      }
      assert.deepEqual(checkOperation(authorized, [op('void', 1000, 'failed')], { kind: 'capture' }), {
        amount: 1000,
        full: true,
      });
    });

    it('refuses a payment that ended without money, then one that is not final', () => {
      const cases: [SessionStatus, string][] = [
        ['failed', 'payment_failed'],
        ['cancelled', 'payment_failed'],
        ['expired', 'payment_failed'],
        ['created', 'payment_not_final'],
        ['pending', 'payment_not_final'],
        ['processing', 'payment_not_final'],
      ];
      for (const [status, refusal] of cases) {
        for (const kind of ['capture', 'void', 'refund'] as const) {
          assert.deepEqual(
            checkOperation({ status, amount: 1000 }, [], { kind }),
            { refusal },
            `${status} ${kind}`,
          );
        }
      }
    });
  });

  describe('capture', () => {
    it('takes the whole remainder by default, and any part of it', () => {
      assert.deepEqual(checkOperation(authorized, [], { kind: 'capture' }), { amount: 1000, full: true });
      assert.deepEqual(checkOperation(authorized, [], { kind: 'capture', amount: 400 }), {
        amount: 400,
        full: false,
      });
      assert.deepEqual(checkOperation(authorized, [], { kind: 'capture', amount: 1000 }), {
        amount: 1000,
        full: true,
      });
    });

    it('counts pending and succeeded captures against the remainder, failed ones not', () => {
      const ops = [op('capture', 300), op('capture', 200, 'pending'), op('capture', 400, 'failed')];
      // After a partial capture succeeded the session is `succeeded`: still capturable, as captures exist.
      for (const session of [authorized, sale]) {
        assert.deepEqual(checkOperation(session, ops, { kind: 'capture' }), { amount: 500, full: true });
        assert.deepEqual(checkOperation(session, ops, { kind: 'capture', amount: 501 }), {
          refusal: 'amount_exceeds_authorized',
        });
      }
    });

    it('refuses once nothing is left, and a sale that was never only authorized', () => {
      assert.deepEqual(checkOperation(sale, [op('capture', 1000)], { kind: 'capture' }), {
        refusal: 'amount_exceeds_authorized',
      });
      assert.deepEqual(checkOperation(sale, [], { kind: 'capture' }), { refusal: 'not_capturable' });
    });
  });

  describe('void', () => {
    it('voids the whole authorized amount, whatever amount was asked', () => {
      assert.deepEqual(checkOperation(authorized, [], { kind: 'void', amount: 10 }), {
        amount: 1000,
        full: true,
      });
    });

    it('refuses after a capture that is pending or succeeded, and on a sale', () => {
      for (const status of ['pending', 'succeeded'] as const) {
        assert.deepEqual(checkOperation(authorized, [op('capture', 10, status)], { kind: 'void' }), {
          refusal: 'already_captured',
        });
      }
      assert.deepEqual(checkOperation(authorized, [op('capture', 10, 'failed')], { kind: 'void' }), {
        amount: 1000,
        full: true,
      });
      assert.deepEqual(checkOperation(sale, [], { kind: 'void' }), { refusal: 'already_captured' });
    });
  });

  describe('refund', () => {
    it('refunds a sale up to its amount, by default all that is left', () => {
      assert.deepEqual(checkOperation(sale, [], { kind: 'refund' }), { amount: 1000, full: true });
      const ops = [op('refund', 300), op('refund', 200, 'pending'), op('refund', 400, 'failed')];
      assert.deepEqual(checkOperation(sale, ops, { kind: 'refund' }), { amount: 500, full: true });
      assert.deepEqual(checkOperation(sale, ops, { kind: 'refund', amount: 100 }), {
        amount: 100,
        full: false,
      });
      assert.deepEqual(checkOperation(sale, ops, { kind: 'refund', amount: 501 }), {
        refusal: 'amount_exceeds_refundable',
      });
      assert.deepEqual(checkOperation(sale, [op('refund', 1000)], { kind: 'refund' }), {
        refusal: 'amount_exceeds_refundable',
      });
    });

    it('refunds only what succeeded captures took, once we captured', () => {
      assert.deepEqual(checkOperation(authorized, [], { kind: 'refund' }), { refusal: 'nothing_to_refund' });
      assert.deepEqual(checkOperation(authorized, [op('capture', 600, 'pending')], { kind: 'refund' }), {
        refusal: 'nothing_to_refund',
      });
      // A failed capture of a payment that succeeded: our captures took nothing.
      assert.deepEqual(checkOperation(sale, [op('capture', 600, 'failed')], { kind: 'refund' }), {
        refusal: 'nothing_to_refund',
      });
      const captured = [op('capture', 600), op('capture', 200, 'pending')];
      assert.deepEqual(checkOperation(sale, captured, { kind: 'refund' }), { amount: 600, full: true });
    });
  });

  describe('amounts', () => {
    it('reports nothing before the payment is authorized', () => {
      for (const status of ['created', 'pending', 'processing', 'failed', 'expired'] as const) {
        assert.deepEqual(settlementAmounts({ status, amount: 1000 }, []), {
          authorized: 0,
          captured: 0,
          refunded: 0,
        });
      }
    });

    it('reports an authorization, then what captures and refunds that succeeded moved', () => {
      assert.deepEqual(settlementAmounts(authorized, []), { authorized: 1000, captured: 0, refunded: 0 });
      assert.deepEqual(settlementAmounts(authorized, [op('capture', 400, 'pending')]), {
        authorized: 1000,
        captured: 0,
        refunded: 0,
      });
      const ops = [
        op('capture', 400),
        op('capture', 100, 'failed'),
        op('refund', 150),
        op('refund', 50, 'pending'),
      ];
      assert.deepEqual(settlementAmounts(sale, ops), { authorized: 1000, captured: 400, refunded: 150 });
    });

    it('reports a sale as captured whole, and a voided authorization as nothing', () => {
      assert.deepEqual(settlementAmounts(sale, [op('refund', 1000)]), {
        authorized: 1000,
        captured: 1000,
        refunded: 1000,
      });
      assert.deepEqual(settlementAmounts({ status: 'cancelled', amount: 1000 }, [op('void', 1000)]), {
        authorized: 0,
        captured: 0,
        refunded: 0,
      });
    });
  });
});
