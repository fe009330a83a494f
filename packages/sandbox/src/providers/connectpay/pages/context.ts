/** What every widget page needs to render: the language, where the widget lives, the payment. */

import { type Html, html } from '../../../shared/pages/html.js';
import { formatAmount as formatMajorAmount, type PageFrame } from '../../../shared/pages/layout.js';
import type { Messages, WidgetLanguage } from '../i18n/index.js';
import type { SandboxPayment } from '../model.js';

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
  return formatMajorAmount(payment.amount, payment.currency, locale);
}

/** The shared page frame for a widget page: ConnectPay's name, its language links, its forms' fields. */
export function frameOf(context: PageContext): PageFrame {
  const { payment, messages } = context;
  const key = payment?.key ?? context.key;
  return {
    language: context.language,
    words: messages,
    brand: messages.brand,
    languageHref: (language) => {
      const query = new URLSearchParams({ ...(key ? { key } : {}), ...context.keepQuery, lang: language });
      return `${widgetPath(context)}?${query.toString()}`;
    },
    ...(payment
      ? {
          summary: {
            amount: formatAmount(payment, messages.locale),
            ...(payment.merchantReference ? { reference: payment.merchantReference } : {}),
          },
        }
      : {}),
    hiddenFields: hiddenFields(context),
    cancelAction: widgetPath(context, 'cancel'),
  };
}
