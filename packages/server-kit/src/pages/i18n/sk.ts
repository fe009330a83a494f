import type { PageMessages } from './page-messages.js';

/** Slovak. */
export const sk: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Čaká sa na platbu', text: 'Platba sa ešte nezačala.' },
    pending: {
      heading: 'Čakáme na vašu platbu',
      text: 'Čakáme, kým vaša banka alebo poskytovateľ platobných služieb platbu potvrdí.',
    },
    processing: { heading: 'Platba sa spracúva', text: 'Vaša platba sa práve spracúva.' },
    authorized: {
      heading: 'Platba autorizovaná',
      text: 'Vaša platba bola autorizovaná a čoskoro bude dokončená.',
    },
    succeeded: { heading: 'Platba prebehla úspešne', text: 'Ďakujeme. Vaša platba bola dokončená.' },
    failed: { heading: 'Platba zlyhala', text: 'Platbu sa nepodarilo uskutočniť.' },
    cancelled: { heading: 'Platba zrušená', text: 'Platba bola zrušená.' },
    expired: { heading: 'Platnosť platby vypršala', text: 'Platba nebola dokončená včas.' },
  },
  reasons: {
    insufficient_funds: 'Vaša banka platbu zamietla: nedostatok prostriedkov na účte.',
    card_lost_or_stolen: 'Vaša banka túto kartu zamietla. Použite inú kartu alebo iný spôsob platby.',
    declined: 'Vaša banka platbu zamietla.',
    authentication_failed: 'Platbu sa nepodarilo potvrdiť: overenie vo vašej banke zlyhalo.',
    cancelled_by_shopper: 'Platbu ste zrušili.',
    provider_error: 'U poskytovateľa platobných služieb nastal technický problém. Skúste to neskôr znova.',
    expired: 'Čas vyhradený na túto platbu uplynul.',
    manual_review:
      'Poskytovateľ platobných služieb kontroluje vašu platbu manuálne. Zvyčajne to trvá niekoľko minút, ' +
      'niekedy až jeden pracovný deň. Táto stránka sa aktualizuje hneď, ako bude k dispozícii výsledok.',
  },
  returnToMerchant: 'Späť k obchodníkovi',
  amount: 'Suma',
  order: 'Objednávka',
  merchant: 'Príjemca',
  liveUpdates: 'Táto stránka sa aktualizuje sama.',
  returnNoScript: 'Aktuálny stav zobrazíte opätovným načítaním tejto stránky.',
  payTitle: 'Platba',
  continueTitle: 'Pokračovanie na overenie…',
  continueButton: 'Pokračovať',
  payNoScript: 'Platba vyžaduje JavaScript. Povoľte ho a načítajte túto stránku znova.',
  methodPis: 'Platba cez banku',
  methodCard: 'Karta',
  notFoundTitle: 'Platba sa nenašla',
  notFoundText: 'Tento platobný odkaz je neznámy alebo vypršal. Vráťte sa do obchodu a začnite znova.',
  pendingNotice: 'Do obchodu sa môžete vrátiť hneď: obchod dostane správu, keď sa platba dokončí.',
  autoForward: 'Návrat k obchodníkovi o {time}.',
  stayHere: 'Zostať na tejto stránke',
  language: 'Jazyk',
};
