import type { PageMessages } from './page-messages.js';

/** Hungarian (formal address, as in the element). */
export const hu: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Fizetésre vár', text: 'A fizetés még nem indult el.' },
    pending: {
      heading: 'Várjuk a fizetését',
      text: 'Várjuk, hogy bankja vagy a fizetési szolgáltató megerősítse a fizetést.',
    },
    processing: { heading: 'A fizetés feldolgozása folyamatban', text: 'Fizetése feldolgozás alatt áll.' },
    authorized: {
      heading: 'Fizetés engedélyezve',
      text: 'Fizetését engedélyezték, és hamarosan teljesül.',
    },
    succeeded: { heading: 'Sikeres fizetés', text: 'Köszönjük. Fizetése teljesült.' },
    failed: { heading: 'Sikertelen fizetés', text: 'A fizetés nem sikerült.' },
    cancelled: { heading: 'Fizetés megszakítva', text: 'A fizetést megszakították.' },
    expired: { heading: 'Lejárt fizetés', text: 'A fizetés nem fejeződött be időben.' },
  },
  reasons: {
    insufficient_funds: 'Bankja elutasította a fizetést: nincs elegendő fedezet.',
    card_lost_or_stolen:
      'Bankja elutasította ezt a kártyát. Kérjük, használjon másik kártyát vagy fizetési módot.',
    declined: 'Bankja elutasította a fizetést.',
    authentication_failed: 'A fizetést nem sikerült megerősíteni: a hitelesítés a bankjánál sikertelen volt.',
    cancelled_by_shopper: 'Ön megszakította a fizetést.',
    provider_error: 'A fizetési szolgáltatónál technikai hiba történt. Kérjük, próbálja újra később.',
    expired: 'A fizetésre rendelkezésre álló idő lejárt.',
    manual_review:
      'A fizetési szolgáltató manuálisan ellenőrzi a fizetését. Ez általában néhány percig tart, ' +
      'esetenként akár egy munkanapig is. Az oldal frissül, amint eredmény születik.',
  },
  returnToMerchant: 'Vissza a kereskedőhöz',
  amount: 'Összeg',
  order: 'Rendelés',
  merchant: 'Kedvezményezett',
  liveUpdates: 'Ez az oldal automatikusan frissül.',
  returnNoScript: 'A legfrissebb állapot megtekintéséhez töltse be újra az oldalt.',
  payTitle: 'Fizetés',
  continueTitle: 'Tovább az ellenőrzéshez…',
  continueButton: 'Tovább',
  payNoScript: 'A fizetéshez JavaScript szükséges. Kérjük, engedélyezze, majd töltse be újra az oldalt.',
  methodPis: 'Banki fizetés',
  methodCard: 'Kártya',
  notFoundTitle: 'A fizetés nem található',
  notFoundText:
    'Ez a fizetési hivatkozás ismeretlen vagy lejárt. Kérjük, térjen vissza az áruházba, és kezdje újra.',
  pendingNotice: 'Most visszatérhet az áruházba: az áruház értesítést kap, amikor a fizetés befejeződik.',
  autoForward: 'Visszatérés a kereskedőhöz {time} múlva.',
  stayHere: 'Maradok ezen az oldalon',
  language: 'Nyelv',
};
