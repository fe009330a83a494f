import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BankOption, OptionsResponse } from '@pay-checkout/contract';
import type { ResolvedConfig, ResolvedOrder } from '../src/config.js';
import type { ProviderAdapter } from '../src/providers/provider.js';
import { optionsRoute } from '../src/routes/options-route.js';
import type { RouteDeps } from '../src/routes/route-deps.js';
import { createCircuitBreakers } from '../src/routing/circuit-breakers.js';
import { createRouteTable } from '../src/routing/route-table.js';
import type { RoutingConfig } from '../src/routing/routing-config.js';
import { routingAdapter } from './helpers/routing-adapter.js';

const ORDERS: Record<string, ResolvedOrder> = {
  tee: { amount: '19.99', currency: 'EUR', description: 'Tee', returnUrl: 'https://shop.test/thanks' },
  zloty: { amount: '80.00', currency: 'PLN', description: 'Mug', returnUrl: 'https://shop.test/thanks' },
  topup: {
    amount: '50.00',
    currency: 'EUR',
    description: 'Wallet top-up',
    returnUrl: 'https://shop.test/thanks',
    topUp: { creditorIban: 'DE89370400440532013000' },
  },
};

const DE_BANKS = (prefix: string): Record<string, BankOption[]> => ({
  DE: [
    { id: `${prefix}-sparkasse`, name: 'Sparkasse', country: 'DE', bic: 'SPKADE2H' },
    { id: `${prefix}-n26`, name: 'N26', country: 'DE' },
  ],
});

/**
 * The handler of `GET options` over the real route table and breakers, with the parts of the kit's
 * context it reads. Breakers open after one failure and rest for a minute on a clock the test moves.
 */
