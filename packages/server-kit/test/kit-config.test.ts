import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCheckout } from '../src/checkout.js';
import type { CheckoutConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import { FakeProvider } from './helpers/fake-provider.js';

function config(overrides: Partial<Record<keyof CheckoutConfig, unknown>>): CheckoutConfig {
  return {
    providers: [new FakeProvider()],
    resolveOrder: async () => undefined,
    publicUrl: 'https://shop.example/checkout',
    allowedOrigins: ['https://shop.example'],
    poll: false,
    ...overrides,
  } as CheckoutConfig;
}

describe('createCheckout config validation', () => {
  const cases: [string, Partial<Record<keyof CheckoutConfig, unknown>>, RegExp][] = [
    ['no providers', { providers: [] }, /config\.providers: must list at least one provider adapter/],
    [
      'a provider that is not an adapter',
      { providers: [{ name: 'x' }] },
      /config\.providers\[0\]: must be a provider adapter/,
    ],
    [
      'two providers with one id',
      { providers: [new FakeProvider(), new FakeProvider()] },
      /config\.providers: provider ids must be unique \(give a second account of one provider its own id\)/,
    ],
    [
      'a provider id that reads as a session id',
      { providers: [new FakeProvider({ id: 'abcdefghijklmnopqrstuv' })] },
      /config\.providers\[0\]: must be a provider adapter .*not 22 characters long/,
    ],
    [
      'a routing rule naming an unknown provider',
      { routing: [{ method: 'card', providers: ['nobody'] }] },
      /config\.routing\[0\]\.providers\[0\]: no provider with id "nobody"/,
    ],
    [
      'a circuit breaker threshold of zero',
      { circuitBreaker: { failureThreshold: 0 } },
      /config\.circuitBreaker\.failureThreshold/,
    ],
    ['a missing resolveOrder', { resolveOrder: undefined }, /config\.resolveOrder: must be a function/],
    [
      'a relative publicUrl',
      { publicUrl: '/checkout' },
      /config\.publicUrl: must be an absolute http\(s\) URL/,
    ],
    ['a publicUrl with a query', { publicUrl: 'https://shop.example/checkout?x=1' }, /config\.publicUrl/],
    [
      'an origin with a path',
      { allowedOrigins: ['https://shop.example/path'] },
      /config\.allowedOrigins\[0\]: must be an origin/,
    ],
    ['allowedOrigins missing', { allowedOrigins: undefined }, /config\.allowedOrigins/],
    [
      'a bad return host',
      { returnUrlHosts: ['https://shop.example'] },
      /config\.returnUrlHosts\[0\]: must be host\[:port\]/,
    ],
    ['a negative session TTL', { sessionTtlMs: -1 }, /config\.sessionTtlMs/],
    ['an unknown log level', { logLevel: 'loud' }, /config\.logLevel/],
    ['a store that is not a store', { store: {} }, /config\.store: must implement CheckoutStore/],
    [
      'a misspelt option',
      { returnUrlHost: ['shop.example'] } as never,
      /config: Unrecognized key: "returnUrlHost"/,
    ],
  ];
  for (const [what, overrides, message] of cases) {
    it(`refuses ${what} with a ConfigError naming the field`, () => {
      assert.throws(
        () => createCheckout(config(overrides)),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.equal(error.code, 'invalid_config');
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});
