import type { PageMessages } from './page-messages.js';

/** Danish. */
export const da: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Afventer betaling', text: 'Betalingen er ikke startet endnu.' },
    pending: {
      heading: 'Vi venter på din betaling',
      text: 'Vi venter på, at din bank eller betalingsudbyder bekræfter betalingen.',
    },
    processing: { heading: 'Betalingen behandles', text: 'Din betaling er ved at blive behandlet.' },
    authorized: {
      heading: 'Betaling autoriseret',
      text: 'Din betaling er autoriseret og bliver gennemført om kort tid.',
    },
    succeeded: { heading: 'Betalingen lykkedes', text: 'Tak. Din betaling er gennemført.' },
    failed: { heading: 'Betalingen mislykkedes', text: 'Betalingen blev ikke gennemført.' },
    cancelled: { heading: 'Betalingen er annulleret', text: 'Betalingen blev annulleret.' },
    expired: { heading: 'Betalingen er udløbet', text: 'Betalingen blev ikke gennemført i tide.' },
  },
  reasons: {
    insufficient_funds: 'Din bank har afvist betalingen: der er ikke dækning på kontoen.',
    card_lost_or_stolen: 'Din bank har afvist dette kort. Brug et andet kort eller en anden betalingsmetode.',
    declined: 'Din bank har afvist betalingen.',
    authentication_failed: 'Betalingen kunne ikke bekræftes: godkendelsen hos din bank mislykkedes.',
    cancelled_by_shopper: 'Du har annulleret betalingen.',
    provider_error: 'Betalingsudbyderen havde et teknisk problem. Prøv igen senere.',
    expired: 'Tiden til denne betaling er udløbet.',
    manual_review:
      'Betalingsudbyderen gennemgår din betaling manuelt. Det tager normalt et par minutter, ' +
      'nogle gange op til en hverdag. Siden opdateres, så snart der er et resultat.',
  },
  returnToMerchant: 'Tilbage til butikken',
  amount: 'Beløb',
  order: 'Ordre',
  merchant: 'Betalt til',
  liveUpdates: 'Siden opdateres automatisk.',
  returnNoScript: 'Genindlæs siden for at se den seneste status.',
  payTitle: 'Betaling',
  continueTitle: 'Fortsætter til bekræftelse…',
  continueButton: 'Fortsæt',
  payNoScript: 'Betalingen kræver JavaScript. Slå det til, og genindlæs siden.',
  methodPis: 'Bankbetaling',
  methodCard: 'Kort',
  notFoundTitle: 'Betalingen blev ikke fundet',
  notFoundText: 'Dette betalingslink er ukendt eller udløbet. Gå tilbage til butikken, og start forfra.',
  pendingNotice: 'Du kan vende tilbage til butikken nu: butikken får besked, når betalingen er gennemført.',
  autoForward: 'Du sendes tilbage til forhandleren om {time}.',
  stayHere: 'Bliv på denne side',
  language: 'Sprog',
};
