import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../src/errors.js';
import type { ProviderAdapter } from '../src/providers/provider.js';
import { createCircuitBreakers } from '../src/routing/circuit-breakers.js';
import { createRouteTable } from '../src/routing/route-table.js';
import type { RoutingConfig } from '../src/routing/routing-config.js';
import { ProviderNotAllowedError } from '../src/routing/routing-errors.js';
import { routingAdapter } from './helpers/routing-adapter.js';

const ids = (list: readonly ProviderAdapter[]): string[] => list.map((adapter) => adapter.id);

/** A route table over the adapters, with breakers that open after one failure. */
function table(adapters: ProviderAdapter[], routing?: RoutingConfig) {
  const breakers = createCircuitBreakers(adapters, { failureThreshold: 1, cooldownMs: 60_000 });
  const trip = (id: string) => breakers.get(id).acquire()!.failure();
  return { routes: createRouteTable(adapters, routing, breakers), trip };
}

describe('route table', () => {
  describe('without routing rules', () => {
    const adapters = [
      routingAdapter('connectpay', { methods: ['pis', 'card'] }),
      routingAdapter('cards', { methods: ['card', 'googlepay'] }),
      routingAdapter('connectpay-eu', { methods: ['pis'] }),
    ];
    const { routes } = table(adapters);

    it('tries the adapters that offer the method, in config order', () => {
      assert.deepEqual(ids(routes.candidates({ method: 'pis', currency: 'EUR' })), [
        'connectpay',
        'connectpay-eu',
      ]);
      assert.deepEqual(ids(routes.candidates({ method: 'card', currency: 'EUR' })), ['connectpay', 'cards']);
      assert.deepEqual(ids(routes.candidates({ method: 'googlepay', currency: 'EUR' })), ['cards']);
    });

    it('has no candidates for a method nobody offers', () => {
      assert.deepEqual(routes.candidates({ method: 'applepay', currency: 'EUR' }), []);
      assert.equal(routes.available({ method: 'applepay', currency: 'EUR' }), false);
    });
  });

  describe('with routing rules', () => {
    const adapters = [
      routingAdapter('connectpay', { methods: ['pis', 'card'] }),
      routingAdapter('connectpay-eu', { methods: ['pis', 'card'] }),
      routingAdapter('cards', { methods: ['card'] }),
    ];
    const { routes } = table(adapters, [
      { method: 'pis', country: 'DE', currency: 'EUR', providers: ['connectpay-eu', 'connectpay'] },
      { method: 'pis', currency: 'EUR', providers: ['connectpay'] },
      { method: 'card', providers: ['cards', 'connectpay-eu'] },
    ]);

    it('uses the first rule whose method, country and currency match', () => {
      assert.deepEqual(ids(routes.candidates({ method: 'pis', country: 'DE', currency: 'EUR' })), [
        'connectpay-eu',
        'connectpay',
      ]);
      assert.deepEqual(ids(routes.candidates({ method: 'pis', country: 'FR', currency: 'EUR' })), [
        'connectpay',
      ]);
      assert.deepEqual(ids(routes.candidates({ method: 'card', country: 'DE', currency: 'USD' })), [
        'cards',
        'connectpay-eu',
      ]);
    });

    it('does not match a rule with a country when the payment names none', () => {
      assert.deepEqual(ids(routes.candidates({ method: 'pis', currency: 'EUR' })), ['connectpay']);
    });

    it('falls back to the default route when no rule matches', () => {
      assert.deepEqual(ids(routes.candidates({ method: 'pis', country: 'DE', currency: 'GBP' })), [
        'connectpay',
        'connectpay-eu',
      ]);
    });
  });

  describe('capability filters', () => {
    const adapters = [
      routingAdapter('eu-only', { methods: ['pis'], countries: ['DE', 'AT'], currencies: ['EUR'] }),
      routingAdapter('anywhere', { methods: ['pis'] }),
      routingAdapter('topups', { methods: ['pis'], topUp: true }),
    ];
    const { routes } = table(adapters, [{ method: 'pis', providers: ['eu-only', 'anywhere', 'topups'] }]);

    it('drops an adapter limited to other countries', () => {
      assert.deepEqual(ids(routes.candidates({ method: 'pis', country: 'FR', currency: 'EUR' })), [
        'anywhere',
        'topups',
      ]);
      assert.deepEqual(ids(routes.candidates({ method: 'pis', country: 'AT', currency: 'EUR' })), [
        'eu-only',
        'anywhere',
        'topups',
      ]);
    });

    it('keeps a country-limited adapter when the shopper country is not known yet', () => {
      assert.deepEqual(ids(routes.candidates({ method: 'pis', currency: 'EUR' })), [
        'eu-only',
        'anywhere',
        'topups',
      ]);
    });

    it('drops an adapter limited to other currencies', () => {
      assert.deepEqual(ids(routes.candidates({ method: 'pis', country: 'DE', currency: 'PLN' })), [
        'anywhere',
        'topups',
      ]);
    });

    it('keeps only adapters that can open top-ups for a top-up order', () => {
      assert.deepEqual(
        ids(routes.candidates({ method: 'pis', country: 'DE', currency: 'EUR', topUp: true })),
        ['topups'],
      );
    });

    it('filters the default route too', () => {
      const { routes: defaults } = table(adapters);
      assert.deepEqual(
        ids(defaults.candidates({ method: 'pis', country: 'FR', currency: 'EUR', topUp: true })),
        ['topups'],
      );
    });
  });

  describe('pinned provider', () => {
    const adapters = [
      routingAdapter('connectpay', { methods: ['pis', 'card'] }),
      routingAdapter('paytech', { methods: ['pis', 'card'], currencies: ['EUR'] }),
      routingAdapter('cards', { methods: ['card'] }),
    ];
    const { routes } = table(adapters, [{ method: 'pis', providers: ['connectpay', 'paytech'] }]);

    it('routes only to the pinned provider when the route includes it', () => {
      assert.deepEqual(ids(routes.candidates({ method: 'pis', currency: 'EUR', pin: 'paytech' })), [
        'paytech',
      ]);
      assert.deepEqual(ids(routes.candidates({ method: 'card', currency: 'EUR', pin: 'cards' })), ['cards']);
    });

    it('refuses a provider outside the route with 400 provider_not_allowed', () => {
      const refused = (pin: string, currency = 'EUR') => {
        assert.throws(
          () => routes.candidates({ method: 'pis', currency, pin }),
          (error: unknown) =>
            error instanceof ProviderNotAllowedError &&
            error.code === 'provider_not_allowed' &&
            error.status === 400 &&
            error.message === `Provider "${pin}" is not allowed for pis payments of this order.`,
        );
      };
      refused('cards'); // configured, but not on the pis route
      refused('nope'); // not configured at all
      refused('paytech', 'USD'); // on the route, but cannot take the currency
    });
  });

  describe('circuits', () => {
    const adapters = [
      routingAdapter('connectpay', { methods: ['pis', 'card'] }),
      routingAdapter('connectpay-eu', { methods: ['pis'] }),
    ];

    it('keeps open circuits among the candidates: the caller skips them when the breaker refuses', () => {
      const { routes, trip } = table(adapters);
      trip('connectpay');
      assert.deepEqual(ids(routes.candidates({ method: 'pis', currency: 'EUR' })), [
        'connectpay',
        'connectpay-eu',
      ]);
    });

    it('offers a method while some candidate circuit is not open', () => {
      const { routes, trip } = table(adapters);
      trip('connectpay');
      assert.equal(routes.available({ method: 'pis', currency: 'EUR' }), true);
      assert.equal(routes.available({ method: 'card', currency: 'EUR' }), false);
      trip('connectpay-eu');
      assert.equal(routes.available({ method: 'pis', currency: 'EUR' }), false);
    });

    it('answers availability for the route of the payment, capabilities included', () => {
      const { routes } = table(adapters);
      assert.equal(routes.available({ method: 'pis', currency: 'EUR', topUp: true }), false);
      assert.equal(routes.available({ method: 'googlepay', currency: 'EUR' }), false);
    });

    it('names as PIS provider the first routed one whose circuit is not open', () => {
      const { routes, trip } = table(adapters, [
        { method: 'pis', country: 'DE', providers: ['connectpay-eu', 'connectpay'] },
      ]);
      assert.equal(routes.pisProvider({ country: 'DE', currency: 'EUR' })?.id, 'connectpay-eu');
      assert.equal(routes.pisProvider({ country: 'FR', currency: 'EUR' })?.id, 'connectpay');
      trip('connectpay-eu');
      assert.equal(routes.pisProvider({ country: 'DE', currency: 'EUR' })?.id, 'connectpay');
      trip('connectpay');
      assert.equal(routes.pisProvider({ country: 'DE', currency: 'EUR' }), undefined);
    });
  });

  it('refuses routing that names a provider that is not configured', () => {
    assert.throws(
      () => table([routingAdapter('connectpay')], [{ method: 'pis', providers: ['connectpay', 'paytech'] }]),
      (error: unknown) =>
        error instanceof ConfigError &&
        /config\.routing\[0\]\.providers\[1\]: no provider with id "paytech"/.test(error.message),
    );
  });
});
