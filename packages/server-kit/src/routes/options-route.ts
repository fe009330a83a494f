import { type BankOption, OptionsQuery, type OptionsResponse, PAYMENT_METHODS } from '@pay-checkout/contract';
import { ValidationError } from '../errors.js';
import { jsonResponse } from '../http/json.js';
import type { RouteHandler } from '../http/router.js';
import type { RouteQuery } from '../routing/route-table.js';
import { loadOrder } from '../sessions/order.js';
import { METHOD_LABELS } from './method-labels.js';
import type { RouteDeps } from './route-deps.js';
import { zodMessage } from './zod-message.js';

/**
 * `GET options?order=…&country=…&language=…`: what the element shows before the shopper pays. The
 * amount comes from `resolveOrder` (minor units). A method is offered, in our canonical order, only
 * when its route (config `routing`, capabilities, top-up) has a provider whose circuit is not open, so
 * a shopper is not shown a method that would fail at once. Banks come from the PIS provider the
 * country is routed to now, each tagged with that provider's instance id: `POST sessions` needs it to
 * know whose bank id it is, and a fallback provider is used only for the same bank (by BIC).
 */
export function optionsRoute(deps: RouteDeps): RouteHandler {
  return async ({ url }) => {
    const parsed = OptionsQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) throw new ValidationError(zodMessage(parsed.error));
    const query = parsed.data;
    const order = await loadOrder(deps, query.order);
    const route: Omit<RouteQuery, 'method'> = {
      country: query.country,
      currency: order.currency,
      topUp: order.topUp !== undefined,
    };
    const methods = PAYMENT_METHODS.filter((method) => deps.routes.available({ ...route, method })).map(
      (id) => ({ id, label: METHOD_LABELS[id] }),
    );
    const banks = await routedBanks(deps, route);
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

/** The banks of the PIS provider the country is routed to (none without a country or such a provider). */
async function routedBanks(deps: RouteDeps, route: Omit<RouteQuery, 'method'>): Promise<BankOption[]> {
  if (route.country === undefined) return [];
  const provider = deps.routes.pisProvider(route);
  if (!provider) return [];
  const banks = await provider.banks(route.country);
  return banks.map((bank) => ({ ...bank, provider: provider.id }));
}
