import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProviderError } from '../src/errors.js';
import { CONNECTPAY_STATUSES, mapConnectPayStatus } from '../src/providers/connectpay/statuses.js';

describe('ConnectPay status mapping', () => {
  it('maps Initiated to pending: the shopper has not finished at the widget', () => {
    assert.deepEqual(mapConnectPayStatus('Initiated'), { status: 'pending', raw: 'Initiated' });
  });

  it('maps Pending to processing', () => {
    assert.deepEqual(mapConnectPayStatus('Pending'), { status: 'processing', raw: 'Pending' });
  });

  it('maps PendingProvider to processing with reason manual_review', () => {
    assert.deepEqual(mapConnectPayStatus('PendingProvider', 'ManualReview'), {
      status: 'processing',
      reason: 'manual_review',
      raw: 'PendingProvider',
    });
  });

  it('maps Completed to succeeded', () => {
    assert.deepEqual(mapConnectPayStatus('Completed'), { status: 'succeeded', raw: 'Completed' });
  });

  it('maps Rejected/InsufficientFunds to failed with insufficient_funds', () => {
    assert.deepEqual(mapConnectPayStatus('Rejected', 'InsufficientFunds'), {
      status: 'failed',
      reason: 'insufficient_funds',
      raw: 'Rejected',
    });
  });

  it('maps Rejected/StolenCard to failed with card_lost_or_stolen', () => {
    assert.equal(mapConnectPayStatus('Rejected', 'StolenCard').reason, 'card_lost_or_stolen');
  });

  it('maps Rejected with ManualReviewRejected, TopUpCardDeclined, an unknown or no reason to declined', () => {
    for (const reason of ['ManualReviewRejected', 'TopUpCardDeclined', 'SomethingNew', undefined]) {
      assert.deepEqual(mapConnectPayStatus('Rejected', reason), {
        status: 'failed',
        reason: 'declined',
        raw: 'Rejected',
      });
    }
  });

  it('maps Cancelled to cancelled by the shopper', () => {
    assert.deepEqual(mapConnectPayStatus('Cancelled', 'CancelledByConsumer'), {
      status: 'cancelled',
      reason: 'cancelled_by_shopper',
      raw: 'Cancelled',
    });
  });

  it('maps Failed to failed with authentication_failed', () => {
    assert.deepEqual(mapConnectPayStatus('Failed', 'AuthenticationFailed'), {
      status: 'failed',
      reason: 'authentication_failed',
      raw: 'Failed',
    });
  });

  it('maps Expired to expired', () => {
    assert.equal(mapConnectPayStatus('Expired').status, 'expired');
  });

  it('maps every known status without throwing', () => {
    for (const status of CONNECTPAY_STATUSES) assert.equal(mapConnectPayStatus(status).raw, status);
  });

  it('refuses an unknown status word with unsupported_status instead of guessing', () => {
    for (const raw of ['Settled', 'completed', '']) {
      assert.throws(
        () => mapConnectPayStatus(raw),
        (error: unknown) =>
          error instanceof ProviderError &&
          error.code === 'unsupported_status' &&
          error.message.includes('unsupported payment status'),
      );
    }
  });
});
