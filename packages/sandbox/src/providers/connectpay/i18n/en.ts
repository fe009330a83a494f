/**
 * English strings of the hosted widget pages. This file is the reference: `Messages` is its shape and
 * the German and Lithuanian files must provide every key (the compiler checks it).
 */
import type { ConnectPayMethod, WidgetError } from '../model.js';

export interface Messages {
  /** BCP 47 tag for `lang` and for formatting amounts. */
  locale: string;
  /** This language's name in itself, for the language switcher. */
  languageName: string;
  brand: string;
  languageSwitcher: string;
  paymentSummary: string;
  merchantReference: string;
  amount: string;
  cancel: string;
  cancelHint: string;
  testDataHeading: string;
  errorPrefix: string;
  methods: Record<ConnectPayMethod, string>;
  chooseMethodTitle: string;
  chooseMethodIntro: string;
  chooseBankTitle: string;
  country: string;
  searchBank: string;
  searchButton: string;
  searchHint: string;
  bankResults: (count: number) => string;
  bankSearchTestHint: string;
  noBanksFound: string;
  countries: Record<string, string>;
  loginTitle: (bank: string) => string;
  loginIntro: string;
  username: string;
  password: string;
  logIn: string;
  fakeBankHint: string;
  otherBankHint: string;
  codeTitle: string;
  codeIntro: string;
  code: string;
  confirm: string;
  codeHint: string;
  cardTitle: string;
  cardNumber: string;
  expiry: string;
  expiryHint: string;
  cvc: string;
  cvcHint: string;
  cardholderName: string;
  pay: (amount: string) => string;
  cardHint: string;
  threeDsTitle: string;
  threeDsIssuer: string;
  threeDsIntro: (amount: string) => string;
  threeDsCard: (brand: string, last4: string) => string;
  threeDsHint: string;
  threeDsPass: string;
  threeDsFail: string;
  walletTitle: (wallet: string) => string;
  walletIntro: string;
  walletCard: string;
  walletPay: string;
  statusTitle: string;
  returnToMerchant: string;
  statusHeadline: {
    completed: string;
    review: string;
    declined: string;
    cancelled: string;
    failed: string;
    expired: string;
    inProgress: string;
  };
  statusDetail: {
    completed: string;
    review: string;
    insufficientFunds: string;
    stolenCard: string;
    topUpCardDeclined: string;
    reviewRejected: string;
    declined: string;
    cancelled: string;
    authenticationFailed: string;
    failed: string;
    expired: string;
    inProgress: string;
  };
  errors: Record<WidgetError, string>;
  notFoundTitle: string;
  notFoundText: string;
  finishedTitle: string;
  finishedText: string;
  wrongStepTitle: string;
  wrongStepText: string;
  continueButton: string;
  badRequestTitle: string;
  badRequestText: string;
  tooLargeTitle: string;
  tooLargeText: string;
}

