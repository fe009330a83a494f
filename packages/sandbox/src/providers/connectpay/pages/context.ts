/** What every widget page needs to render: the language, where the widget lives, the payment. */
import type { Messages, WidgetLanguage } from '../i18n/index.js';
import type { SandboxPayment } from '../model.js';
import { type Html, html } from './html.js';

export interface PageContext {
  language: WidgetLanguage;
  messages: Messages;
  /** Where ConnectPay is mounted, e.g. `/connectpay`; the widget is at `${basePath}/widget`. */
  basePath: string;
  /** True when the shopper picked the language (`?lang=`): forms then carry it to the next step. */
  explicitLanguage: boolean;
  /** The widget key from the request, kept for the language switcher even when no payment was found. */
  key?: string;
  payment?: SandboxPayment;
  /** Extra query parameters the language switcher keeps (the bank search's `q` and `country`). */
  keepQuery?: Record<string, string>;
}

export function widgetPath(context: PageContext, action?: string): string {
  return action ? `${context.basePath}/widget/${action}` : `${context.basePath}/widget`;
}

/** The hidden fields every widget form posts: the key, and the language if the shopper chose one. */
export function hiddenFields(context: PageContext): Html {
  const key = context.payment?.key ?? context.key ?? '';
  return html`<input type="hidden" name="key" value="${key}">${
    context.explicitLanguage && html`<input type="hidden" name="lang" value="${context.language}">`
  }`;
}

/** "19,99 €" in de/lt, "€19.99" in en: amounts stay strings in major units on the wire. */
export function formatAmount(payment: SandboxPayment, locale: string): string {
  const value = Number(payment.amount);
  if (!Number.isFinite(value)) return `${payment.amount} ${payment.currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: payment.currency }).format(value);
  } catch {
    // An unknown currency code: show it as sent rather than fail the page.
    return `${payment.amount} ${payment.currency}`;
  }
}
