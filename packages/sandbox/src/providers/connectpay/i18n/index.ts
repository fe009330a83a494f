/**
 * Languages of the hosted widget pages. ConnectPay's widget knows EN DE NL FI SV LT; the sandbox
 * translates into English, German and Lithuanian and shows English for the rest.
 */
import type { ConnectPayLanguage } from '../model.js';
import { de } from './de.js';
import { en, type Messages } from './en.js';
import { lt } from './lt.js';

export type { Messages } from './en.js';

export const WIDGET_LANGUAGES = ['en', 'de', 'lt'] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

const MESSAGES: Record<WidgetLanguage, Messages> = { en, de, lt };

export function messagesFor(language: WidgetLanguage): Messages {
  return MESSAGES[language];
}

export function isWidgetLanguage(value: unknown): value is WidgetLanguage {
  return typeof value === 'string' && (WIDGET_LANGUAGES as readonly string[]).includes(value);
}

/** `?lang=` first (the shopper's switch), then the merchant's `language`, then English. */
export function pickLanguage(
  requested: string | null | undefined,
  paymentLanguage?: ConnectPayLanguage,
): WidgetLanguage {
  const asked = requested?.toLowerCase();
  if (isWidgetLanguage(asked)) return asked;
  const merchant = paymentLanguage?.toLowerCase();
  if (isWidgetLanguage(merchant)) return merchant;
  return 'en';
}
