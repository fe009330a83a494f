import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../src/errors.js';
import { RoutingConfig, validateRouting } from '../src/routing/routing-config.js';
import { routingAdapter } from './helpers/routing-adapter.js';

/** The zod issues as `path: message` lines, the way `parseConfig` reports them. */
function issues(input: unknown): string[] {
  const result = RoutingConfig.safeParse(input);
  assert.equal(result.success, false, 'expected the schema to refuse the input');
  return result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const adapters = [
  routingAdapter('connectpay', { methods: ['pis', 'card'] }),
  routingAdapter('connectpay-eu', { methods: ['pis'], countries: ['DE', 'AT'], currencies: ['EUR'] }),
  routingAdapter('cards', { methods: ['card', 'googlepay'] }),
];

function thrown(routing: RoutingConfig): ConfigError {
  try {
    validateRouting(routing, adapters);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('validateRouting accepted the routing');
}

describe('config routing schema', () => {
  it('accepts rules with method, optional country and currency, and provider ids', () => {
    const routing = [
      { method: 'pis', country: 'DE', currency: 'EUR', providers: ['connectpay-eu', 'connectpay'] },
      { method: 'card', providers: ['cards'] },
    ];
    assert.deepEqual(RoutingConfig.parse(routing), routing);
  });

  it('refuses an empty provider list', () => {
    assert.deepEqual(issues([{ method: 'pis', providers: [] }]), [
      '0.providers: must list at least one provider id',
    ]);
  });

  it('refuses a provider listed twice, naming it', () => {
    assert.deepEqual(
      issues([
        { method: 'card', providers: ['cards'] },
        { method: 'pis', providers: ['a', 'b', 'a'] },
      ]),
      ['1.providers.2: lists "a" twice'],
    );
  });

  it('refuses an unknown method, a lower-case country, a malformed currency and an unknown key', () => {
    const lines = issues([
      { method: 'cash', providers: ['a'] },
      { method: 'pis', country: 'de', providers: ['a'] },
      { method: 'pis', currency: 'euro', providers: ['a'] },
      { method: 'pis', provider: 'a', providers: ['a'] },
    ]);
    assert.equal(lines.length, 4, lines.join('\n'));
    assert.match(lines[0], /^0\.method: /);
    assert.match(lines[1], /^1\.country: must be an ISO 3166-1 alpha-2 code/);
    assert.match(lines[2], /^2\.currency: must be an ISO 4217 code/);
    assert.match(lines[3], /^3: .*provider/);
  });
});

describe('validateRouting', () => {
  it('accepts routing that every listed provider can serve, and no routing at all', () => {
    validateRouting(
      [
        { method: 'pis', country: 'DE', providers: ['connectpay-eu', 'connectpay'] },
        { method: 'pis', providers: ['connectpay'] },
        { method: 'card', currency: 'EUR', providers: ['cards', 'connectpay'] },
      ],
      adapters,
    );
    validateRouting(undefined, adapters);
    validateRouting([], adapters);
  });

  it('names a provider id that is not configured', () => {
    const error = thrown([
      { method: 'card', providers: ['cards'] },
      { method: 'pis', providers: ['x'] },
    ]);
    assert.equal(
      error.message,
      'createCheckout: config.routing[1].providers[0]: no provider with id "x" (configured: connectpay, connectpay-eu, cards)',
    );
  });

  it('names a provider listed for a method it does not offer', () => {
    assert.equal(
      thrown([{ method: 'googlepay', providers: ['cards', 'connectpay'] }]).message,
      'createCheckout: config.routing[0].providers[1]: provider "connectpay" does not offer googlepay (it offers pis, card)',
    );
  });

  it('names a provider listed for a country or currency it does not serve', () => {
    assert.equal(
      thrown([{ method: 'pis', country: 'FR', providers: ['connectpay', 'connectpay-eu'] }]).message,
      'createCheckout: config.routing[0].providers[1]: provider "connectpay-eu" does not serve country FR (it serves DE, AT)',
    );
    assert.equal(
      thrown([{ method: 'pis', currency: 'PLN', providers: ['connectpay-eu'] }]).message,
      'createCheckout: config.routing[0].providers[0]: provider "connectpay-eu" does not accept PLN (it accepts EUR)',
    );
  });

  it('names a rule that an earlier, wider rule always wins over', () => {
    assert.equal(
      thrown([
        { method: 'pis', currency: 'EUR', providers: ['connectpay'] },
        { method: 'card', providers: ['cards'] },
        { method: 'pis', country: 'DE', currency: 'EUR', providers: ['connectpay-eu'] },
      ]).message,
      'createCheckout: config.routing[2]: never used, config.routing[0] comes first and matches every payment it would',
    );
  });

  it('lists every problem at once', () => {
    const message = thrown([
      { method: 'pis', providers: ['nope'] },
      { method: 'card', providers: ['connectpay-eu'] },
    ]).message;
    assert.match(message, /config\.routing\[0\]\.providers\[0\]: no provider with id "nope"/);
    assert.match(
      message,
      /; config\.routing\[1\]\.providers\[0\]: provider "connectpay-eu" does not offer card/,
    );
  });
});
