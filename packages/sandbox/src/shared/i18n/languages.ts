/**
 * The languages every hosted page of the sandbox is written in. A stage shows its pages in these and
 * falls back to English for the other languages its provider knows.
 */
export const PAGE_LANGUAGES = ['en', 'de', 'lt'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export function isPageLanguage(value: unknown): value is PageLanguage {
  return typeof value === 'string' && (PAGE_LANGUAGES as readonly string[]).includes(value);
}

/**
 * `?lang=` first (the shopper's switch), then the merchant's language for the payment (any case,
 * e.g. ConnectPay's `DE`), then English.
 */
export function pickPageLanguage(
  requested: string | null | undefined,
  merchantLanguage?: string,
): PageLanguage {
  const asked = requested?.toLowerCase();
  if (isPageLanguage(asked)) return asked;
  const merchant = merchantLanguage?.toLowerCase();
  if (isPageLanguage(merchant)) return merchant;
  return 'en';
}
