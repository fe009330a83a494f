import type { PageMessages } from './page-messages.js';

/** Norwegian Bokmål (also what `no` and `nn` read, as in the element). */
export const nb: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Venter på betaling', text: 'Betalingen er ikke startet ennå.' },
    pending: {
      heading: 'Vi venter på betalingen din',
      text: 'Vi venter på at banken din eller betalingsleverandøren skal bekrefte betalingen.',
    },
    processing: { heading: 'Betalingen behandles', text: 'Betalingen din blir behandlet.' },
    authorized: {
      heading: 'Betalingen er autorisert',
      text: 'Betalingen din er autorisert og blir fullført om kort tid.',
    },
    succeeded: { heading: 'Betalingen var vellykket', text: 'Takk. Betalingen din er fullført.' },
    failed: { heading: 'Betalingen mislyktes', text: 'Betalingen gikk ikke gjennom.' },
    cancelled: { heading: 'Betalingen er avbrutt', text: 'Betalingen ble avbrutt.' },
    expired: { heading: 'Betalingen er utløpt', text: 'Betalingen ble ikke fullført i tide.' },
  },
  reasons: {
    insufficient_funds: 'Banken din avviste betalingen: ikke dekning på kontoen.',
    card_lost_or_stolen: 'Banken din avviste dette kortet. Bruk et annet kort eller en annen betalingsmåte.',
    declined: 'Banken din avviste betalingen.',
    authentication_failed: 'Betalingen kunne ikke bekreftes: autentiseringen i banken din mislyktes.',
    cancelled_by_shopper: 'Du avbrøt betalingen.',
    provider_error: 'Betalingsleverandøren hadde et teknisk problem. Prøv igjen senere.',
    expired: 'Tiden for denne betalingen har gått ut.',
    manual_review:
      'Betalingsleverandøren kontrollerer betalingen din manuelt. Dette tar vanligvis noen minutter, ' +
      'noen ganger opptil én virkedag. Siden oppdateres så snart det foreligger et resultat.',
  },
  returnToMerchant: 'Tilbake til butikken',
  amount: 'Beløp',
  order: 'Bestilling',
  merchant: 'Betalt til',
  liveUpdates: 'Siden oppdateres automatisk.',
  returnNoScript: 'Last inn siden på nytt for å se siste status.',
  payTitle: 'Betaling',
  continueTitle: 'Går videre til bekreftelse…',
  continueButton: 'Fortsett',
  payNoScript: 'Betalingen krever JavaScript. Slå det på og last inn siden på nytt.',
  methodPis: 'Bankbetaling',
  methodCard: 'Kort',
  notFoundTitle: 'Fant ikke betalingen',
  notFoundText: 'Denne betalingslenken er ukjent eller utløpt. Gå tilbake til butikken og start på nytt.',
  pendingNotice: 'Du kan gå tilbake til butikken nå: butikken får beskjed når betalingen er fullført.',
  autoForward: 'Tilbake til forhandleren om {time}.',
  stayHere: 'Bli på denne siden',
  language: 'Språk',
};
