/**
 * The words of the kit-hosted card page (`GET card/:sessionId`), in every locale of the hosted pages'
 * catalog (`i18n/catalog.ts`; `card-page-messages.test.ts` keeps the two in step). Kept beside the
 * card page rather than in each locale's table: only adapters without a hosted card page use it.
 * `{amount}` in `pay` is replaced with the formatted amount.
 */
export interface CardPageMessages {
  /** Document title and heading. */
  title: string;
  number: string;
  expiry: string;
  /** The expected format, read with the expiry field. */
  expiryHint: string;
  cvc: string;
  cvcHint: string;
  holder: string;
  /** The submit button: `Pay {amount}`. */
  pay: string;
  /** Why the shopper can trust the form (and what happens to the card), under the form. */
  privacy: string;
  errors: {
    number: string;
    expiry: string;
    expired: string;
    cvc: string;
    holder: string;
    /** The gateway could not be reached and nothing was charged. */
    unavailable: string;
  };
  /** Heading of the error summary above the form. */
  errorSummary: string;
}

export const CARD_PAGE_MESSAGES = {
  en: {
    title: 'Pay by card',
    number: 'Card number',
    expiry: 'Expiry date',
    expiryHint: 'Month and year, as MM/YY',
    cvc: 'Security code',
    cvcHint: 'The 3 or 4 digits on the card',
    holder: 'Name on the card',
    pay: 'Pay {amount}',
    privacy: 'Your card details go to the card processor only. This shop does not store them.',
    errors: {
      number: 'Enter a valid card number.',
      expiry: 'Enter the expiry date as MM/YY.',
      expired: 'This card has expired.',
      cvc: 'Enter the 3 or 4 digit security code.',
      holder: 'Enter the name on the card.',
      unavailable: 'The card could not be sent to the card processor. Nothing was charged; please try again.',
    },
    errorSummary: 'Please correct the following:',
  },
} satisfies Record<string, CardPageMessages>;
