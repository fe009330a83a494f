/**
 * pay.tech's sandbox test data, as the reference publishes it (pay.tech API 1.0.61, "Testing": test
 * cards and amount limits; summarised in docs/test-data.md). The stage plays exactly these; tests and the
 * hosted page import them from here.
 */
import type { TestCard } from '../../shared/cards/test-cards.js';
import type { PaytechErrorCode } from './model.js';

/** The four published cards (CVC: any 3 digits; expiry: any future date; our choice, as for every stage). */
export const PAYTECH_TEST_CARDS = {
  /** 3-D Secure enrolled, successful authorization. */
  threeDsSuccess: '4000000000000002',
  /** 3-D Secure enrolled, declined authorization (the opposite of ConnectPay's 4242…). */
  threeDsDeclined: '4242424242424242',
  /** Not enrolled for 3-D Secure, successful authorization. */
  noThreeDsSuccess: '4000000000000408',
  /** Not enrolled for 3-D Secure, declined authorization. */
  noThreeDsDeclined: '4000000000000416',
} as const;

/**
 * What each card does. A declined authorization answers `4.00 Declined by Issuer` (our choice: the
 * reference says only "declined"); any other card number is declined with `3.07 Declined by Acquirer:
 * Card Data`, since the sandbox knows no other card (our choice). A failed 3-D Secure challenge is
 * `5.00 Declined by 3DS` whatever the card.
 */
export const PAYTECH_CARD_TABLE: readonly TestCard<PaytechErrorCode>[] = [
  {
    number: PAYTECH_TEST_CARDS.threeDsSuccess,
    description: '3-D Secure enrolled, successful',
    threeDs: 'challenge',
  },
  {
    number: PAYTECH_TEST_CARDS.threeDsDeclined,
    description: '3-D Secure enrolled, declined',
    threeDs: 'challenge',
    decline: '4.00',
  },
  { number: PAYTECH_TEST_CARDS.noThreeDsSuccess, description: 'no 3-D Secure, successful', threeDs: 'none' },
  {
    number: PAYTECH_TEST_CARDS.noThreeDsDeclined,
    description: 'no 3-D Secure, declined',
    threeDs: 'none',
    decline: '4.00',
  },
];

/** The decline of a card number the table does not list. */
export const UNKNOWN_CARD_DECLINE: PaytechErrorCode = '3.07';

/**
 * "For a successful deposit in the sandbox environment, the amount should be less than 10000000. For
 * test withdrawals and refunds, the limit is 10000." In major units, as the wire carries them.
 */
export const PAYTECH_SANDBOX_LIMITS = {
  /** A deposit of this many major units or more is refused. */
  depositBelow: 10_000_000,
  /** A refund or withdrawal above this many major units is refused. */
  refundAtMost: 10_000,
} as const;
