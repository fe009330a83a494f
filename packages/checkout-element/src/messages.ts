/**
 * The message catalog: every string the element shows, keyed by a stable id, in English (the source
 * locale). Translations live in `locales/<tag>.ts` in the runtime-mode shape lit-localize generates
 * (`export const templates = {id: 'text'}`). Placeholders are `{name}`, filled by `formatMessage`, so
 * translations and merchant overrides use one syntax and locale chunks stay pure data with no imports.
 * Counts use the ICU plural subset `{count, plural, one {# bank} other {# banks}}`: each locale lists
 * the categories its language has (Intl.PluralRules: zero, one, two, few, many, other).
 */
export const SOURCE_MESSAGES = {
  methodLegend: 'Payment method',
  bank: 'Bank',
  bankHint: 'Type to search, then choose your bank.',
  bankNone: 'No bank matches “{query}”. Check the country of your bank.',
  bankEmpty: 'No bank found in this country. Choose the country of your bank.',
  bankCount: '{count, plural, one {# bank found.} other {# banks found.}}',
  country: 'Country of your bank',
  countryChoose: 'Choose a country',
  methodPis: 'Bank payment',
  methodCard: 'Card',
  bankRecent: 'Recently used',
  bankRequired: 'Choose your bank to continue.',
  methodRequired: 'Choose a payment method to continue.',
  language: 'Language',
  total: 'Total',
  pay: 'Pay {amount}',
  bankNote: 'You confirm the payment in your bank.',
  cardNote: 'You enter your card details on the secure page of our payment partner.',
  testMode: 'Test mode',
  loading: 'Loading payment options…',
  ready: 'Payment options are ready.',
  submitting: 'Starting your payment…',
  redirecting: 'Taking you to complete the payment…',
  retry: 'Try again',
  errorNetwork: 'We could not reach the payment service. Check your connection and try again.',
  errorTimeout: 'The payment service took too long to answer. Please try again.',
  errorServer: 'The payment service has a problem. Please try again in a moment.',
  errorOrderNotFound: 'This order was not found. Please return to the shop and start again.',
  errorInvalid: 'The payment details were not accepted.',
  errorInProgress: 'This payment is already being processed. Please wait a moment and try again.',
  errorMismatch: 'This payment was already started with other details. Please start again.',
  errorRequest: 'The payment could not be started. Please contact the shop.',
  errorRedirect: 'The payment page address is not safe to open.',
  errorNoMethods: 'No payment method is available for this order.',
  errorMethod: 'This payment method is not available. Please choose another one.',
  errorUnavailable:
    'This payment method is unavailable right now. Please try again later or choose another one.',
  errorAccount: 'This account cannot receive the payment. Please contact the shop.',
  errorSession: 'This payment was not found or has ended. Please return to the shop and start again.',
  errorPaid: 'This order is already paid. Back to the shop',
} as const;

/** Id of one message in the catalog. */
export type MessageId = keyof typeof SOURCE_MESSAGES;

/**
 * Merchant overrides for any message, by id, in any language the merchant chooses. Placeholders use
 * `{name}` as in the source, e.g. `{pay: 'Buy now for {amount}'}`.
 */
export type MessageOverrides = Partial<Record<MessageId, string>>;

// `{name, plural, one {…} other {…}}`: the cases are flat text (no nested braces), `#` is the number.
const PLURAL = /\{(\w+), plural,((?: \w+ \{[^}]*\})+)\}/g;

/**
 * Fills `{name}` placeholders and picks plural cases by `Intl.PluralRules` of `locale` (falling back
 * to `other`); unknown names stay as written so a typo is visible, not silent.
 */
export function formatMessage(
  text: string,
  values: Record<string, string | number> = {},
  locale = 'en',
): string {
  return text
    .replace(PLURAL, (_whole, name: string, cases: string) => {
      const count = Number(values[name]);
      const pick = (category: string) => cases.match(` ${category} \\{([^}]*)\\}`)?.[1];
      return (pick(new Intl.PluralRules(locale).select(count)) ?? pick('other') ?? '').replace(
        /#/g,
        count.toLocaleString(locale),
      );
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
