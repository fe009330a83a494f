import { configureLocalization, msg } from '@lit/localize';
import { LOCALES, loadLocale, SOURCE_LOCALE } from './locale.js';
import { formatMessage, type MessageId, type MessageOverrides, SOURCE_MESSAGES } from './messages.js';

let setLocale: ((locale: string) => Promise<void>) | undefined;

/**
 * Makes `locale` (a shipped locale, see `resolveLocale`) the active one, loading its chunk once.
 * lit-localize is configured on first use rather than at import, so importing the element touches no
 * DOM (SSR-safe). Runtime mode keeps one active locale per page: every <pay-checkout> shows the
 * language most recently set on any of them.
 */
export function activateLocale(locale: string): Promise<void> {
  if (!setLocale) {
    try {
      setLocale = configureLocalization({
        sourceLocale: SOURCE_LOCALE,
        targetLocales: LOCALES.filter((tag) => tag !== SOURCE_LOCALE),
        loadLocale,
      }).setLocale;
    } catch {
      // The page's own app already configured this copy of @lit/localize (it may be configured only
      // once): its locale applies, and the element keeps working with those templates or English.
      setLocale = () => Promise.resolve();
    }
  }
  // A chunk that fails to load (offline) leaves the previous language in place, not a broken element.
  return setLocale(locale).catch(() => undefined);
}

/**
 * One message: the merchant's override if any, else the active locale's text, else the source;
 * `language` picks plural cases and formats their numbers.
 */
export function translate(
  id: MessageId,
  overrides: MessageOverrides | undefined,
  values?: Record<string, string | number>,
  language?: string,
): string {
  return formatMessage(overrides?.[id] ?? msg(SOURCE_MESSAGES[id], { id }), values, language);
}
