import {
  CARDGATEWAY_TEST_CARDS,
  CONFIRMATION_CODE,
  FAKE_BANK_NAME,
  FAKE_BANK_PASSWORD,
  FAKE_BANK_USERNAME,
  FINTECTURE_SCA_CODE,
  FINTECTURE_TEST_PASSWORD,
  MANUAL_REVIEW_AMOUNT,
  PAYTECH_TEST_CARDS,
  SIAULIU_BANK_NAME,
  TEST_CARDS,
} from '@pay-checkout/sandbox';

/** A session status as server-kit reports it (`GET sessions/:id`). */
export type SessionStatus =
  | 'created'
  | 'pending'
  | 'processing'
  | 'authorized'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'expired';

/** What server-kit says once the shopper is done with a test datum (auto-capture merchants). */
// A type, not an interface: `expect(session).toMatchObject(datum.expected)` wants an indexable object.
export type ExpectedOutcome = {
  status: SessionStatus;
  reason?: string;
};

/** A bank as the shopper finds it in `<pay-checkout>`'s bank search. */
export interface TestBank {
  /** What the shopper types into the search. */
  search: string;
  /** The bank's name in the list. */
  name: string;
}

/** The 3-D Secure flow a test card takes, and how the shopper answers a challenge. */
export type ThreeDs = 'none' | 'frictionless' | 'challenge-pass' | 'challenge-fail';

interface Datum<Provider extends string> {
  /** The sandbox stage (and provider kind) this datum belongs to. */
  provider: Provider;
  /** One line for a test title: `ConnectPay card 4242…, 3-D Secure challenge passed`. */
  title: string;
  expected: ExpectedOutcome;
}

export interface ConnectPayBankDatum extends Datum<'connectpay'> {
  method: 'pis';
  /** Billing country chosen in the element. */
  country: string;
  bank: TestBank;
  login: { username: string; password: string };
  code: string;
}
export interface CardDatum<Provider extends string> extends Datum<Provider> {
  method: 'card';
  /** Digits only. */
  number: string;
  threeDs: ThreeDs;
}
export interface WalletDatum extends Datum<'connectpay'> {
  method: 'googlepay' | 'applepay';
}
export interface ConnectPayCancelDatum extends Datum<'connectpay'> {
  method: 'card';
  /** The shopper presses Cancel at the provider instead of paying. */
  cancel: true;
}
export interface FintectureBankDatum extends Datum<'fintecture'> {
  method: 'pis';
  country: string;
  bank: TestBank;
  login: { username: string; password: string };
  code: string;
}

/** One row of a provider's test data, with what the shopper does and what server-kit then says. */
export type TestDatum =
  | ConnectPayBankDatum
  | CardDatum<'connectpay'>
  | WalletDatum
  | ConnectPayCancelDatum
  | FintectureBankDatum
  | CardDatum<'paytech'>
  | CardDatum<'cardgateway'>;

const SUCCEEDED: ExpectedOutcome = { status: 'succeeded' };

function card<Provider extends string>(
  provider: Provider,
  number: string,
  threeDs: ThreeDs,
  title: string,
  expected: ExpectedOutcome = SUCCEEDED,
): CardDatum<Provider> {
  return { provider, method: 'card', number, threeDs, title, expected };
}

const cardGatewayCard = (description: string): string => {
  const row = CARDGATEWAY_TEST_CARDS.find((entry) => entry.description === description);
  if (!row) throw new Error(`@pay-checkout/testing: the sandbox has no card gateway card "${description}"`);
  return row.number;
};

/**
 * Every provider's test data (docs/test-data.md), as the sandbox plays it, values imported from
 * `@pay-checkout/sandbox` so they never drift. Loop over a provider's rows to test each:
 * `for (const datum of Object.values(TEST_DATA.connectpay)) test(datum.title, …)`.
 */