function optionsKit(adapters: ProviderAdapter[], routing?: RoutingConfig, languages?: string[]) {
  let now = Date.parse('2030-01-01T00:00:00Z');
  const breakers = createCircuitBreakers(adapters, {
    failureThreshold: 1,
    cooldownMs: 60_000,
    now: () => now,
  });
  const routes = createRouteTable(adapters, routing, breakers);
  const config = {
    providers: adapters,
    languages,
    resolveOrder: async (id: string) => ORDERS[id],
  } as Partial<ResolvedConfig>;
  const handler = optionsRoute({ config, routes, breakers } as unknown as RouteDeps);
  return {
    async options(query: string): Promise<OptionsResponse> {
      const url = new URL(`https://kit.test/checkout/options?${query}`);
      const response = await handler({ request: new Request(url), url, params: {} });
      assert.equal(response.status, 200);
      return OptionsResponse.parse(await response.json());
    },
    trip: (id: string) => breakers.get(id).acquire()!.failure(),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const methodIds = (body: OptionsResponse): string[] => body.methods.map((m) => m.id);

describe('GET options with routing', () => {
  it('keeps the amount in minor units, labels in canonical order, languages and mode', async () => {
    const kit = optionsKit(
      [
        routingAdapter('cards', { methods: ['card', 'applepay'], sandbox: false }),
        routingAdapter('connectpay', { methods: ['pis'], sandbox: true }),
      ],
      undefined,
      ['en', 'de'],
    );
    const body = await kit.options('order=tee');
    assert.deepEqual(body.amount, { value: 1999, currency: 'EUR' });
    assert.deepEqual(body.methods, [
      { id: 'pis', label: 'Bank payment' },
      { id: 'card', label: 'Card' },
      { id: 'applepay', label: 'Apple Pay' },
    ]);
    assert.deepEqual(body.languages, ['en', 'de']);
    assert.equal(body.mode, 'sandbox');
  });

  it('lists the routed PIS provider banks for the country, each with its provider id and BIC', async () => {
    const eu = routingAdapter('connectpay-eu', { methods: ['pis'], banks: DE_BANKS('eu') });
    const main = routingAdapter('connectpay', { methods: ['pis', 'card'], banks: DE_BANKS('main') });
    const kit = optionsKit(
      [main, eu],
      [{ method: 'pis', country: 'DE', providers: ['connectpay-eu', 'connectpay'] }],
    );
    const body = await kit.options('order=tee&country=DE');
    assert.deepEqual(body.banks, [
      { id: 'eu-sparkasse', name: 'Sparkasse', country: 'DE', bic: 'SPKADE2H', provider: 'connectpay-eu' },
      { id: 'eu-n26', name: 'N26', country: 'DE', provider: 'connectpay-eu' },
    ]);
    assert.deepEqual(main.bankCalls, [], 'only the routed provider is asked');
  });

  it('asks no provider for banks when the shopper country is not known', async () => {
    const pis = routingAdapter('connectpay', { methods: ['pis'], banks: DE_BANKS('cp') });
    const body = await optionsKit([pis]).options('order=tee');
    assert.deepEqual(methodIds(body), ['pis']);
    assert.deepEqual(body.banks, []);
    assert.deepEqual(pis.bankCalls, []);
  });

  it('stops offering a method whose every routed provider has an open circuit, and offers it again after the cool-down', async () => {
    const kit = optionsKit([
      routingAdapter('connectpay', { methods: ['pis', 'card'], banks: DE_BANKS('cp') }),
      routingAdapter('cards', { methods: ['card'] }),
    ]);
    kit.trip('connectpay');
    const down = await kit.options('order=tee&country=DE');
    assert.deepEqual(methodIds(down), ['card'], 'card still has "cards"; pis has nobody');
    assert.deepEqual(down.banks, []);
    kit.advance(60_000);
    const probing = await kit.options('order=tee&country=DE');
    assert.deepEqual(methodIds(probing), ['pis', 'card']);
    assert.equal(probing.banks[0]?.provider, 'connectpay');
  });

  it('shows the banks of the next PIS provider on the route while the first one is open', async () => {
    const kit = optionsKit(
      [
        routingAdapter('connectpay', { methods: ['pis'], banks: DE_BANKS('main') }),
        routingAdapter('connectpay-eu', { methods: ['pis'], banks: DE_BANKS('eu') }),
      ],
      [{ method: 'pis', providers: ['connectpay', 'connectpay-eu'] }],
    );
    kit.trip('connectpay');
    const body = await kit.options('order=tee&country=DE');
    assert.deepEqual(methodIds(body), ['pis']);
    assert.deepEqual(
      body.banks.map((bank) => [bank.id, bank.provider]),
      [
        ['eu-sparkasse', 'connectpay-eu'],
        ['eu-n26', 'connectpay-eu'],
      ],
    );
  });

  it('routes by the order currency: a provider limited to other currencies is passed over', async () => {
    const kit = optionsKit([
      routingAdapter('euro-pis', { methods: ['pis'], currencies: ['EUR'], banks: DE_BANKS('euro') }),
      routingAdapter('any-pis', { methods: ['pis'], banks: DE_BANKS('any') }),
      routingAdapter('euro-cards', { methods: ['card'], currencies: ['EUR'] }),
    ]);
    const body = await kit.options('order=zloty&country=DE');
    assert.deepEqual(body.amount, { value: 8000, currency: 'PLN' });
    assert.deepEqual(methodIds(body), ['pis']);
    assert.deepEqual(
      body.banks.map((bank) => bank.provider),
      ['any-pis', 'any-pis'],
    );
  });

  it('offers a top-up order only what providers that can open top-ups offer', async () => {
    const kit = optionsKit([
      routingAdapter('cards', { methods: ['card'] }),
      routingAdapter('baas', { methods: ['pis'], topUp: true, banks: DE_BANKS('baas') }),
    ]);
    const body = await kit.options('order=topup&country=DE');
    assert.deepEqual(methodIds(body), ['pis']);
    assert.equal(body.banks[0]?.provider, 'baas');
    assert.deepEqual(methodIds(await kit.options('order=tee&country=DE')), ['pis', 'card']);
  });
});
