/** Lithuanian words of the ConnectPay widget (shape: `Messages` in en.ts). */
import { sharedLt } from '../../../shared/i18n/lt.js';
import type { Messages } from './en.js';

export const lt: Messages = {
  ...sharedLt,
  // The product name stays as it is in every language.
  brand: 'ConnectPay · stage sandbox',
  methods: {
    PIS: 'Bankinis pervedimas (iš jūsų banko sąskaitos)',
    CARD: 'Mokėjimo kortelė',
    GooglePay: 'Google Pay',
    ApplePay: 'Apple Pay',
  },
  chooseMethodTitle: 'Pasirinkite mokėjimo būdą',
  chooseMethodIntro: 'Norėdami tęsti, pasirinkite mokėjimo būdą.',
  bankSearchTestHint:
    'DE: Fake Bank with Client Keys (naudotojas username, slaptažodis secret, kodas 123456). LT: Siauliu bankas. Visi kiti bankai priima bet kokį prisijungimą ir kodą 123456.',
  fakeBankHint: 'Naudotojas: username, slaptažodis: secret.',
  otherBankHint: 'Tinka bet koks naudotojas ir slaptažodis.',
  codeHint: 'Patvirtinimo kodas: 123456.',
  cardHint:
    '4242 4242 4242 4242 arba 5436 0310 3060 6378: 3-D Secure patvirtinimas; 4485 0403 7153 6584: be papildomo patvirtinimo; 4544 2491 6767 3670: nepakanka lėšų; 4539 2536 5571 1767: kortelė užregistruota kaip pavogta. Bet kokia būsima galiojimo data, bet koks 3 skaitmenų CVC.',
  walletTitle: (wallet) => wallet,
  walletIntro: 'Imituotas mokėjimo langas. Tikra skaitmeninė piniginė nenaudojama.',
  walletCard: 'Visa •••• 1111 (testinė kortelė)',
  walletPay: 'Mokėti',
  statusDetail: {
    ...sharedLt.statusDetail,
    topUpCardDeclined: 'Kortelė šiam papildymui atmesta.',
  },
  errors: {
    ...sharedLt.formErrors,
    unknown_method: 'Pasirinkite vieną iš rodomų mokėjimo būdų.',
    wrong_step: 'Šis žingsnis nebeaktualus.',
    already_final: 'Šis mokėjimas jau užbaigtas.',
    method_not_allowed: 'Parduotuvė nepriima šio mokėjimo būdo.',
  },
};
