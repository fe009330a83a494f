import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FINTECTURE_STATUSES as STAGE_STATUSES } from '@pay-checkout/sandbox';
import { ProviderError } from '../src/errors.js';
import { FINTECTURE_STATUSES, mapFintectureStatus } from '../src/providers/fintecture/statuses.js';

describe('Fintecture statuses', () => {
  it('knows exactly the statuses the sandbox stage reports', () => {
    assert.deepEqual([...FINTECTURE_STATUSES], [...STAGE_STATUSES]);
  });

  const table: [string, string | undefined, string, string | undefined][] = [
    ['provider_required', undefined, 'pending', undefined],
    ['sca_required', undefined, 'pending', undefined],
    ['payment_pending', undefined, 'processing', undefined],
    ['payment_created', undefined, 'succeeded', undefined],
    ['payment_unsuccessful', 'cancelled_by_psu', 'cancelled', 'cancelled_by_shopper'],
    ['payment_unsuccessful', 'insufficient_funds', 'failed', 'insufficient_funds'],
    ['payment_unsuccessful', 'rejected_by_bank', 'failed', 'declined'],
    ['payment_unsuccessful', undefined, 'failed', 'declined'],
    ['payment_expired', undefined, 'expired', 'expired'],
  ];
  for (const [raw, reason, status, ours] of table) {
    it(`${raw}${reason ? ` (${reason})` : ''} → ${status}${ours ? ` (${ours})` : ''}`, () => {
      const mapped = mapFintectureStatus(raw, reason);
      assert.deepEqual([mapped.status, mapped.reason, mapped.raw], [status, ours, raw]);
    });
  }

  it('never guesses an unknown status: unsupported_status', () => {
    assert.throws(
      () => mapFintectureStatus('payment_partial'),
      (error) => error instanceof ProviderError && error.code === 'unsupported_status',
    );
  });
});