export const TEST_DATA = {
  connectpay: {
    fakeBank: {
      provider: 'connectpay',
      method: 'pis',
      title: 'ConnectPay bank payment at Fake Bank (DE)',
      country: 'DE',
      bank: { search: 'Fake', name: FAKE_BANK_NAME },
      login: { username: FAKE_BANK_USERNAME, password: FAKE_BANK_PASSWORD },
      code: CONFIRMATION_CODE,
      expected: SUCCEEDED,
    },
    siauliuBank: {
      provider: 'connectpay',
      method: 'pis',
      title: 'ConnectPay bank payment at Siauliu bankas (LT)',
      country: 'LT',
      bank: { search: 'Siau', name: SIAULIU_BANK_NAME },
      login: { username: 'any-user', password: 'any-password' },
      code: CONFIRMATION_CODE,
      expected: SUCCEEDED,
    },
    visaChallenge: card(
      'connectpay',
      TEST_CARDS.visaChallenge,
      'challenge-pass',
      'ConnectPay Visa, 3-D Secure passed',
    ),
    visaChallengeFailed: card(
      'connectpay',
      TEST_CARDS.visaChallenge,
      'challenge-fail',
      'ConnectPay Visa, 3-D Secure failed',
      { status: 'failed', reason: 'authentication_failed' },
    ),
    mastercardChallenge: card(
      'connectpay',
      TEST_CARDS.mastercardChallenge,
      'challenge-pass',
      'ConnectPay Mastercard, 3-D Secure passed',
    ),
    visaFrictionless: card(
      'connectpay',
      TEST_CARDS.visaFrictionless,
      'frictionless',
      'ConnectPay Visa, frictionless',
    ),
    insufficientFunds: card(
      'connectpay',
      TEST_CARDS.insufficientFunds,
      'none',
      'ConnectPay card, insufficient funds',
      {
        status: 'failed',
        reason: 'insufficient_funds',
      },
    ),
    stolenCard: card('connectpay', TEST_CARDS.stolenCard, 'none', 'ConnectPay card, lost or stolen', {
      status: 'failed',
      reason: 'card_lost_or_stolen',
    }),
    googlePay: {
      provider: 'connectpay',
      method: 'googlepay',
      title: 'ConnectPay Google Pay',
      expected: SUCCEEDED,
    },
    applePay: {
      provider: 'connectpay',
      method: 'applepay',
      title: 'ConnectPay Apple Pay',
      expected: SUCCEEDED,
    },
    cancel: {
      provider: 'connectpay',
      method: 'card',
      cancel: true,
      title: 'ConnectPay: the shopper cancels',
      expected: { status: 'cancelled', reason: 'cancelled_by_shopper' },
    },
  },
  fintecture: Object.fromEntries(
    (
      [
        ['paid', SUCCEEDED],
        ['pending', { status: 'processing' }],
        ['refused', { status: 'failed', reason: 'declined' }],
        ['nofunds', { status: 'failed', reason: 'insufficient_funds' }],
      ] as const
    ).map(([username, expected]) => [
      username,
      {
        provider: 'fintecture',
        method: 'pis',
        title: `Fintecture bank payment, login ${username}`,
        country: 'FR',
        bank: { search: 'BNP', name: 'BNP Paribas' },
        login: { username, password: FINTECTURE_TEST_PASSWORD },
        code: FINTECTURE_SCA_CODE,
        expected,
      } satisfies FintectureBankDatum,
    ]),
  ) as Record<'paid' | 'pending' | 'refused' | 'nofunds', FintectureBankDatum>,
  paytech: {
    threeDsSuccess: card(
      'paytech',
      PAYTECH_TEST_CARDS.threeDsSuccess,
      'challenge-pass',
      'pay.tech card, 3-D Secure, success',
    ),
    threeDsDeclined: card(
      'paytech',
      PAYTECH_TEST_CARDS.threeDsDeclined,
      'challenge-pass',
      'pay.tech card, 3-D Secure, declined',
      {
        status: 'failed',
      },
    ),
    noThreeDsSuccess: card(
      'paytech',
      PAYTECH_TEST_CARDS.noThreeDsSuccess,
      'none',
      'pay.tech card, no 3-D Secure, success',
    ),
    noThreeDsDeclined: card(
      'paytech',
      PAYTECH_TEST_CARDS.noThreeDsDeclined,
      'none',
      'pay.tech card, no 3-D Secure, declined',
      {
        status: 'failed',
      },
    ),
  },
  cardgateway: {
    success: card('cardgateway', cardGatewayCard('Success, no 3-D Secure'), 'none', 'card gateway, success'),
    challenge: card(
      'cardgateway',
      cardGatewayCard('3-D Secure challenge, then success'),
      'challenge-pass',
      'card gateway, 3-D Secure passed',
    ),
    challengeFailed: card(
      'cardgateway',
      cardGatewayCard('3-D Secure challenge, then success'),
      'challenge-fail',
      'card gateway, 3-D Secure failed',
      { status: 'failed', reason: 'authentication_failed' },
    ),
    insufficientFunds: card(
      'cardgateway',
      cardGatewayCard('Declined: insufficient funds'),
      'none',
      'card gateway, insufficient funds',
      {
        status: 'failed',
        reason: 'insufficient_funds',
      },
    ),
  },
} as const satisfies Record<string, Record<string, TestDatum>>;

/**
 * ConnectPay stops a payment of this amount for manual review (`processing`, `manual_review`) until
 * `approveManualReview` or `rejectManualReview`; any method. Give your order this amount.
 */
export const MANUAL_REVIEW_ORDER = {
  amount: MANUAL_REVIEW_AMOUNT.amount,
  currency: MANUAL_REVIEW_AMOUNT.currency,
};
