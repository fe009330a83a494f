/**
 * Renders the page of the step a payment is at, optionally with a user error from the last form. The
 * bank, card and 3-D Secure steps are the shared pages (`shared/pages/`) with ConnectPay's form actions,
 * banks and test-data hints; method choice, wallet sheet and status are ConnectPay's own.
 */
import { bankCodePage, bankLoginPage, bankSearchPage } from '../../../shared/pages/bank-pages.js';
import { cardPage } from '../../../shared/pages/card-page.js';
import type { Html } from '../../../shared/pages/html.js';
import { threeDsChallengePage } from '../../../shared/pages/three-ds-pages.js';
import { findBank, SANDBOX_BANK_COUNTRIES, searchBanks } from '../banks.js';
import type { SandboxPayment, WidgetError } from '../model.js';
import { FAKE_BANK_ID } from '../test-data.js';
import { formatAmount, frameOf, type PageContext, widgetPath } from './context.js';
import { methodPage } from './method-page.js';
import { statusPage } from './status-page.js';
import { walletPage } from './wallet-page.js';

export interface BankSearch {
  country?: string;
  query?: string;
}

export interface StepInput {
  error?: WidgetError;
  /** Form values to show again after an error (never the card number, CVC or password). */
  values?: { username?: string; expiry?: string; name?: string };
  search?: BankSearch;
}

export function stepPage(context: PageContext, payment: SandboxPayment, input: StepInput = {}): Html {
  const { messages } = context;
  const errorText = input.error ? messages.errors[input.error] : undefined;
  const frame = frameOf(context);
  switch (payment.step) {
    case 'choose-method':
      return methodPage(context, payment, errorText);
    case 'choose-bank': {
      const country = (input.search?.country || payment.providerCountryCode || 'DE').toUpperCase();
      const query = input.search?.query ?? '';
      return bankSearchPage(frame, {
        searchAction: widgetPath(context),
        chooseAction: widgetPath(context, 'bank'),
        choiceField: 'providerId',
        countries: SANDBOX_BANK_COUNTRIES,
        country,
        query,
        banks: searchBanks(country, query).map((bank) => ({
          value: bank.providerId,
          name: bank.name,
          bic: bank.bic,
        })),
        testHint: messages.bankSearchTestHint,
        error: errorText,
      });
    }
    case 'bank-login':
      return bankLoginPage(frame, {
        action: widgetPath(context, 'login'),
        bankName: (payment.providerId && findBank(payment.providerId)?.name) || payment.providerId || '',
        username: input.values?.username,
        testHint: payment.providerId === FAKE_BANK_ID ? messages.fakeBankHint : messages.otherBankHint,
        error: errorText,
      });
    case 'bank-code':
      return bankCodePage(frame, {
        action: widgetPath(context, 'code'),
        testHint: messages.codeHint,
        error: errorText,
      });
    case 'card':
      return cardPage(frame, {
        action: widgetPath(context, 'card'),
        amount: formatAmount(payment, messages.locale),
        values: input.values,
        ...(input.error && errorText ? { error: { code: input.error, text: errorText } } : {}),
        testHint: messages.cardHint,
      });
    case 'three-ds':
      return threeDsChallengePage(frame, {
        action: widgetPath(context, '3ds'),
        amount: formatAmount(payment, messages.locale),
        ...(payment.card ? { card: payment.card } : {}),
      });
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
