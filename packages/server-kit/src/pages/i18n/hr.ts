import type { PageMessages } from './page-messages.js';

/** Croatian. */
export const hr: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Čeka se plaćanje', text: 'Plaćanje još nije započeto.' },
    pending: {
      heading: 'Čekamo vaše plaćanje',
      text: 'Čekamo da vaša banka ili pružatelj usluge plaćanja potvrdi plaćanje.',
    },
    processing: { heading: 'Plaćanje se obrađuje', text: 'Vaše plaćanje je u obradi.' },
    authorized: {
      heading: 'Plaćanje autorizirano',
      text: 'Vaše plaćanje je autorizirano i uskoro će biti dovršeno.',
    },
    succeeded: { heading: 'Plaćanje uspješno', text: 'Hvala vam. Vaše plaćanje je dovršeno.' },
    failed: { heading: 'Plaćanje nije uspjelo', text: 'Plaćanje nije provedeno.' },
    cancelled: { heading: 'Plaćanje otkazano', text: 'Plaćanje je otkazano.' },
    expired: { heading: 'Plaćanje je isteklo', text: 'Plaćanje nije dovršeno na vrijeme.' },
  },
  reasons: {
    insufficient_funds: 'Vaša banka odbila je plaćanje: nedovoljno sredstava.',
    card_lost_or_stolen:
      'Vaša banka odbila je ovu karticu. Upotrijebite drugu karticu ili drugi način plaćanja.',
    declined: 'Vaša banka odbila je plaćanje.',
    authentication_failed: 'Plaćanje nije moguće potvrditi: autentifikacija u vašoj banci nije uspjela.',
    cancelled_by_shopper: 'Otkazali ste plaćanje.',
    provider_error: 'Pružatelj usluge plaćanja imao je tehnički problem. Pokušajte ponovno kasnije.',
    expired: 'Vrijeme predviđeno za ovo plaćanje je isteklo.',
    manual_review:
      'Pružatelj usluge plaćanja ručno provjerava vaše plaćanje. To obično traje nekoliko minuta, ' +
      'ponekad do jednog radnog dana. Ova stranica ažurirat će se čim rezultat bude poznat.',
  },
  returnToMerchant: 'Povratak trgovcu',
  amount: 'Iznos',
  order: 'Narudžba',
  merchant: 'Primatelj',
  liveUpdates: 'Ova se stranica sama ažurira.',
  returnNoScript: 'Ponovno učitajte ovu stranicu da biste vidjeli najnoviji status.',
  payTitle: 'Plaćanje',
  continueTitle: 'Nastavak na provjeru…',
  continueButton: 'Nastavi',
  payNoScript: 'Za plaćanje je potreban JavaScript. Omogućite ga i ponovno učitajte ovu stranicu.',
  methodPis: 'Plaćanje putem banke',
  methodCard: 'Kartica',
  notFoundTitle: 'Plaćanje nije pronađeno',
  notFoundText:
    'Ova poveznica za plaćanje nepoznata je ili je istekla. Vratite se u trgovinu i počnite ispočetka.',
  pendingNotice: 'Sada se možete vratiti u trgovinu: trgovina će biti obaviještena kad se plaćanje dovrši.',
  autoForward: 'Povratak trgovcu za {time}.',
  stayHere: 'Ostani na ovoj stranici',
  language: 'Jezik',
};
