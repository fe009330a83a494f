/**
 * What the shopper reads, per language, in the three places a journey crosses: the `<pay-checkout>`
 * element, the ConnectPay sandbox widget (en, de, lt; other languages fall back to English), and the
 * server-kit return page. Written out here rather than imported from those packages, so a changed
 * text fails the journey the way a shopper would notice it.
 */
export type JourneyLanguage = 'en' | 'de' | 'lt' | 'ar';

export interface WidgetTexts {
  username: string;
  password: string;
  logIn: string;
  code: string;
  confirm: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
  cardholderName: string;
  payCard: RegExp;
  threeDsPass: string;
  threeDsFail: string;
  walletPay: string;
  cancel: string;
  returnToMerchant: string;
}

export interface ReturnTexts {
  succeeded: string;
  failed: string;
  cancelled: string;
  processing: string;
  returnToMerchant: string;
  reasons: { insufficient_funds: string; card_lost_or_stolen: string; manual_review: RegExp };
}

export interface ElementTexts {
  /** The name of the group of payment-method radios. */
  methodGroup: string;
  bank: string;
  methods: { pis: RegExp; card: RegExp; googlepay: RegExp; applepay: RegExp };
}

export interface Texts {
  /** Browser locale for the context (Accept-Language, navigator.language). */
  locale: string;
  dir: 'ltr' | 'rtl';
  element: ElementTexts;
  widget: WidgetTexts;
  returnPage: ReturnTexts;
}

const widgetEn: WidgetTexts = {
  username: 'User ID',
  password: 'Password',
  logIn: 'Log in',
  code: 'Confirmation code',
  confirm: 'Confirm',
  cardNumber: 'Card number',
  expiry: 'Expiry date',
  cvc: 'Security code (CVC)',
  cardholderName: 'Name on card',
  payCard: /^Pay /,
  threeDsPass: 'Complete authentication',
  threeDsFail: 'Fail authentication',
  walletPay: 'Pay',
  cancel: 'Cancel payment',
  returnToMerchant: 'Return to merchant',
};

// Method labels come from the element's own catalog, in the shopper's language (wallets keep their brand).
const methods = (pis: string, card: string): ElementTexts['methods'] => ({
  pis: new RegExp(`^${pis}$`),
  card: new RegExp(`^${card}$`),
  googlepay: /^Google Pay$/,
  applepay: /^Apple Pay$/,
});
const METHODS = methods('Bank payment', 'Card');
const elementEn: ElementTexts = { methodGroup: 'Payment method', bank: 'Bank', methods: METHODS };

export const TEXTS: Record<JourneyLanguage, Texts> = {
  en: {
    locale: 'en-US',
    dir: 'ltr',
    element: elementEn,
    widget: widgetEn,
    returnPage: {
      succeeded: 'Payment successful',
      failed: 'Payment failed',
      cancelled: 'Payment cancelled',
      processing: 'Payment is being processed',
      returnToMerchant: 'Return to merchant',
      reasons: {
        insufficient_funds: 'Your bank declined the payment: insufficient funds.',
        card_lost_or_stolen: 'Your bank declined this card. Please use a different card or payment method.',
        manual_review: /reviewing your payment manually/,
      },
    },
  },
  de: {
    locale: 'de-DE',
    dir: 'ltr',
    element: { methodGroup: 'Zahlungsart', bank: 'Bank', methods: methods('Banküberweisung', 'Karte') },
    widget: {
      username: 'Benutzerkennung',
      password: 'Passwort',
      logIn: 'Anmelden',
      code: 'Bestätigungscode',
      confirm: 'Bestätigen',
      cardNumber: 'Kartennummer',
      expiry: 'Ablaufdatum',
      cvc: 'Prüfnummer (CVC)',
      cardholderName: 'Name auf der Karte',
      payCard: / bezahlen$/,
      threeDsPass: 'Authentifizierung abschließen',
      threeDsFail: 'Authentifizierung fehlschlagen lassen',
      walletPay: 'Bezahlen',
      cancel: 'Zahlung abbrechen',
      returnToMerchant: 'Zurück zum Händler',
    },
    returnPage: {
      succeeded: 'Zahlung erfolgreich',
      failed: 'Zahlung fehlgeschlagen',
      cancelled: 'Zahlung abgebrochen',
      processing: 'Zahlung wird verarbeitet',
      returnToMerchant: 'Zurück zum Händler',
      reasons: {
        insufficient_funds: 'Ihre Bank hat die Zahlung abgelehnt: nicht genügend Guthaben.',
        card_lost_or_stolen:
          'Ihre Bank hat diese Karte abgelehnt. Bitte verwenden Sie eine andere Karte oder Zahlungsart.',
        manual_review: /prüft Ihre Zahlung manuell/,
      },
    },
  },
  lt: {
    locale: 'lt-LT',
    dir: 'ltr',
    element: {
      methodGroup: 'Mokėjimo būdas',
      bank: 'Bankas',
      methods: methods('Mokėjimas per banką', 'Kortelė'),
    },
    widget: {
      username: 'Naudotojo ID',
      password: 'Slaptažodis',
      logIn: 'Prisijungti',
      code: 'Patvirtinimo kodas',
      confirm: 'Patvirtinti',
      cardNumber: 'Kortelės numeris',
      expiry: 'Galiojimo pabaiga',
      cvc: 'Saugos kodas (CVC)',
      cardholderName: 'Vardas ir pavardė ant kortelės',
      payCard: /^Mokėti /,
      threeDsPass: 'Užbaigti autentifikavimą',
      threeDsFail: 'Imituoti nesėkmingą autentifikavimą',
      walletPay: 'Mokėti',
      cancel: 'Atšaukti mokėjimą',
      returnToMerchant: 'Grįžti į parduotuvę',
    },
    returnPage: {
      succeeded: 'Mokėjimas sėkmingas',
      failed: 'Mokėjimas nepavyko',
      cancelled: 'Mokėjimas atšauktas',
      processing: 'Mokėjimas apdorojamas',
      returnToMerchant: 'Grįžti pas prekybininką',
      reasons: {
        insufficient_funds: 'Jūsų bankas atmetė mokėjimą: nepakanka lėšų.',
        card_lost_or_stolen: 'Jūsų bankas atmetė šią kortelę. Naudokite kitą kortelę arba mokėjimo būdą.',
        manual_review: /tikrina jūsų mokėjimą rankiniu būdu/,
      },
    },
  },
  ar: {
    locale: 'ar',
    dir: 'rtl',
    element: { methodGroup: 'طريقة الدفع', bank: 'البنك', methods: methods('الدفع عبر البنك', 'بطاقة') },
    // ConnectPay's widget has no Arabic: the adapter asks for English
    widget: widgetEn,
    returnPage: {
      succeeded: 'تم الدفع بنجاح',
      failed: 'فشل الدفع',
      cancelled: 'تم إلغاء الدفع',
      processing: 'جارٍ معالجة الدفع',
      returnToMerchant: 'العودة إلى التاجر',
      reasons: {
        insufficient_funds: 'رفض البنك الذي تتعامل معه عملية الدفع: الرصيد غير كافٍ.',
        card_lost_or_stolen: 'رفض البنك الذي تتعامل معه هذه البطاقة. يُرجى استخدام بطاقة أو طريقة دفع أخرى.',
        manual_review: /يراجع مزوّد خدمة الدفع دفعتك يدويًا/,
      },
    },
  },
};
