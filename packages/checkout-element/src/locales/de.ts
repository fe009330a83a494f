// German (de): a runtime-mode locale module in the shape lit-localize generates, written by
// hand (see ../messages.ts for the ids, the English source and the {name} placeholders).
import type { MessageId } from '../messages.js';

export const templates = {
  methodLegend: 'Zahlungsart',
  bank: 'Bank',
  bankHint: 'Tippen Sie zum Suchen und wählen Sie Ihre Bank.',
  bankNone: 'Keine Bank passt zu „{query}“. Prüfen Sie das Land Ihrer Bank.',
  bankEmpty: 'In diesem Land wurde keine Bank gefunden. Wählen Sie das Land Ihrer Bank.',
  bankCount: '{count, plural, one {# Bank gefunden.} other {# Banken gefunden.}}',
  country: 'Land Ihrer Bank',
  countryChoose: 'Land auswählen',
  methodPis: 'Banküberweisung',
  methodCard: 'Karte',
  bankRecent: 'Zuletzt verwendet',
  bankRequired: 'Wählen Sie Ihre Bank, um fortzufahren.',
  methodRequired: 'Wählen Sie eine Zahlungsart, um fortzufahren.',
  language: 'Sprache',
  total: 'Gesamt',
  pay: '{amount} bezahlen',
  bankNote: 'Sie bestätigen die Zahlung bei Ihrer Bank.',
  cardNote: 'Ihre Kartendaten geben Sie auf der sicheren Seite unseres Zahlungspartners ein.',
  testMode: 'Testmodus',
  loading: 'Zahlungsarten werden geladen …',
  ready: 'Die Zahlungsarten sind bereit.',
  submitting: 'Ihre Zahlung wird gestartet …',
  redirecting: 'Sie werden zum Abschluss der Zahlung weitergeleitet …',
  retry: 'Erneut versuchen',
  errorNetwork:
    'Der Zahlungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errorTimeout: 'Der Zahlungsdienst hat zu lange gebraucht. Bitte versuchen Sie es erneut.',
  errorServer: 'Beim Zahlungsdienst ist ein Problem aufgetreten. Bitte versuchen Sie es gleich noch einmal.',
  errorOrderNotFound:
    'Diese Bestellung wurde nicht gefunden. Bitte kehren Sie zum Shop zurück und beginnen Sie neu.',
  errorInvalid: 'Die Zahlungsdaten wurden nicht akzeptiert.',
  errorInProgress:
    'Diese Zahlung wird bereits bearbeitet. Bitte warten Sie kurz und versuchen Sie es erneut.',
  errorMismatch: 'Diese Zahlung wurde bereits mit anderen Angaben gestartet. Bitte beginnen Sie neu.',
  errorRequest: 'Die Zahlung konnte nicht gestartet werden. Bitte wenden Sie sich an den Shop.',
  errorRedirect: 'Die Adresse der Zahlungsseite ist nicht sicher.',
  errorNoMethods: 'Für diese Bestellung ist keine Zahlungsart verfügbar.',
  errorMethod: 'Diese Zahlungsart ist nicht verfügbar. Bitte wählen Sie eine andere.',
  errorUnavailable:
    'Diese Zahlungsart ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut oder wählen Sie eine andere.',
  errorAccount: 'Dieses Konto kann die Zahlung nicht empfangen. Bitte wenden Sie sich an den Shop.',
  errorSession:
    'Diese Zahlung wurde nicht gefunden oder ist beendet. Bitte kehren Sie zum Shop zurück und beginnen Sie neu.',
  errorPaid: 'Diese Bestellung ist bereits bezahlt. Zurück zum Shop',
} satisfies Record<MessageId, string>;
