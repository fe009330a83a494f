/**
 * The hosted payment page's own words, beside the shared ones (`shared/i18n/`): pay.tech's name, the
 * AUTHORIZED outcome of a pre-authorization, and the test-data hints, in every page language.
 */
import type { PageLanguage } from '../../shared/i18n/languages.js';
import { type SharedWords, wordsFor } from '../../shared/i18n/words.js';

export interface PaytechWords extends SharedWords {
  brand: string;
  authorizedHeadline: string;
  authorizedDetail: string;
  cardHint: string;
}

const OWN: Record<PageLanguage, Omit<PaytechWords, keyof SharedWords>> = {
  en: {
    brand: 'pay.tech · sandbox',
    authorizedHeadline: 'Payment authorized',
    authorizedDetail: 'The amount is reserved on your card; the shop charges it when it ships.',
    cardHint:
      '4000 0000 0000 0002: 3-D Secure, approved. 4242 4242 4242 4242: 3-D Secure, declined. ' +
      '4000 0000 0000 0408: no 3-D Secure, approved. 4000 0000 0000 0416: no 3-D Secure, declined. ' +
      'Any future expiry, any 3-digit CVC.',
  },
  de: {
    brand: 'pay.tech · Sandbox',
    authorizedHeadline: 'Zahlung autorisiert',
    authorizedDetail: 'Der Betrag ist auf Ihrer Karte reserviert; der Shop bucht ihn beim Versand ab.',
    cardHint:
      '4000 0000 0000 0002: 3-D Secure, genehmigt. 4242 4242 4242 4242: 3-D Secure, abgelehnt. ' +
      '4000 0000 0000 0408: ohne 3-D Secure, genehmigt. 4000 0000 0000 0416: ohne 3-D Secure, abgelehnt. ' +
      'Beliebiges künftiges Ablaufdatum, beliebige 3-stellige Prüfnummer.',
  },
  lt: {
    brand: 'pay.tech · smėlio dėžė',
    authorizedHeadline: 'Mokėjimas autorizuotas',
    authorizedDetail: 'Suma rezervuota jūsų kortelėje; parduotuvė ją nurašys išsiuntusi prekes.',
    cardHint:
      '4000 0000 0000 0002: 3-D Secure, patvirtinta. 4242 4242 4242 4242: 3-D Secure, atmesta. ' +
      '4000 0000 0000 0408: be 3-D Secure, patvirtinta. 4000 0000 0000 0416: be 3-D Secure, atmesta. ' +
      'Bet kokia būsima galiojimo data, bet kokie 3 CVC skaitmenys.',
  },
};

export function paytechWords(language: PageLanguage): PaytechWords {
  return { ...wordsFor(language), ...OWN[language] };
}
