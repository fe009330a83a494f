import type { PageMessages } from './page-messages.js';

/** Swedish. */
export const sv: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Väntar på betalning', text: 'Betalningen har inte påbörjats ännu.' },
    pending: {
      heading: 'Väntar på din betalning',
      text: 'Vi väntar på att din bank eller betaltjänst ska bekräfta betalningen.',
    },
    processing: { heading: 'Betalningen behandlas', text: 'Din betalning behandlas.' },
    authorized: {
      heading: 'Betalningen är auktoriserad',
      text: 'Din betalning har auktoriserats och slutförs inom kort.',
    },
    succeeded: { heading: 'Betalningen lyckades', text: 'Tack! Din betalning är genomförd.' },
    failed: { heading: 'Betalningen misslyckades', text: 'Betalningen gick inte igenom.' },
    cancelled: { heading: 'Betalningen avbröts', text: 'Betalningen har avbrutits.' },
    expired: { heading: 'Betalningen har gått ut', text: 'Betalningen slutfördes inte i tid.' },
  },
  reasons: {
    insufficient_funds: 'Din bank nekade betalningen: otillräckligt saldo.',
    card_lost_or_stolen: 'Din bank nekade det här kortet. Använd ett annat kort eller betalsätt.',
    declined: 'Din bank nekade betalningen.',
    authentication_failed: 'Betalningen kunde inte bekräftas: identifieringen hos din bank misslyckades.',
    cancelled_by_shopper: 'Du avbröt betalningen.',
    provider_error: 'Betaltjänsten hade ett tekniskt problem. Försök igen senare.',
    expired: 'Tiden för den här betalningen har gått ut.',
    manual_review:
      'Betaltjänsten granskar din betalning manuellt. Det tar oftast några minuter, ibland upp till en bankdag. Sidan uppdateras så snart det finns ett resultat.',
  },
  returnToMerchant: 'Tillbaka till butiken',
  amount: 'Belopp',
  order: 'Beställning',
  merchant: 'Mottagare',
  liveUpdates: 'Sidan uppdateras automatiskt.',
  returnNoScript: 'Ladda om sidan för att se den senaste statusen.',
  payTitle: 'Betalning',
  continueTitle: 'Fortsätter till verifiering…',
  continueButton: 'Fortsätt',
  payNoScript: 'Betalningen kräver JavaScript. Aktivera det och ladda om sidan.',
  methodPis: 'Bankbetalning',
  methodCard: 'Kort',
  notFoundTitle: 'Betalningen hittades inte',
  notFoundText: 'Den här betalningslänken är okänd eller har gått ut. Gå tillbaka till butiken och börja om.',
  pendingNotice: 'Du kan gå tillbaka till butiken nu: butiken meddelas när betalningen är klar.',
  autoForward: 'Tillbaka till handlaren om {time}.',
  stayHere: 'Stanna på den här sidan',
  language: 'Språk',
};
