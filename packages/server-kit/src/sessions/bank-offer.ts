import type { BankOption, CreateSessionRequest } from '@pay-checkout/contract';
import { CheckoutError, ProviderUnavailableError } from '../errors.js';
import { BankNotOfferedError } from '../http/http-errors.js';
import type { ProviderAdapter } from '../providers/provider.js';
import type { KitContext } from './kit-context.js';

/**
 * `bank` is forwarded to the provider as is, so it must be one `GET options` offers: a bank of the
 * request's country in the list of the provider the payment goes to (its cached list, see
 * providers/bank-list-cache.ts). Anything else is 422 `bank_not_offered` before a session is stored or a
 * provider is asked to pay (issue 14: unvalidated banks were forwarded and failed a session each).
 */
export async function assertBankOffered(
  context: KitContext,
  adapter: ProviderAdapter,
  request: CreateSessionRequest,
): Promise<void> {
  const { bank, country, method } = request;
  if (bank === undefined) return;
  if (method !== 'pis') throw new BankNotOfferedError(`A bank is chosen only for method pis, not ${method}.`);
  if (country === undefined) {
    throw new BankNotOfferedError('A bank is chosen within a country: send country with bank.');
  }
  let banks: BankOption[];
  try {
    banks = await adapter.banks(country);
  } catch (error) {
    if (error instanceof CheckoutError && error.status < 500) throw error;
    context.log.warn(
      { provider: adapter.id, err: error },
      'bank list unavailable; the bank cannot be checked',
    );
    throw new ProviderUnavailableError(method);
  }
  if (!banks.some((offered) => offered.id === bank)) {
    throw new BankNotOfferedError(
      `The bank ${JSON.stringify(bank.slice(0, 64))} is not offered in ${country} by ${adapter.id}; choose one from GET options.`,
    );
  }
}
