/**
 * The Connect page's words: the shared ones (`shared/i18n/`) plus Fintecture's own, in the sandbox's
 * page languages. A session's `x-language` other than these (e.g. `fr`) shows English.
 */
import type { PageLanguage } from '../../shared/i18n/languages.js';
import { type SharedWords, wordsFor } from '../../shared/i18n/words.js';

export interface ConnectWords extends SharedWords {
  brand: string;
  psuType: string;
  psuTypes: { retail: string; corporate: string };
  bankHint: string;
  loginHint: string;
  codeHint: string;
  errors: Record<'unknown_bank' | 'wrong_credentials' | 'wrong_code', string>;
}

const OWN: Record<PageLanguage, Omit<ConnectWords, keyof SharedWords>> = {
  en: {
    brand: 'Fintecture Connect · sandbox',
    psuType: 'Account type',
    psuTypes: { retail: 'Personal', corporate: 'Business' },
    bankHint:
      'Every bank of the list works on this sandbox; “Fintecture Sandbox Bank” is listed in every country.',
    loginHint: 'User ID paid, pending, refused or nofunds; password sandbox.',
    codeHint: 'The code is 123456.',
    errors: {
      unknown_bank: 'That bank is not available. Choose a bank from the list.',
      wrong_credentials: 'The user ID or password is wrong.',
      wrong_code: 'The code is wrong. Check it and try again.',
    },
  },
  de: {
    brand: 'Fintecture Connect · Sandbox',
    psuType: 'Kontoart',
    psuTypes: { retail: 'Privat', corporate: 'Geschäftlich' },
    bankHint:
      'Jede Bank der Liste funktioniert in dieser Sandbox; „Fintecture Sandbox Bank“ gibt es in jedem Land.',
    loginHint: 'Benutzerkennung paid, pending, refused oder nofunds; Passwort sandbox.',
    codeHint: 'Der Code ist 123456.',
    errors: {
      unknown_bank: 'Diese Bank ist nicht verfügbar. Wählen Sie eine Bank aus der Liste.',
      wrong_credentials: 'Benutzerkennung oder Passwort ist falsch.',
      wrong_code: 'Der Code ist falsch. Prüfen Sie ihn und versuchen Sie es erneut.',
    },
  },
  lt: {
    brand: 'Fintecture Connect · bandomoji aplinka',
    psuType: 'Sąskaitos tipas',
    psuTypes: { retail: 'Asmeninė', corporate: 'Verslo' },
    bankHint:
      'Bet kuris sąrašo bankas veikia šioje aplinkoje; „Fintecture Sandbox Bank“ yra kiekvienoje šalyje.',
    loginHint: 'Naudotojo ID paid, pending, refused arba nofunds; slaptažodis sandbox.',
    codeHint: 'Kodas yra 123456.',
    errors: {
      unknown_bank: 'Šis bankas neprieinamas. Pasirinkite banką iš sąrašo.',
      wrong_credentials: 'Neteisingas naudotojo ID arba slaptažodis.',
      wrong_code: 'Neteisingas kodas. Patikrinkite ir bandykite dar kartą.',
    },
  },
};

export function connectWordsFor(language: PageLanguage): ConnectWords {
  return { ...wordsFor(language), ...OWN[language] };
}
