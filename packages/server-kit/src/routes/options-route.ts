import { type BankOption, OptionsQuery, type OptionsResponse, PAYMENT_METHODS } from '@pay-checkout/contract';
import { ValidationError } from '../errors.js';
import { jsonResponse } from '../http/json.js';
import type { RouteHandler } from '../http/router.js';
import type { RouteQuery } from '../routing/route-table.js';
import { type KitOrder, loadOrder } from '../sessions/order.js';
import { bankCountries, bankCountry, sortByName } from './bank-countries.js';
import { methodLabels } from './method-labels.js';
import type { RouteDeps } from './route-deps.js';
import { zodMessage } from './zod-message.js';

/**
 * `GET options?order=…&country=…&language=…`: what the element shows before the shopper pays. The
 * amount comes from `resolveOrder` (minor units). A method is offered, in our canonical order, only
 * when its route (config `routing`, capabilities, top-up) has a provider whose circuit is not open, so
 * a shopper is not shown a method that would fail at once. Banks come from the PIS provider the
 * country is routed to now, each tagged with that provider's instance id: `POST sessions` needs it to
 * know whose bank id it is, and a fallback provider is used only for the same bank (by BIC).
 *
 * `country` is the shopper's wish (the browser's region, or the element's country picker); the answer
 * names the bank country actually used (`country`: the wish when served, else config `defaultCountry`,
 * else none, and the element asks) and the served `countries`, sorted by name in `language`, for the
 * element's picker. Method labels are in `language` (the element still uses its own catalog).
 */
export function optionsRoute(deps: RouteDeps): RouteHandler {
  return async ({ url }) => {
    const parsed = OptionsQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) throw new ValidationError(zodMessage(parsed.error));
    return jsonResponse(200, await buildOptions(deps, parsed.data, await loadOrder(deps, parsed.data.order)));
  };
}

/** The `GET options` answer for a query and its order; the hosted pay page inlines the same. */
export async function buildOptions(
  deps: RouteDeps,
  query: OptionsQuery,
  order: KitOrder,
): Promise<OptionsResponse> {
  const countries = bankCountries(deps.config);
  const country = countries.length
    ? bankCountry(countries, query.country, deps.config.defaultCountry)
    : query.country;
  const route: Omit<RouteQuery, 'method'> = {
    country,
    currency: order.currency,
    topUp: order.topUp !== undefined,
  };
  const language = query.language ?? 'en';
  const labels = methodLabels(language);
  const methods = PAYMENT_METHODS.filter((method) => deps.routes.available({ ...route, method })).map(
    (id) => ({ id, label: labels[id] }),
  );
  const banks = await routedBanks(deps, route);
  const body: OptionsResponse = {
    mode: deps.config.providers.some((adapter) => adapter.sandbox) ? 'sandbox' : 'live',
    amount: { value: order.amountMinor, currency: order.currency },
    methods,
    banks,
    languages: deps.config.languages ?? ['en'],
  };
  if (countries.length) {
    body.countries = sortByName(countries, language);
    if (country) body.country = country;
  }
  return body;
}

/** The banks of the PIS provider the country is routed to (none without a country or such a provider). */
async function routedBanks(deps: RouteDeps, route: Omit<RouteQuery, 'method'>): Promise<BankOption[]> {
  if (route.country === undefined) return [];
  const provider = deps.routes.pisProvider(route);
  if (!provider) return [];
  const banks = await provider.banks(route.country);
  return banks.map((bank) => ({ ...bank, provider: provider.id }));
}
