import type { PageMessages } from './page-messages.js';

/** Italian. */
export const it: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'In attesa del pagamento', text: 'Il pagamento non è ancora iniziato.' },
    pending: {
      heading: 'In attesa del tuo pagamento',
      text: 'Stiamo aspettando che la tua banca o il fornitore del servizio di pagamento confermi il pagamento.',
    },
    processing: { heading: 'Pagamento in elaborazione', text: 'Il tuo pagamento è in fase di elaborazione.' },
    authorized: {
      heading: 'Pagamento autorizzato',
      text: 'Il tuo pagamento è stato autorizzato e verrà completato a breve.',
    },
    succeeded: { heading: 'Pagamento riuscito', text: 'Grazie. Il tuo pagamento è stato completato.' },
    failed: { heading: 'Pagamento non riuscito', text: 'Il pagamento non è andato a buon fine.' },
    cancelled: { heading: 'Pagamento annullato', text: 'Il pagamento è stato annullato.' },
    expired: { heading: 'Pagamento scaduto', text: 'Il pagamento non è stato completato in tempo.' },
  },
  reasons: {
    insufficient_funds: 'La tua banca ha rifiutato il pagamento: fondi insufficienti.',
    card_lost_or_stolen:
      'La tua banca ha rifiutato questa carta. Usa un’altra carta o un altro metodo di pagamento.',
    declined: 'La tua banca ha rifiutato il pagamento.',
    authentication_failed:
      'Non è stato possibile confermare il pagamento: l’autenticazione presso la tua banca non è riuscita.',
    cancelled_by_shopper: 'Hai annullato il pagamento.',
    provider_error: 'Il fornitore del servizio di pagamento ha avuto un problema tecnico. Riprova più tardi.',
    expired: 'Il tempo a disposizione per questo pagamento è scaduto.',
    manual_review:
      'Il fornitore del servizio di pagamento sta verificando manualmente il tuo pagamento. Di solito bastano pochi minuti, a volte fino a un giorno lavorativo. Questa pagina si aggiornerà non appena ci sarà un esito.',
  },
  returnToMerchant: 'Torna al negozio',
  amount: 'Importo',
  order: 'Ordine',
  merchant: 'Beneficiario',
  liveUpdates: 'Questa pagina si aggiorna automaticamente.',
  returnNoScript: 'Ricarica questa pagina per vedere lo stato più recente.',
  payTitle: 'Pagamento',
  continueTitle: 'Passaggio alla verifica…',
  continueButton: 'Continua',
  payNoScript: 'Per il pagamento è necessario JavaScript. Attivalo e ricarica questa pagina.',
  methodPis: 'Pagamento bancario',
  methodCard: 'Carta',
  notFoundTitle: 'Pagamento non trovato',
  notFoundText: 'Questo link di pagamento è sconosciuto o scaduto. Torna al negozio e ricomincia.',
  pendingNotice:
    'Puoi tornare al negozio ora: il negozio verrà avvisato quando il pagamento sarà completato.',
  autoForward: 'Ritorno al commerciante tra {time}.',
  stayHere: 'Resta su questa pagina',
  language: 'Lingua',
};
