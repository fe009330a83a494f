import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fintectureTestApp } from '@pay-checkout/sandbox';
import { ConfigError } from '../src/errors.js';
import { fintecture } from '../src/providers/fintecture/index.js';

const good = { baseUrl: 'http://127.0.0.1:3100/fintecture', ...fintectureTestApp };

describe('fintecture() options', () => {
  it('names the bad option and never echoes a secret', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...good, baseUrl: 'ftp://x' }, /option baseUrl must be an http\(s\) URL/],
      [{ ...good, appSecret: undefined }, /option appSecret is required/],
      [{ ...good, privateKeyPem: 'not a key' }, /option privateKeyPem is not a readable PEM private key/],
      [{ ...good, psuType: 'robot' }, /option psuType/],
      [{ ...good, id: 'Fintecture FR' }, /option id must be lower-case/],
    ];
    for (const [options, message] of cases) {
      assert.throws(
        () => fintecture(options as Parameters<typeof fintecture>[0]),
        (error) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, message);
          assert.ok(!error.message.includes(fintectureTestApp.appSecret));
          return true;
        },
      );
    }
  });

  it('is a sandbox adapter on a local base, redirects only to its own host and Connect, and takes an id', () => {
    const adapter = fintecture({ ...good, id: 'fintecture-fr' });
    assert.equal(adapter.id, 'fintecture-fr');
    assert.equal(adapter.sandbox, true);
    assert.deepEqual(adapter.redirectHosts, [
      '127.0.0.1:3100',
      'connect-sandbox.fintecture.com',
      'connect.fintecture.com',
    ]);
    const live = fintecture({
      ...good,
      baseUrl: 'https://api.fintecture.com',
      oauthUrl: 'https://oauth.fintecture.com',
    });
    assert.equal(live.sandbox, false);
  });
});
