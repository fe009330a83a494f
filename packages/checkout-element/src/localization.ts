import type { ReactiveControllerHost } from 'lit';
import { type LocaleModule, loadLocale, SOURCE_LOCALE } from './locale.js';
import { formatMessage, type MessageId, type MessageOverrides, SOURCE_MESSAGES } from './messages.js';

// The element's own locale runtime, in place of @lit/localize's runtime mode: it loaded the same
// chunks (`export const templates = {…}`) but cost 961 bytes of the script-tag file's 15 KB gzip
// budget (its message-id hashing, status events and configure-once guard serve apps that extract
// messages from templates; every message here has an id). One locale is active per page: every
// <pay-checkout> shows the language most recently activated on any of them.
let active: LocaleModule['templates'] | undefined;
let activeLocale = SOURCE_LOCALE;
let wanted = SOURCE_LOCALE;
const hosts = new Set<ReactiveControllerHost>();

/** Re-renders `host`, while it is connected, whenever another locale becomes active. */
export function updateWhenLocaleChanges(host: ReactiveControllerHost): void {
  host.addController({ hostConnected: () => hosts.add(host), hostDisconnected: () => hosts.delete(host) });
}

/**
 * Makes `locale` (a shipped locale, see `resolveLocale`) the active one, loading its chunk once (the
 * module cache keeps it). The latest call wins; a chunk that fails to load (offline) leaves the
 * previous language in place, not a broken element.
 */
export async function activateLocale(locale: string): Promise<void> {
  wanted = locale;
  try {
    const templates = locale === SOURCE_LOCALE ? undefined : (await loadLocale(locale)).templates;
    if (wanted !== locale || activeLocale === locale) return;
    active = templates;
    activeLocale = locale;
    for (const host of hosts) host.requestUpdate();
  } catch {
    // offline: the previous language stays
  }
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
  return formatMessage(overrides?.[id] ?? active?.[id] ?? SOURCE_MESSAGES[id], values, language);
}
