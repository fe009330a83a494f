import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STATUS_REASONS } from '@pay-checkout/contract';
import { PAYTECH_ERROR_CODES as STAGE_ERROR_CODES } from '@pay-checkout/sandbox';
import { CheckoutError } from '../src/errors.js';
import {
  mapPaytechState,
  PAYTECH_ERROR_CODES,
  PAYTECH_STATES,
  paytechReason,
} from '../src/providers/paytech/index.js';

describe('pay.tech states and error codes → our statuses and reasons', () => {
  it('maps every state', () => {
    const mapped = Object.fromEntries(
      PAYTECH_STATES.map((state) => [
        state,
        mapPaytechState(state, state === 'DECLINED' ? '4.00' : undefined),
      ]),
    );
    assert.deepEqual(mapped, {
      CHECKOUT: { status: 'pending', raw: 'CHECKOUT' },
      PENDING: { status: 'processing', raw: 'PENDING' },
      AUTHORIZED: { status: 'authorized', raw: 'AUTHORIZED' },
      CANCELLED: { status: 'cancelled', raw: 'CANCELLED' },
      DECLINED: { status: 'failed', reason: 'declined', raw: 'DECLINED' },
      COMPLETED: { status: 'succeeded', raw: 'COMPLETED' },
    });
  });

  it('tells a cancel by the shopper (2.00) from an abandoned checkout (1.04) and a void (no code)', () => {
    assert.deepEqual(mapPaytechState('CANCELLED', '2.00'), {
      status: 'cancelled',
      reason: 'cancelled_by_shopper',
      raw: 'CANCELLED',
    });
    assert.deepEqual(mapPaytechState('CANCELLED', '1.04'), {
      status: 'expired',
      reason: 'expired',
      raw: 'CANCELLED',
    });
    assert.deepEqual(mapPaytechState('CANCELLED', null), { status: 'cancelled', raw: 'CANCELLED' });
  });

  it('gives the reasons a shopper can act on their own words', () => {
    assert.equal(mapPaytechState('DECLINED', '4.01').reason, 'insufficient_funds');
    assert.equal(mapPaytechState('DECLINED', '4.06').reason, 'card_lost_or_stolen');
    assert.equal(mapPaytechState('DECLINED', '5.00').reason, 'authentication_failed');
    assert.equal(mapPaytechState('DECLINED', '5.01').reason, 'authentication_failed');
    assert.equal(mapPaytechState('DECLINED', '3.09').reason, 'authentication_failed');
    assert.equal(mapPaytechState('DECLINED', '3.03').reason, 'provider_error');
    assert.equal(mapPaytechState('DECLINED', '7.01').reason, 'provider_error');
    assert.equal(mapPaytechState('DECLINED', '6.01').reason, 'declined');
    assert.equal(mapPaytechState('DECLINED').reason, 'declined');
    assert.equal(mapPaytechState('DECLINED', '9.99').reason, 'declined', 'a code newer than the table');
  });

  it('knows every code of the reference table (the stage plays the same list), each to one of our reasons', () => {
    assert.deepEqual([...PAYTECH_ERROR_CODES], Object.keys(STAGE_ERROR_CODES));
    for (const code of PAYTECH_ERROR_CODES) assert.ok(STATUS_REASONS.includes(paytechReason(code)), code);
  });

  it('refuses a state it does not know instead of guessing', () => {
    assert.throws(
      () => mapPaytechState('AWAITING_APPROVAL'),
      (error) => error instanceof CheckoutError && error.code === 'unsupported_status',
    );
  });
});
