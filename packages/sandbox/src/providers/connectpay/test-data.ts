/**
 * The ConnectPay stage test data, as published in the Initiate Payment and BaaS top-up guides
 * (reference/connectpay-*.txt, summarised in docs/test-data.md). The sandbox plays exactly these;
 * tests and the widget import them from here so there is one place to read them.
 */
import type { TestCard } from '../../shared/cards/test-cards.js';

/** DE stage bank with a working front end ("enter it in search"). */
export const FAKE_BANK_ID = 'c3e4f215-dde4-4d0c-9a48-bc7274c90977';
export const FAKE_BANK_NAME = 'Fake Bank with Client Keys';

/** LT stage bank with a working front end. */
export const SIAULIU_BANK_ID = 'a7640cb7-4dec-4a44-a9ad-b918c803254e';
export const SIAULIU_BANK_NAME = 'Siauliu bankas';

/** The only login Fake Bank accepts; every other bank accepts any non-empty pair. */
export const FAKE_BANK_USERNAME = 'username';
export const FAKE_BANK_PASSWORD = 'secret';

/** The SCA confirmation code every sandbox bank accepts. */
export const CONFIRMATION_CODE = '123456';

/** Stage cards (CVC: any 3 digits; expiry: any future date). */
export const TEST_CARDS = {
  /** Visa credit: 3-D Secure challenge, then success. */
  visaChallenge: '4242424242424242',
  /** MasterCard credit: 3-D Secure challenge, then success. */
  mastercardChallenge: '5436031030606378',
  /** Visa credit: frictionless 3-D Secure, success. */
  visaFrictionless: '4485040371536584',
  /** Visa: declined, insufficient funds. */
  insufficientFunds: '4544249167673670',
  /** Visa: declined, card reported stolen. */
  stolenCard: '4539253655711767',
  /** BaaS top-up: declined ("failed result"); in a merchant payment it is an ordinary challenge card. */
  topUpDeclined: '4539467987109256',
} as const;

/** Why the stage declines a test card (the payment's `statusReason`). */
export type ConnectPayCardDecline = 'InsufficientFunds' | 'StolenCard' | 'TopUpCardDeclined';

/**
 * What each stage card does, in the shared test-card shape. Any other valid card: a 3-D Secure
 * challenge, then success.
 */
export const CONNECTPAY_CARD_TABLE: readonly TestCard<ConnectPayCardDecline, 'merchant' | 'topup'>[] = [
  { number: TEST_CARDS.visaChallenge, description: 'Visa credit', threeDs: 'challenge' },
  { number: TEST_CARDS.mastercardChallenge, description: 'MasterCard credit', threeDs: 'challenge' },
  { number: TEST_CARDS.visaFrictionless, description: 'Visa credit', threeDs: 'frictionless' },
  {
    number: TEST_CARDS.insufficientFunds,
    description: 'Visa, insufficient funds',
    threeDs: 'none',
    decline: 'InsufficientFunds',
  },
  { number: TEST_CARDS.stolenCard, description: 'Visa, stolen card', threeDs: 'none', decline: 'StolenCard' },
  {
    number: TEST_CARDS.topUpDeclined,
    description: 'BaaS top-up: failed result',
    threeDs: 'none',
    decline: 'TopUpCardDeclined',
    only: 'topup',
  },
];

/** Amount that stops a payment for manual review (`PendingProvider`) where it would complete. */
export const MANUAL_REVIEW_AMOUNT = { amount: '99.99', currency: 'EUR' } as const;
