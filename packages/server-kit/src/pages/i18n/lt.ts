import type { PageMessages } from './page-messages.js';

/** Lithuanian. */
export const lt: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Laukiama mokėjimo', text: 'Mokėjimas dar nepradėtas.' },
    pending: {
      heading: 'Laukiama jūsų mokėjimo',
      text: 'Laukiame, kol jūsų bankas arba mokėjimo paslaugų teikėjas patvirtins mokėjimą.',
    },
    processing: { heading: 'Mokėjimas apdorojamas', text: 'Jūsų mokėjimas apdorojamas.' },
    authorized: {
      heading: 'Mokėjimas autorizuotas',
      text: 'Jūsų mokėjimas autorizuotas ir netrukus bus užbaigtas.',
    },
    succeeded: { heading: 'Mokėjimas sėkmingas', text: 'Ačiū. Jūsų mokėjimas įvykdytas.' },
    failed: { heading: 'Mokėjimas nepavyko', text: 'Mokėjimo atlikti nepavyko.' },
    cancelled: { heading: 'Mokėjimas atšauktas', text: 'Mokėjimas buvo atšauktas.' },
    expired: { heading: 'Mokėjimo laikas baigėsi', text: 'Mokėjimas nebuvo užbaigtas laiku.' },
  },
  reasons: {
    insufficient_funds: 'Jūsų bankas atmetė mokėjimą: nepakanka lėšų.',
    card_lost_or_stolen: 'Jūsų bankas atmetė šią kortelę. Naudokite kitą kortelę arba mokėjimo būdą.',
    declined: 'Jūsų bankas atmetė mokėjimą.',
    authentication_failed: 'Mokėjimo patvirtinti nepavyko: tapatybės patvirtinimas jūsų banke nepavyko.',
    cancelled_by_shopper: 'Jūs atšaukėte mokėjimą.',
    provider_error: 'Mokėjimo paslaugų teikėjui kilo techninių nesklandumų. Bandykite dar kartą vėliau.',
    expired: 'Šiam mokėjimui skirtas laikas baigėsi.',
    manual_review:
      'Mokėjimo paslaugų teikėjas tikrina jūsų mokėjimą rankiniu būdu. Paprastai tai užtrunka kelias ' +
      'minutes, kartais iki vienos darbo dienos. Šis puslapis atsinaujins, kai tik bus rezultatas.',
  },
  returnToMerchant: 'Grįžti pas prekybininką',
  amount: 'Suma',
  order: 'Užsakymas',
  merchant: 'Gavėjas',
  liveUpdates: 'Šis puslapis atsinaujina automatiškai.',
  returnNoScript: 'Perkraukite šį puslapį, kad pamatytumėte naujausią būseną.',
  payTitle: 'Apmokėjimas',
  continueTitle: 'Tęsiama patvirtinimui…',
  continueButton: 'Tęsti',
  payNoScript: 'Apmokėjimui reikalingas JavaScript. Įjunkite jį ir perkraukite šį puslapį.',
  methodPis: 'Mokėjimas per banką',
  methodCard: 'Kortelė',
  notFoundTitle: 'Mokėjimas nerastas',
  notFoundText: 'Ši mokėjimo nuoroda nežinoma arba nebegalioja. Grįžkite į parduotuvę ir pradėkite iš naujo.',
  pendingNotice: 'Galite grįžti į parduotuvę dabar: parduotuvė bus informuota, kai mokėjimas bus baigtas.',
  autoForward: 'Grįžtama pas prekybininką po {time}.',
  stayHere: 'Likti šiame puslapyje',
  language: 'Kalba',
};
