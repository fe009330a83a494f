/**
 * The words of the pages every stage shares, in each page language. A stage's own words (its brand,
 * its methods, hints about its test data) extend these: `{...wordsFor(language), brand: …}`.
 */
import { sharedDe } from './de.js';
import { sharedEn } from './en.js';
import type { PageLanguage } from './languages.js';
import { sharedLt } from './lt.js';

/** User mistakes on the shared pages, each with its message. */
export type SharedFormError =
  | 'unknown_bank'
  | 'wrong_credentials'
  | 'wrong_code'
  | 'invalid_card_number'
  | 'invalid_expiry'
  | 'card_expired'
  | 'invalid_cvc'
  | 'missing_name';

export interface SharedWords {
  /** BCP 47 tag for `lang` and for formatting amounts. */
  locale: string;
  /** This language's name in itself, for the language switcher. */
  languageName: string;
  languageSwitcher: string;
  paymentSummary: string;
  merchantReference: string;
  amount: string;
  cancel: string;
  cancelHint: string;
  testDataHeading: string;
  chooseBankTitle: string;
  country: string;
  searchBank: string;
  searchButton: string;
  searchHint: string;
  bankResults: (count: number) => string;
  noBanksFound: string;
  /** Names of the bank directory's countries (ISO 3166-1 alpha-2 → name). */
  countries: Record<string, string>;
  loginTitle: (bank: string) => string;
  loginIntro: string;
  username: string;
  password: string;
  logIn: string;
  codeTitle: string;
  codeIntro: string;
  code: string;
  confirm: string;
  cardTitle: string;
  cardNumber: string;
  expiry: string;
  expiryHint: string;
  cvc: string;
  cvcHint: string;
  cardholderName: string;
  pay: (amount: string) => string;
  threeDsTitle: string;
  threeDsIssuer: string;
  threeDsIntro: (amount: string) => string;
  threeDsCard: (brand: string, last4: string) => string;
  threeDsHint: string;
  threeDsPass: string;
  threeDsFail: string;
  threeDsFrictionlessTitle: string;
  threeDsFrictionlessText: string;
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
    reviewRejected: string;
    declined: string;
    cancelled: string;
    authenticationFailed: string;
    failed: string;
    expired: string;
    inProgress: string;
  };
  formErrors: Record<SharedFormError, string>;
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

const WORDS: Record<PageLanguage, SharedWords> = { en: sharedEn, de: sharedDe, lt: sharedLt };

export function wordsFor(language: PageLanguage): SharedWords {
  return WORDS[language];
}
