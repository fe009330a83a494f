/** German words of the ConnectPay widget (shape: `Messages` in en.ts). */
import { sharedDe } from '../../../shared/i18n/de.js';
import type { Messages } from './en.js';

export const de: Messages = {
  ...sharedDe,
  // The product name stays as it is in every language.
  brand: 'ConnectPay · stage sandbox',
  methods: {
    PIS: 'Überweisung (direkt von Ihrem Bankkonto)',
    CARD: 'Karte',
    GooglePay: 'Google Pay',
    ApplePay: 'Apple Pay',
  },
  chooseMethodTitle: 'Zahlungsart wählen',
  chooseMethodIntro: 'Wählen Sie eine Zahlungsart, um fortzufahren.',
  bankSearchTestHint:
    'DE: Fake Bank with Client Keys (Benutzer username, Passwort secret, Code 123456). LT: Siauliu bankas. Alle anderen Banken akzeptieren jede Anmeldung und den Code 123456.',
  fakeBankHint: 'Benutzer: username, Passwort: secret.',
  otherBankHint: 'Jede Benutzerkennung und jedes Passwort werden akzeptiert.',
  codeHint: 'Bestätigungscode: 123456.',
  cardHint:
    '4242 4242 4242 4242 oder 5436 0310 3060 6378: 3-D-Secure-Abfrage; 4485 0403 7153 6584: ohne Abfrage (frictionless); 4544 2491 6767 3670: keine ausreichende Deckung; 4539 2536 5571 1767: Karte als gestohlen gemeldet. Beliebiges künftiges Ablaufdatum, beliebige dreistellige CVC.',
  walletTitle: (wallet) => wallet,
  walletIntro: 'Simuliertes Zahlungsfenster. Es wird keine echte Wallet angesprochen.',
  walletCard: 'Visa •••• 1111 (Testkarte)',
  walletPay: 'Bezahlen',
  statusDetail: {
    ...sharedDe.statusDetail,
    topUpCardDeclined: 'Die Karte wurde für diese Aufladung abgelehnt.',
  },
  errors: {
    ...sharedDe.formErrors,
    unknown_method: 'Wählen Sie eine der angezeigten Zahlungsarten.',
    wrong_step: 'Dieser Schritt ist nicht mehr aktuell.',
    already_final: 'Diese Zahlung ist bereits abgeschlossen.',
    method_not_allowed: 'Der Shop akzeptiert diese Zahlungsart nicht.',
  },
};
