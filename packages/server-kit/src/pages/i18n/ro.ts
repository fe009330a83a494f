import type { PageMessages } from './page-messages.js';

/** Romanian (formal address, as in the element). */
export const ro: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Se așteaptă plata', text: 'Plata nu a fost încă inițiată.' },
    pending: {
      heading: 'Așteptăm plata dvs.',
      text: 'Așteptăm ca banca dvs. sau furnizorul de servicii de plată să confirme plata.',
    },
    processing: { heading: 'Plata este în curs de procesare', text: 'Plata dvs. este în curs de procesare.' },
    authorized: {
      heading: 'Plată autorizată',
      text: 'Plata dvs. a fost autorizată și va fi finalizată în curând.',
    },
    succeeded: { heading: 'Plată reușită', text: 'Vă mulțumim. Plata dvs. a fost finalizată.' },
    failed: { heading: 'Plată eșuată', text: 'Plata nu a putut fi efectuată.' },
    cancelled: { heading: 'Plată anulată', text: 'Plata a fost anulată.' },
    expired: { heading: 'Plată expirată', text: 'Plata nu a fost finalizată la timp.' },
  },
  reasons: {
    insufficient_funds: 'Banca dvs. a refuzat plata: fonduri insuficiente.',
    card_lost_or_stolen:
      'Banca dvs. a refuzat acest card. Vă rugăm să folosiți alt card sau altă metodă de plată.',
    declined: 'Banca dvs. a refuzat plata.',
    authentication_failed: 'Plata nu a putut fi confirmată: autentificarea la banca dvs. a eșuat.',
    cancelled_by_shopper: 'Ați anulat plata.',
    provider_error:
      'Furnizorul de servicii de plată a întâmpinat o problemă tehnică. Vă rugăm să încercați din nou mai târziu.',
    expired: 'Timpul alocat acestei plăți a expirat.',
    manual_review:
      'Furnizorul de servicii de plată verifică manual plata dvs. De obicei, aceasta durează câteva minute, ' +
      'uneori până la o zi lucrătoare. Pagina se va actualiza imediat ce există un rezultat.',
  },
  returnToMerchant: 'Înapoi la comerciant',
  amount: 'Sumă',
  order: 'Comandă',
  merchant: 'Beneficiar',
  liveUpdates: 'Această pagină se actualizează automat.',
  returnNoScript: 'Reîncărcați pagina pentru a vedea cea mai recentă stare.',
  payTitle: 'Plată',
  continueTitle: 'Se continuă spre verificare…',
  continueButton: 'Continuă',
  payNoScript: 'Plata necesită JavaScript. Vă rugăm să îl activați și să reîncărcați pagina.',
  methodPis: 'Plată prin bancă',
  methodCard: 'Card',
  notFoundTitle: 'Plata nu a fost găsită',
  notFoundText: 'Acest link de plată este necunoscut sau a expirat. Reveniți la magazin și începeți din nou.',
  pendingNotice: 'Puteți reveni acum la magazin: magazinul va fi anunțat când plata se finalizează.',
  autoForward: 'Revenire la comerciant în {time}.',
  stayHere: 'Rămâneți pe această pagină',
  language: 'Limbă',
};