export const en: Messages = {
  locale: 'en',
  languageName: 'English',
  brand: 'ConnectPay · stage sandbox',
  languageSwitcher: 'Language',
  paymentSummary: 'Payment',
  merchantReference: 'Reference',
  amount: 'Amount',
  cancel: 'Cancel payment',
  cancelHint: 'Cancel and return to the shop without paying.',
  testDataHeading: 'Sandbox test data',
  errorPrefix: 'Error:',
  methods: {
    PIS: 'Bank transfer (pay from your bank account)',
    CARD: 'Card',
    GooglePay: 'Google Pay',
    ApplePay: 'Apple Pay',
  },
  chooseMethodTitle: 'Choose how to pay',
  chooseMethodIntro: 'Select a payment method to continue.',
  chooseBankTitle: 'Choose your bank',
  country: 'Country',
  searchBank: 'Bank name',
  searchButton: 'Search',
  searchHint: 'Type part of the name, e.g. “Fake”.',
  bankResults: (count) => (count === 1 ? '1 bank found' : `${count} banks found`),
  bankSearchTestHint:
    'DE: Fake Bank with Client Keys (user username, password secret, code 123456). LT: Siauliu bankas. Every other bank accepts any login and the code 123456.',
  noBanksFound: 'No bank matches your search. Try another name or country.',
  countries: {
    DE: 'Germany',
    LT: 'Lithuania',
    LV: 'Latvia',
    EE: 'Estonia',
    FR: 'France',
    ES: 'Spain',
    IT: 'Italy',
    NL: 'Netherlands',
    PL: 'Poland',
    FI: 'Finland',
  },
  loginTitle: (bank) => `Log in to ${bank}`,
  loginIntro: 'Log in to your online bank to authorise the payment.',
  username: 'User ID',
  password: 'Password',
  logIn: 'Log in',
  fakeBankHint: 'User: username, password: secret.',
  otherBankHint: 'Any user and password are accepted.',
  codeTitle: 'Confirm the payment',
  codeIntro: 'Enter the confirmation code your bank sent you.',
  code: 'Confirmation code',
  confirm: 'Confirm',
  codeHint: 'Confirmation code: 123456.',
  cardTitle: 'Pay by card',
  cardNumber: 'Card number',
  expiry: 'Expiry date',
  expiryHint: 'MM/YY',
  cvc: 'Security code (CVC)',
  cvcHint: '3 digits on the back of the card',
  cardholderName: 'Name on card',
  pay: (amount) => `Pay ${amount}`,
  cardHint:
    '4242 4242 4242 4242 or 5436 0310 3060 6378: 3-D Secure challenge; 4485 0403 7153 6584: frictionless; 4544 2491 6767 3670: insufficient funds; 4539 2536 5571 1767: stolen card. Any future expiry, any 3-digit CVC.',
  threeDsTitle: 'Verify it’s you',
  threeDsIssuer: 'Card issuer · 3-D Secure',
  threeDsIntro: (amount) => `Your bank asks you to confirm a payment of ${amount}.`,
  threeDsCard: (brand, last4) => `${brand} card ending in ${last4}`,
  threeDsHint: 'Simulated challenge: choose whether the authentication passes or fails.',
  threeDsPass: 'Complete authentication',
  threeDsFail: 'Fail authentication',
  walletTitle: (wallet) => wallet,
  walletIntro: 'Simulated payment sheet. No real wallet is contacted.',
  walletCard: 'Visa •••• 1111 (test card)',
  walletPay: 'Pay',
  statusTitle: 'Payment status',
  returnToMerchant: 'Return to merchant',
  statusHeadline: {
    completed: 'Payment successful',
    review: 'Payment under manual review',
    declined: 'Payment declined',
    cancelled: 'Payment cancelled',
    failed: 'Authentication failed',
    expired: 'Payment expired',
    inProgress: 'Payment in progress',
  },
  statusDetail: {
    completed: 'Your payment was completed.',
    review: 'The payment was stopped for manual review. The shop will be told the result.',
    insufficientFunds: 'The card was declined: insufficient funds.',
    stolenCard: 'The card was declined: the card was reported stolen.',
    topUpCardDeclined: 'The card was declined for this top-up.',
    reviewRejected: 'The payment was rejected after manual review.',
    declined: 'The payment was declined.',
    cancelled: 'You cancelled the payment. Nothing was charged.',
    authenticationFailed: 'The 3-D Secure authentication failed. Nothing was charged.',
    failed: 'The payment failed. Nothing was charged.',
    expired: 'The payment was not finished in time. Nothing was charged.',
    inProgress: 'The payment is being processed.',
  },
  errors: {
    unknown_method: 'Choose one of the payment methods shown.',
    unknown_bank: 'Choose one of the banks shown.',
    wrong_credentials: 'The user ID or password is wrong. Please try again.',
    wrong_code: 'The confirmation code is wrong. Please try again.',
    invalid_card_number: 'The card number is not valid. Check it and try again.',
    invalid_expiry: 'Enter the expiry date as MM/YY.',
    card_expired: 'The card has expired.',
    invalid_cvc: 'Enter the 3-digit security code.',
    missing_name: 'Enter the name on the card.',
    wrong_step: 'This step is no longer current.',
    already_final: 'This payment is already finished.',
    method_not_allowed: 'The shop does not accept this payment method.',
  },
  notFoundTitle: 'Payment not found',
  notFoundText: 'This payment link is unknown or no longer valid. Please return to the shop and start again.',
  finishedTitle: 'This payment is already finished',
  finishedText: 'Nothing more can be done here.',
  wrongStepTitle: 'This page is out of date',
  wrongStepText: 'The payment has moved on (perhaps in another tab). Continue where it is now.',
  continueButton: 'Continue',
  badRequestTitle: 'Something went wrong',
  badRequestText: 'The form could not be read. Please go back and try again.',
  tooLargeTitle: 'Form too large',
  tooLargeText: 'The form sent was too large. Please go back and try again.',
};
