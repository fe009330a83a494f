/**
 * English words of the ConnectPay widget: the shared pages' words (`shared/i18n`) plus ConnectPay's
 * own (its name, its methods, hints about its stage test data, its widget errors). `Messages` is the
 * shape the German and Lithuanian files must fill (the compiler checks it).
 */
import { sharedEn } from '../../../shared/i18n/en.js';
import type { SharedWords } from '../../../shared/i18n/words.js';
import type { ConnectPayMethod, WidgetError } from '../model.js';

/** ConnectPay's own words, beside the shared ones. */
export interface ConnectPayWords {
  brand: string;
  methods: Record<ConnectPayMethod, string>;
  chooseMethodTitle: string;
  chooseMethodIntro: string;
  bankSearchTestHint: string;
  fakeBankHint: string;
  otherBankHint: string;
  codeHint: string;
  cardHint: string;
  walletTitle: (wallet: string) => string;
  walletIntro: string;
  walletCard: string;
  walletPay: string;
  /** The shared outcomes plus the BaaS top-up card decline. */
  statusDetail: SharedWords['statusDetail'] & { topUpCardDeclined: string };
  /** The shared form errors plus the widget's own. */
  errors: Record<WidgetError, string>;
}

export type Messages = Omit<SharedWords, 'statusDetail'> & ConnectPayWords;

export const en: Messages = {
  ...sharedEn,
  brand: 'ConnectPay · stage sandbox',
  methods: {
    PIS: 'Bank transfer (pay from your bank account)',
    CARD: 'Card',
    GooglePay: 'Google Pay',
    ApplePay: 'Apple Pay',
  },
  chooseMethodTitle: 'Choose how to pay',
  chooseMethodIntro: 'Select a payment method to continue.',
  bankSearchTestHint:
    'DE: Fake Bank with Client Keys (user username, password secret, code 123456). LT: Siauliu bankas. Every other bank accepts any login and the code 123456.',
  fakeBankHint: 'User: username, password: secret.',
  otherBankHint: 'Any user and password are accepted.',
  codeHint: 'Confirmation code: 123456.',
  cardHint:
    '4242 4242 4242 4242 or 5436 0310 3060 6378: 3-D Secure challenge; 4485 0403 7153 6584: frictionless; 4544 2491 6767 3670: insufficient funds; 4539 2536 5571 1767: stolen card. Any future expiry, any 3-digit CVC.',
  walletTitle: (wallet) => wallet,
  walletIntro: 'Simulated payment sheet. No real wallet is contacted.',
  walletCard: 'Visa •••• 1111 (test card)',
  walletPay: 'Pay',
  statusDetail: {
    ...sharedEn.statusDetail,
    topUpCardDeclined: 'The card was declined for this top-up.',
  },
  errors: {
    ...sharedEn.formErrors,
    unknown_method: 'Choose one of the payment methods shown.',
    wrong_step: 'This step is no longer current.',
    already_final: 'This payment is already finished.',
    method_not_allowed: 'The shop does not accept this payment method.',
  },
};
