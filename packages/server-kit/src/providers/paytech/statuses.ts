import type { StatusReason } from '@pay-checkout/contract';
import { ProviderError } from '../../errors.js';
import type { ProviderStatus } from '../provider.js';

/** pay.tech's payment states (reference: pay.tech API 1.0.61, `PaymentState`). */
export const PAYTECH_STATES = [
  'CHECKOUT',
  'PENDING',
  'AUTHORIZED',
  'CANCELLED',
  'DECLINED',
  'COMPLETED',
] as const;
export type PaytechState = (typeof PAYTECH_STATES)[number];

/** Every error code of the reference's "Error codes" table (1.00–7.01). */
export const PAYTECH_ERROR_CODES = [
  '1.00',
  '1.01',
  '1.02',
  '1.03',
  '1.04',
  '1.05',
  '1.06',
  '1.07',
  '1.08',
  '1.09',
  '1.10',
  '2.00',
  '3.00',
  '3.01',
  '3.02',
  '3.03',
  '3.04',
  '3.05',
  '3.06',
  '3.07',
  '3.08',
  '3.09',
  '3.10',
  '3.11',
  '3.12',
  '3.13',
  '3.14',
  '3.15',
  '3.16',
  '4.00',
  '4.01',
  '4.02',
  '4.03',
  '4.04',
  '4.05',
  '4.06',
  '4.07',
  '4.08',
  '5.00',
  '5.01',
  '6.00',
  '6.01',
  '6.02',
  '6.03',
  '6.04',
  '6.05',
  '6.06',
  '6.07',
  '6.08',
  '6.09',
  '6.10',
  '6.11',
  '6.12',
  '6.13',
  '6.14',
  '6.15',
  '6.21',
  '6.22',
  '6.23',
  '6.24',
  '6.25',
  '6.26',
  '6.27',
  '6.28',
  '6.29',
  '6.30',
  '6.31',
  '6.32',
  '6.33',
  '6.34',
  '6.35',
  '6.36',
  '6.37',
  '6.38',
  '6.39',
  '6.40',
  '6.41',
  '6.42',
  '6.43',
  '6.44',
  '7.00',
  '7.01',
] as const;
export type PaytechErrorCode = (typeof PAYTECH_ERROR_CODES)[number];

function isPaytechState(value: string): value is PaytechState {
  return (PAYTECH_STATES as readonly string[]).includes(value);
}

function isPaytechErrorCode(value: string): value is PaytechErrorCode {
  return (PAYTECH_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Maps pay.tech's `state` (+ `errorCode`) onto our closed status set. One exhaustive switch: adding a
 * state to `PAYTECH_STATES` without a branch fails to compile. A state we do not know is never guessed
 * (guessing could hide a final failure or ship goods unpaid): it throws `unsupported_status`, so the kit
 * logs it and asks again later.
 */
export function mapPaytechState(raw: string, errorCode?: string | null): ProviderStatus {
  if (!isPaytechState(raw)) {
    throw new ProviderError(
      `pay.tech reported an unsupported payment state: ${JSON.stringify(raw.slice(0, 40))}`,
      {
        code: 'unsupported_status',
      },
    );
  }
  const state: PaytechState = raw;
  switch (state) {
    case 'CHECKOUT':
      // Created, the shopper is not through the payment page yet.
      return { status: 'pending', raw };
    case 'PENDING':
      // Card entered, 3-D Secure or the acquirer still at work.
      return { status: 'processing', raw };
    case 'AUTHORIZED':
      // A pre-authorization (`preAuth`): the merchant captures or voids it.
      return { status: 'authorized', raw };
    case 'COMPLETED':
      return { status: 'succeeded', raw };
    case 'DECLINED':
      return { status: 'failed', reason: errorCode ? paytechReason(errorCode) : 'declined', raw };
    case 'CANCELLED': {
      // 1.04: the checkout was abandoned and timed out; 2.00: the shopper cancelled; none: a void.
      if (errorCode === '1.04') return { status: 'expired', reason: 'expired', raw };
      const reason = errorCode ? paytechReason(errorCode) : undefined;
      return { status: 'cancelled', ...(reason ? { reason } : {}), raw };
    }
    default:
      return unreachableState(state);
  }
}

/**
 * Why a payment failed, from pay.tech's error code: the few a shopper can act on get their own reason
 * (insufficient funds, a lost or stolen card, failed 3-D Secure), outages at pay.tech or its acquirer
 * are `provider_error`, and every other refusal is a plain `declined`. A code newer than 1.0.61's table
 * is a decline too: the state already says the payment failed.
 */
export function paytechReason(errorCode: string): StatusReason {
  if (!isPaytechErrorCode(errorCode)) return 'declined';
  const code: PaytechErrorCode = errorCode;
  switch (code) {
    case '4.01':
      return 'insufficient_funds';
    case '4.06':
      return 'card_lost_or_stolen';
    case '3.09':
    case '5.00':
    case '5.01':
      return 'authentication_failed';
    case '2.00':
      return 'cancelled_by_shopper';
    case '1.04':
      return 'expired';
    case '1.00':
    case '1.01':
    case '1.02':
    case '1.03':
    case '1.05':
    case '3.03':
    case '3.04':
    case '7.01':
      return 'provider_error';
    case '1.06':
    case '1.07':
    case '1.08':
    case '1.09':
    case '1.10':
    case '3.00':
    case '3.01':
    case '3.02':
    case '3.05':
    case '3.06':
    case '3.07':
    case '3.08':
    case '3.10':
    case '3.11':
    case '3.12':
    case '3.13':
    case '3.14':
    case '3.15':
    case '3.16':
    case '4.00':
    case '4.02':
    case '4.03':
    case '4.04':
    case '4.05':
    case '4.07':
    case '4.08':
    case '6.00':
    case '6.01':
    case '6.02':
    case '6.03':
    case '6.04':
    case '6.05':
    case '6.06':
    case '6.07':
    case '6.08':
    case '6.09':
    case '6.10':
    case '6.11':
    case '6.12':
    case '6.13':
    case '6.14':
    case '6.15':
    case '6.21':
    case '6.22':
    case '6.23':
    case '6.24':
    case '6.25':
    case '6.26':
    case '6.27':
    case '6.28':
    case '6.29':
    case '6.30':
    case '6.31':
    case '6.32':
    case '6.33':
    case '6.34':
    case '6.35':
    case '6.36':
    case '6.37':
    case '6.38':
    case '6.39':
    case '6.40':
    case '6.41':
    case '6.42':
    case '6.43':
    case '6.44':
    case '7.00':
      return 'declined';
    default:
      return unreachableCode(code);
  }
}

function unreachableState(state: never): never {
  throw new ProviderError(`Unhandled pay.tech state ${String(state)}`, { code: 'unsupported_status' });
}

function unreachableCode(code: never): never {
  throw new ProviderError(`Unhandled pay.tech error code ${String(code)}`, { code: 'unsupported_status' });
}
