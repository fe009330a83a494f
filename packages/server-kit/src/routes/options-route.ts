import { type BankOption, OptionsQuery, type OptionsResponse, PAYMENT_METHODS } from '@pay-checkout/contract';
import { ValidationError } from '../errors.js';
import { jsonResponse } from '../http/json.js';
import type { RouteHandler } from '../http/router.js';
import { loadOrder } from '../sessions/order.js';
import { METHOD_LABELS } from './method-labels.js';
import type { RouteDeps } from './route-deps.js';
import { zodMessage } from './zod-message.js';

/**
 * `GET options?order=…&country=…&language=…`: what the element shows before the shopper pays. The
 * amount comes from `resolveOrder` (minor units); methods are those some provider offers, in our
 * canonical order; banks come from the adapter that handles PIS, for the requested country.
 */
export function optionsRoute(deps: RouteDeps): RouteHandler {
  return async ({ url }) => {
    const parsed = OptionsQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) throw new ValidationError(zodMessage(parsed.error));
    const query = parsed.data;
    const order = await loadOrder(deps, query.order);
    const methods = PAYMENT_METHODS.filter((method) => deps.providerFor(method) !== undefined).map((id) => ({
      id,
      label: METHOD_LABELS[id],
    }));
    const pisProvider = deps.providerFor('pis');
    let banks: BankOption[] = [];
    if (pisProvider && query.country) banks = await pisProvider.banks(query.country);
    const body: OptionsResponse = {
      mode: deps.config.providers.some((adapter) => adapter.sandbox) ? 'sandbox' : 'live',
      amount: { value: order.amountMinor, currency: order.currency },
      methods,
      banks,
      languages: deps.config.languages ?? ['en'],
    };
    return jsonResponse(200, body);
  };
}
