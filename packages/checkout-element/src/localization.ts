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
  setLocale ??= configureLocalization({
    sourceLocale: SOURCE_LOCALE,
    targetLocales: LOCALES.filter((tag) => tag !== SOURCE_LOCALE),
    loadLocale,
  }).setLocale;
  return setLocale(locale);
}

/** One message: the merchant's override if any, else the active locale's text, else the source. */
export function translate(
  id: MessageId,
  overrides: MessageOverrides | undefined,
  values?: Record<string, string | number>,
): string {
  return formatMessage(overrides?.[id] ?? msg(SOURCE_MESSAGES[id], { id }), values);
}
