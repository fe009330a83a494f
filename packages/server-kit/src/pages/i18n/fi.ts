import type { PageMessages } from './page-messages.js';

/** Finnish. */
export const fi: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Odotetaan maksua', text: 'Maksua ei ole vielä aloitettu.' },
    pending: {
      heading: 'Odotetaan maksuasi',
      text: 'Odotamme, että pankkisi tai maksupalvelu vahvistaa maksun.',
    },
    processing: { heading: 'Maksua käsitellään', text: 'Maksuasi käsitellään.' },
    authorized: {
      heading: 'Maksu on valtuutettu',
      text: 'Maksusi on valtuutettu, ja se viedään pian loppuun.',
    },
    succeeded: { heading: 'Maksu onnistui', text: 'Kiitos! Maksusi on suoritettu.' },
    failed: { heading: 'Maksu epäonnistui', text: 'Maksua ei voitu suorittaa.' },
    cancelled: { heading: 'Maksu peruttu', text: 'Maksu on peruttu.' },
    expired: { heading: 'Maksu vanheni', text: 'Maksua ei suoritettu ajoissa.' },
  },
  reasons: {
    insufficient_funds: 'Pankkisi hylkäsi maksun: tilillä ei ole riittävästi katetta.',
    card_lost_or_stolen: 'Pankkisi hylkäsi tämän kortin. Käytä toista korttia tai maksutapaa.',
    declined: 'Pankkisi hylkäsi maksun.',
    authentication_failed: 'Maksua ei voitu vahvistaa: tunnistautuminen pankissasi epäonnistui.',
    cancelled_by_shopper: 'Peruit maksun.',
    provider_error: 'Maksupalvelussa oli tekninen ongelma. Yritä myöhemmin uudelleen.',
    expired: 'Maksulle varattu aika päättyi.',
    manual_review:
      'Maksupalvelu tarkistaa maksusi käsin. Tämä kestää yleensä muutaman minuutin, joskus enintään yhden arkipäivän. Tämä sivu päivittyy heti, kun tulos on selvillä.',
  },
  returnToMerchant: 'Palaa kauppaan',
  amount: 'Summa',
  order: 'Tilaus',
  merchant: 'Saaja',
  liveUpdates: 'Tämä sivu päivittyy automaattisesti.',
  returnNoScript: 'Lataa sivu uudelleen nähdäksesi viimeisimmän tilan.',
  payTitle: 'Maksu',
  continueTitle: 'Siirrytään vahvistukseen…',
  continueButton: 'Jatka',
  payNoScript: 'Maksaminen vaatii JavaScriptin. Ota se käyttöön ja lataa sivu uudelleen.',
  methodPis: 'Pankkimaksu',
  methodCard: 'Kortti',
  notFoundTitle: 'Maksua ei löytynyt',
  notFoundText: 'Tämä maksulinkki on tuntematon tai vanhentunut. Palaa kauppaan ja aloita alusta.',
  pendingNotice: 'Voit palata kauppaan nyt: kauppa saa tiedon, kun maksu on valmis.',
  autoForward: 'Palataan kauppiaalle {time} kuluttua.',
  stayHere: 'Pysy tällä sivulla',
  language: 'Kieli',
};
