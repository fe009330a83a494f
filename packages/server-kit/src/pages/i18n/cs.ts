import type { PageMessages } from './page-messages.js';

/** Czech. */
export const cs: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Čeká se na platbu', text: 'Platba ještě nebyla zahájena.' },
    pending: {
      heading: 'Čekáme na vaši platbu',
      text: 'Čekáme, až vaše banka nebo poskytovatel platebních služeb platbu potvrdí.',
    },
    processing: { heading: 'Platba se zpracovává', text: 'Vaše platba se právě zpracovává.' },
    authorized: {
      heading: 'Platba autorizována',
      text: 'Vaše platba byla autorizována a brzy bude dokončena.',
    },
    succeeded: { heading: 'Platba proběhla úspěšně', text: 'Děkujeme. Vaše platba byla dokončena.' },
    failed: { heading: 'Platba se nezdařila', text: 'Platbu se nepodařilo provést.' },
    cancelled: { heading: 'Platba zrušena', text: 'Platba byla zrušena.' },
    expired: { heading: 'Platnost platby vypršela', text: 'Platba nebyla dokončena včas.' },
  },
  reasons: {
    insufficient_funds: 'Vaše banka platbu zamítla: nedostatek prostředků na účtu.',
    card_lost_or_stolen:
      'Vaše banka tuto kartu zamítla. Použijte prosím jinou kartu nebo jiný způsob platby.',
    declined: 'Vaše banka platbu zamítla.',
    authentication_failed: 'Platbu se nepodařilo potvrdit: ověření ve vaší bance se nezdařilo.',
    cancelled_by_shopper: 'Platbu jste zrušili.',
    provider_error:
      'U poskytovatele platebních služeb došlo k technickému problému. Zkuste to prosím později.',
    expired: 'Čas vyhrazený pro tuto platbu vypršel.',
    manual_review:
      'Poskytovatel platebních služeb kontroluje vaši platbu ručně. Obvykle to trvá několik minut, ' +
      'někdy až jeden pracovní den. Tato stránka se aktualizuje, jakmile bude k dispozici výsledek.',
  },
  returnToMerchant: 'Zpět k obchodníkovi',
  amount: 'Částka',
  order: 'Objednávka',
  merchant: 'Příjemce',
  liveUpdates: 'Tato stránka se aktualizuje sama.',
  returnNoScript: 'Aktuální stav zobrazíte opětovným načtením této stránky.',
  payTitle: 'Platba',
  continueTitle: 'Pokračování k ověření…',
  continueButton: 'Pokračovat',
  payNoScript: 'Platba vyžaduje JavaScript. Povolte jej prosím a načtěte tuto stránku znovu.',
  methodPis: 'Platba bankou',
  methodCard: 'Karta',
  notFoundTitle: 'Platba nenalezena',
  notFoundText: 'Tento platební odkaz je neznámý nebo vypršel. Vraťte se prosím do obchodu a začněte znovu.',
  pendingNotice: 'Do obchodu se můžete vrátit hned: obchod bude informován, až se platba dokončí.',
  autoForward: 'Návrat k obchodníkovi za {time}.',
  stayHere: 'Zůstat na této stránce',
  language: 'Jazyk',
};
