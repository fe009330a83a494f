import type { PageMessages } from './page-messages.js';

/** Slovenian. */
export const sl: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Čakanje na plačilo', text: 'Plačilo se še ni začelo.' },
    pending: {
      heading: 'Čakamo na vaše plačilo',
      text: 'Čakamo, da vaša banka ali ponudnik plačilnih storitev potrdi plačilo.',
    },
    processing: { heading: 'Plačilo se obdeluje', text: 'Vaše plačilo je v obdelavi.' },
    authorized: {
      heading: 'Plačilo avtorizirano',
      text: 'Vaše plačilo je bilo avtorizirano in bo kmalu dokončano.',
    },
    succeeded: { heading: 'Plačilo uspešno', text: 'Hvala. Vaše plačilo je bilo dokončano.' },
    failed: { heading: 'Plačilo ni uspelo', text: 'Plačilo ni bilo izvedeno.' },
    cancelled: { heading: 'Plačilo preklicano', text: 'Plačilo je bilo preklicano.' },
    expired: { heading: 'Plačilo je poteklo', text: 'Plačilo ni bilo dokončano pravočasno.' },
  },
  reasons: {
    insufficient_funds: 'Vaša banka je zavrnila plačilo: ni dovolj sredstev.',
    card_lost_or_stolen: 'Vaša banka je zavrnila to kartico. Uporabite drugo kartico ali drug način plačila.',
    declined: 'Vaša banka je zavrnila plačilo.',
    authentication_failed:
      'Plačila ni bilo mogoče potrditi: preverjanje pristnosti pri vaši banki ni uspelo.',
    cancelled_by_shopper: 'Plačilo ste preklicali.',
    provider_error: 'Ponudnik plačilnih storitev je imel tehnično težavo. Poskusite znova pozneje.',
    expired: 'Čas, predviden za to plačilo, je potekel.',
    manual_review:
      'Ponudnik plačilnih storitev ročno preverja vaše plačilo. To običajno traja nekaj minut, ' +
      'včasih do enega delovnega dne. Stran se bo posodobila, takoj ko bo znan rezultat.',
  },
  returnToMerchant: 'Nazaj k trgovcu',
  amount: 'Znesek',
  order: 'Naročilo',
  merchant: 'Prejemnik',
  liveUpdates: 'Ta stran se posodablja samodejno.',
  returnNoScript: 'Znova naložite stran, da vidite najnovejše stanje.',
  payTitle: 'Plačilo',
  continueTitle: 'Nadaljevanje na preverjanje…',
  continueButton: 'Nadaljuj',
  payNoScript: 'Za plačilo je potreben JavaScript. Omogočite ga in znova naložite stran.',
  methodPis: 'Bančno plačilo',
  methodCard: 'Kartica',
  notFoundTitle: 'Plačila ni mogoče najti',
  notFoundText: 'Ta povezava za plačilo je neznana ali je potekla. Vrnite se v trgovino in začnite znova.',
  pendingNotice: 'Zdaj se lahko vrnete v trgovino: trgovina bo obveščena, ko bo plačilo končano.',
  autoForward: 'Vrnitev k trgovcu čez {time}.',
  stayHere: 'Ostani na tej strani',
  language: 'Jezik',
};
