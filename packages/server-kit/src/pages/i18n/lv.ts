import type { PageMessages } from './page-messages.js';

/** Latvian. */
export const lv: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Gaida maksājumu', text: 'Maksājums vēl nav uzsākts.' },
    pending: {
      heading: 'Gaidām jūsu maksājumu',
      text: 'Gaidām, kad jūsu banka vai maksājumu pakalpojumu sniedzējs apstiprinās maksājumu.',
    },
    processing: { heading: 'Maksājums tiek apstrādāts', text: 'Jūsu maksājums tiek apstrādāts.' },
    authorized: {
      heading: 'Maksājums autorizēts',
      text: 'Jūsu maksājums ir autorizēts un drīz tiks pabeigts.',
    },
    succeeded: { heading: 'Maksājums veiksmīgs', text: 'Paldies! Jūsu maksājums ir pabeigts.' },
    failed: { heading: 'Maksājums neizdevās', text: 'Maksājumu neizdevās veikt.' },
    cancelled: { heading: 'Maksājums atcelts', text: 'Maksājums tika atcelts.' },
    expired: { heading: 'Maksājuma termiņš beidzies', text: 'Maksājums netika pabeigts laikā.' },
  },
  reasons: {
    insufficient_funds: 'Jūsu banka noraidīja maksājumu: nepietiek līdzekļu.',
    card_lost_or_stolen: 'Jūsu banka noraidīja šo karti. Lūdzu, izmantojiet citu karti vai maksājuma veidu.',
    declined: 'Jūsu banka noraidīja maksājumu.',
    authentication_failed: 'Maksājumu neizdevās apstiprināt: autentifikācija jūsu bankā neizdevās.',
    cancelled_by_shopper: 'Jūs atcēlāt maksājumu.',
    provider_error:
      'Maksājumu pakalpojumu sniedzējam radās tehniska problēma. Lūdzu, mēģiniet vēlreiz vēlāk.',
    expired: 'Šim maksājumam atvēlētais laiks ir beidzies.',
    manual_review:
      'Maksājumu pakalpojumu sniedzējs pārbauda jūsu maksājumu manuāli. Parasti tas aizņem dažas minūtes, dažreiz līdz vienai darba dienai. Šī lapa atjaunināsies, tiklīdz būs zināms rezultāts.',
  },
  returnToMerchant: 'Atgriezties pie tirgotāja',
  amount: 'Summa',
  order: 'Pasūtījums',
  merchant: 'Saņēmējs',
  liveUpdates: 'Šī lapa atjaunojas automātiski.',
  returnNoScript: 'Pārlādējiet šo lapu, lai redzētu jaunāko statusu.',
  payTitle: 'Apmaksa',
  continueTitle: 'Turpina uz verifikāciju…',
  continueButton: 'Turpināt',
  payNoScript: 'Apmaksai nepieciešams JavaScript. Lūdzu, ieslēdziet to un pārlādējiet šo lapu.',
  methodPis: 'Bankas maksājums',
  methodCard: 'Karte',
  notFoundTitle: 'Maksājums nav atrasts',
  notFoundText:
    'Šī maksājuma saite nav zināma vai ir beigusies. Lūdzu, atgriezieties veikalā un sāciet no jauna.',
  pendingNotice: 'Tagad varat atgriezties veikalā: veikals tiks informēts, kad maksājums būs pabeigts.',
  autoForward: 'Atgriešanās pie tirgotāja pēc {time}.',
  stayHere: 'Palikt šajā lapā',
  language: 'Valoda',
};
