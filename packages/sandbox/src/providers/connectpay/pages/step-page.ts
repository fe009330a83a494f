/** Renders the page of the step a payment is at, optionally with a user error from the last form. */
import type { SandboxPayment, WidgetError } from '../model.js';
import { bankCodePage } from './bank-code-page.js';
import { bankLoginPage } from './bank-login-page.js';
import { type BankSearch, bankSearchPage } from './bank-search-page.js';
import { cardPage } from './card-page.js';
import type { PageContext } from './context.js';
import type { Html } from './html.js';
import { methodPage } from './method-page.js';
import { statusPage } from './status-page.js';
import { threeDsPage } from './three-ds-page.js';
import { walletPage } from './wallet-page.js';

export interface StepInput {
  error?: WidgetError;
  /** Form values to show again after an error (never the card number, CVC or password). */
  values?: { username?: string; expiry?: string; name?: string };
  search?: BankSearch;
}

export function stepPage(context: PageContext, payment: SandboxPayment, input: StepInput = {}): Html {
  const errorText = input.error ? context.messages.errors[input.error] : undefined;
  switch (payment.step) {
    case 'choose-method':
      return methodPage(context, payment, errorText);
    case 'choose-bank':
      return bankSearchPage(context, payment, input.search ?? {}, errorText);
    case 'bank-login':
      return bankLoginPage(context, payment, input.values, errorText);
    case 'bank-code':
      return bankCodePage(context, payment, errorText);
    case 'card':
      return cardPage(context, payment, input.values, input.error);
    case 'three-ds':
      return threeDsPage(context, payment);
    case 'wallet':
      return walletPage(context, payment);
    case 'done':
      return statusPage(context, payment);
    default: {
      const unsupported: never = payment.step;
      throw new Error(`Unsupported widget step ${String(unsupported)}`);
    }
  }
}
