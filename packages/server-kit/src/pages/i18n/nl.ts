import type { PageMessages } from './page-messages.js';

/** Dutch. */
export const nl: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Wachten op betaling', text: 'De betaling is nog niet gestart.' },
    pending: {
      heading: 'Wachten op je betaling',
      text: 'We wachten tot je bank of betaaldienst de betaling bevestigt.',
    },
    processing: { heading: 'Betaling wordt verwerkt', text: 'Je betaling wordt verwerkt.' },
    authorized: {
      heading: 'Betaling geautoriseerd',
      text: 'Je betaling is geautoriseerd en wordt binnenkort afgerond.',
    },
    succeeded: { heading: 'Betaling geslaagd', text: 'Bedankt. Je betaling is voltooid.' },
    failed: { heading: 'Betaling mislukt', text: 'De betaling is niet gelukt.' },
    cancelled: { heading: 'Betaling geannuleerd', text: 'De betaling is geannuleerd.' },
    expired: { heading: 'Betaling verlopen', text: 'De betaling is niet op tijd afgerond.' },
  },
  reasons: {
    insufficient_funds: 'Je bank heeft de betaling geweigerd: onvoldoende saldo.',
    card_lost_or_stolen: 'Je bank heeft deze kaart geweigerd. Gebruik een andere kaart of betaalmethode.',
    declined: 'Je bank heeft de betaling geweigerd.',
    authentication_failed: 'De betaling kon niet worden bevestigd: de verificatie bij je bank is mislukt.',
    cancelled_by_shopper: 'Je hebt de betaling geannuleerd.',
    provider_error: 'De betaaldienst had een technisch probleem. Probeer het later opnieuw.',
    expired: 'De tijd voor deze betaling is verstreken.',
    manual_review:
      'De betaaldienst controleert je betaling handmatig. Dat duurt meestal een paar minuten, soms tot één werkdag. Deze pagina wordt bijgewerkt zodra er een resultaat is.',
  },
  returnToMerchant: 'Terug naar de winkel',
  amount: 'Bedrag',
  order: 'Bestelling',
  merchant: 'Ontvanger',
  liveUpdates: 'Deze pagina wordt automatisch bijgewerkt.',
  returnNoScript: 'Laad deze pagina opnieuw om de laatste status te zien.',
  payTitle: 'Betalen',
  continueTitle: 'Door naar de verificatie…',
  continueButton: 'Doorgaan',
  payNoScript: 'Voor het betalen is JavaScript nodig. Schakel het in en laad deze pagina opnieuw.',
  methodPis: 'Bankbetaling',
  methodCard: 'Kaart',
  notFoundTitle: 'Betaling niet gevonden',
  notFoundText: 'Deze betaallink is onbekend of verlopen. Ga terug naar de winkel en begin opnieuw.',
  pendingNotice: 'U kunt nu terug naar de winkel: de winkel krijgt bericht zodra de betaling is afgerond.',
  autoForward: 'Terug naar de verkoper over {time}.',
  stayHere: 'Op deze pagina blijven',
  language: 'Taal',
};
