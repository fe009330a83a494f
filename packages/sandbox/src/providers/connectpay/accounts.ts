import { UnprocessableError } from '../../shared/http/errors.js';

/** A BaaS platform customer's IBAN account, as the top-up endpoint checks it. */
export interface BaasAccount {
  iban: string;
  consumerId: string;
  active: boolean;
  holderName: string;
}

/**
 * Seeded BaaS data (our choice: ConnectPay's stage has its own onboarded consumers, which we cannot
 * know). Anna owns one active and one inactive account; Ben owns one active account.
 */
export const SANDBOX_BAAS = {
  consumers: [
    { consumerId: 'consumer-anna', firstName: 'Anna', lastName: 'Petraitė' },
    { consumerId: 'consumer-ben', firstName: 'Ben', lastName: 'Schmidt' },
  ],
  accounts: [
    { iban: 'LT601010012345678901', consumerId: 'consumer-anna', active: true, holderName: 'Anna Petraitė' },
    { iban: 'LT701010098765432109', consumerId: 'consumer-anna', active: false, holderName: 'Anna Petraitė' },
    { iban: 'LT121000011101001000', consumerId: 'consumer-ben', active: true, holderName: 'Ben Schmidt' },
  ] satisfies BaasAccount[],
} as const;

/** Spaces are allowed when people type IBANs; the comparison is on the compact upper-case form. */
export function compactIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}

/**
 * Checks that the creditor account of a top-up exists, belongs to the onboarded consumer and is active.
 * Ownership is checked before activity so that the answer never reveals the state of someone else's
 * account. Throws `UnprocessableError` (422) with `creditor_account_not_found`, `consumer_not_found`,
 * `creditor_account_not_owned` or `creditor_account_inactive`.
 */
export function checkCreditorAccount(iban: string, consumerId: string): BaasAccount {
  const account = SANDBOX_BAAS.accounts.find((candidate) => candidate.iban === compactIban(iban));
  if (!account) {
    throw new UnprocessableError('creditor_account_not_found', 'No BaaS account has this creditor IBAN.');
  }
  if (!SANDBOX_BAAS.consumers.some((consumer) => consumer.consumerId === consumerId)) {
    throw new UnprocessableError('consumer_not_found', `No onboarded consumer has the id ${consumerId}.`);
  }
  if (account.consumerId !== consumerId) {
    throw new UnprocessableError(
      'creditor_account_not_owned',
      'The creditor account does not belong to the onboarded consumer of this top-up.',
    );
  }
  if (!account.active) {
    throw new UnprocessableError('creditor_account_inactive', 'The creditor account is not active.');
  }
  return account;
}
