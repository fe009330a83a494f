import type { PageMessages } from './page-messages.js';

/** German. */
export const de: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Zahlung noch nicht begonnen', text: 'Die Zahlung wurde noch nicht gestartet.' },
    pending: {
      heading: 'Warten auf Ihre Zahlung',
      text: 'Wir warten auf die Bestätigung der Zahlung durch Ihre Bank oder den Zahlungsdienst.',
    },
    processing: { heading: 'Zahlung wird verarbeitet', text: 'Ihre Zahlung wird gerade verarbeitet.' },
    authorized: {
      heading: 'Zahlung autorisiert',
      text: 'Ihre Zahlung wurde autorisiert und wird in Kürze abgeschlossen.',
    },
    succeeded: { heading: 'Zahlung erfolgreich', text: 'Vielen Dank. Ihre Zahlung ist abgeschlossen.' },
    failed: { heading: 'Zahlung fehlgeschlagen', text: 'Die Zahlung konnte nicht ausgeführt werden.' },
    cancelled: { heading: 'Zahlung abgebrochen', text: 'Die Zahlung wurde abgebrochen.' },
    expired: { heading: 'Zahlung abgelaufen', text: 'Die Zahlung wurde nicht rechtzeitig abgeschlossen.' },
  },
  reasons: {
    insufficient_funds: 'Ihre Bank hat die Zahlung abgelehnt: nicht genügend Guthaben.',
    card_lost_or_stolen:
      'Ihre Bank hat diese Karte abgelehnt. Bitte verwenden Sie eine andere Karte oder Zahlungsart.',
    declined: 'Ihre Bank hat die Zahlung abgelehnt.',
    authentication_failed:
      'Die Zahlung konnte nicht bestätigt werden: Die Authentifizierung bei Ihrer Bank ist fehlgeschlagen.',
    cancelled_by_shopper: 'Sie haben die Zahlung abgebrochen.',
    provider_error:
      'Beim Zahlungsdienst ist ein technisches Problem aufgetreten. Bitte versuchen Sie es später erneut.',
    expired: 'Die Zeit für diese Zahlung ist abgelaufen.',
    manual_review:
      'Der Zahlungsdienst prüft Ihre Zahlung manuell. Das dauert meist nur wenige Minuten, ' +
      'manchmal bis zu einem Werktag. Diese Seite aktualisiert sich, sobald ein Ergebnis vorliegt.',
  },
  returnToMerchant: 'Zurück zum Händler',
  amount: 'Betrag',
  order: 'Bestellung',
  merchant: 'Empfänger',
  liveUpdates: 'Diese Seite aktualisiert sich automatisch.',
  returnNoScript: 'Laden Sie diese Seite neu, um den aktuellen Stand zu sehen.',
  payTitle: 'Bezahlen',
  continueTitle: 'Weiter zur Bestätigung…',
  continueButton: 'Weiter',
  payNoScript: 'Zum Bezahlen wird JavaScript benötigt. Bitte aktivieren Sie es und laden Sie die Seite neu.',
  methodPis: 'Banküberweisung',
  methodCard: 'Karte',
  notFoundTitle: 'Zahlung nicht gefunden',
  notFoundText:
    'Dieser Zahlungslink ist unbekannt oder abgelaufen. Bitte kehren Sie zum Shop zurück und beginnen Sie neu.',
  pendingNotice:
    'Sie können jetzt zum Shop zurückkehren: Der Shop wird benachrichtigt, sobald die Zahlung abgeschlossen ist.',
  autoForward: 'Zurück zum Händler in {time}.',
  stayHere: 'Auf dieser Seite bleiben',
  language: 'Sprache',
};
