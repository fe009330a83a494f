/**
 * Languages of the ConnectPay widget. ConnectPay's widget knows EN DE NL FI SV LT; the sandbox's pages
 * exist in the shared page languages (English, German, Lithuanian) and show English for the rest.
 */
import { type PageLanguage, pickPageLanguage } from '../../../shared/i18n/languages.js';
import type { ConnectPayLanguage } from '../model.js';
import { de } from './de.js';
import { en, type Messages } from './en.js';
import { lt } from './lt.js';

export type { Messages } from './en.js';

export type WidgetLanguage = PageLanguage;

const MESSAGES: Record<WidgetLanguage, Messages> = { en, de, lt };

export function messagesFor(language: WidgetLanguage): Messages {
  return MESSAGES[language];
}

/** `?lang=` first (the shopper's switch), then the merchant's `language`, then English. */
export function pickLanguage(
  requested: string | null | undefined,
  paymentLanguage?: ConnectPayLanguage,
): WidgetLanguage {
  return pickPageLanguage(requested, paymentLanguage);
}
