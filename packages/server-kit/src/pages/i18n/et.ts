import type { PageMessages } from './page-messages.js';

/** Estonian. */
export const et: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Makse ootel', text: 'Makset pole veel alustatud.' },
    pending: {
      heading: 'Ootame teie makset',
      text: 'Ootame, et teie pank või makseteenuse pakkuja makse kinnitaks.',
    },
    processing: { heading: 'Makset töödeldakse', text: 'Teie makset töödeldakse.' },
    authorized: {
      heading: 'Makse on autoriseeritud',
      text: 'Teie makse on autoriseeritud ja viiakse peagi lõpule.',
    },
    succeeded: { heading: 'Makse õnnestus', text: 'Aitäh! Teie makse on tehtud.' },
    failed: { heading: 'Makse ebaõnnestus', text: 'Makset ei õnnestunud teha.' },
    cancelled: { heading: 'Makse tühistati', text: 'Makse on tühistatud.' },
    expired: { heading: 'Makse aegus', text: 'Makset ei tehtud õigeks ajaks.' },
  },
  reasons: {
    insufficient_funds: 'Teie pank keeldus maksest: kontol pole piisavalt raha.',
    card_lost_or_stolen: 'Teie pank keeldus sellest kaardist. Palun kasutage muud kaarti või makseviisi.',
    declined: 'Teie pank keeldus maksest.',
    authentication_failed: 'Makset ei õnnestunud kinnitada: autentimine teie pangas ebaõnnestus.',
    cancelled_by_shopper: 'Te tühistasite makse.',
    provider_error: 'Makseteenuse pakkujal tekkis tehniline probleem. Palun proovige hiljem uuesti.',
    expired: 'Selle makse jaoks ette nähtud aeg sai otsa.',
    manual_review:
      'Makseteenuse pakkuja kontrollib teie makset käsitsi. Tavaliselt võtab see mõne minuti, mõnikord kuni ühe tööpäeva. See leht uueneb kohe, kui tulemus on teada.',
  },
  returnToMerchant: 'Tagasi kaupmehe juurde',
  amount: 'Summa',
  order: 'Tellimus',
  merchant: 'Saaja',
  liveUpdates: 'See leht uueneb automaatselt.',
  returnNoScript: 'Laadige see leht uuesti, et näha viimast olekut.',
  payTitle: 'Maksmine',
  continueTitle: 'Jätkame kinnitamisega…',
  continueButton: 'Jätka',
  payNoScript: 'Maksmiseks on vaja JavaScripti. Palun lubage see ja laadige leht uuesti.',
  methodPis: 'Pangamakse',
  methodCard: 'Kaart',
  notFoundTitle: 'Makset ei leitud',
  notFoundText: 'See makselink on tundmatu või aegunud. Minge tagasi poodi ja alustage uuesti.',
  pendingNotice: 'Võite nüüd poodi naasta: pood saab teate, kui makse on lõpule viidud.',
  autoForward: 'Naasmine kaupmehe juurde {time} pärast.',
  stayHere: 'Jää sellele lehele',
  language: 'Keel',
};
