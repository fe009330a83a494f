import type { PageMessages } from './page-messages.js';

/** Polish. */
export const pl: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Oczekiwanie na płatność', text: 'Płatność nie została jeszcze rozpoczęta.' },
    pending: {
      heading: 'Oczekiwanie na Twoją płatność',
      text: 'Czekamy, aż Twój bank lub operator płatności potwierdzi płatność.',
    },
    processing: { heading: 'Płatność jest przetwarzana', text: 'Twoja płatność jest przetwarzana.' },
    authorized: {
      heading: 'Płatność autoryzowana',
      text: 'Twoja płatność została autoryzowana i wkrótce zostanie zrealizowana.',
    },
    succeeded: {
      heading: 'Płatność zakończona powodzeniem',
      text: 'Dziękujemy. Twoja płatność została zrealizowana.',
    },
    failed: { heading: 'Płatność nieudana', text: 'Płatność nie została zrealizowana.' },
    cancelled: { heading: 'Płatność anulowana', text: 'Płatność została anulowana.' },
    expired: { heading: 'Płatność wygasła', text: 'Płatność nie została zrealizowana na czas.' },
  },
  reasons: {
    insufficient_funds: 'Twój bank odrzucił płatność: brak wystarczających środków.',
    card_lost_or_stolen: 'Twój bank odrzucił tę kartę. Użyj innej karty lub innej metody płatności.',
    declined: 'Twój bank odrzucił płatność.',
    authentication_failed:
      'Nie udało się potwierdzić płatności: uwierzytelnienie w Twoim banku nie powiodło się.',
    cancelled_by_shopper: 'Płatność została przez Ciebie anulowana.',
    provider_error: 'U operatora płatności wystąpił problem techniczny. Spróbuj ponownie później.',
    expired: 'Czas na dokonanie tej płatności upłynął.',
    manual_review:
      'Operator płatności sprawdza Twoją płatność ręcznie. Zwykle trwa to kilka minut, czasem do jednego dnia roboczego. Ta strona zaktualizuje się, gdy tylko pojawi się wynik.',
  },
  returnToMerchant: 'Wróć do sklepu',
  amount: 'Kwota',
  order: 'Zamówienie',
  merchant: 'Odbiorca',
  liveUpdates: 'Ta strona aktualizuje się automatycznie.',
  returnNoScript: 'Odśwież tę stronę, aby zobaczyć najnowszy status.',
  payTitle: 'Płatność',
  continueTitle: 'Przechodzenie do weryfikacji…',
  continueButton: 'Dalej',
  payNoScript: 'Płatność wymaga JavaScriptu. Włącz go i odśwież tę stronę.',
  methodPis: 'Płatność bankowa',
  methodCard: 'Karta',
  notFoundTitle: 'Nie znaleziono płatności',
  notFoundText: 'Ten link do płatności jest nieznany lub wygasł. Wróć do sklepu i zacznij od nowa.',
  pendingNotice: 'Możesz już wrócić do sklepu: sklep zostanie powiadomiony, gdy płatność się zakończy.',
  autoForward: 'Powrót do sprzedawcy za {time}.',
  stayHere: 'Zostań na tej stronie',
  language: 'Język',
};
