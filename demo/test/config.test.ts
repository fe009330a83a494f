import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DemoConfigError, loadConfig } from '../src/config.js';

describe('the demo configuration', () => {
  it('runs on embedded defaults: shop on localhost:3000, sandbox on 3100', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.shopUrl, 'http://localhost:3000');
    assert.deepEqual(config.provider, { kind: 'sandbox', port: 3100 });
    assert.equal(config.wallet.consumerId, 'consumer-anna');
    assert.deepEqual(
      config.wallet.accounts.map((account) => account.iban),
      ['LT601010012345678901', 'LT701010098765432109'],
    );
  });

  it('follows PORT and SANDBOX_PORT', () => {
    const config = loadConfig({ PORT: '4000', SANDBOX_PORT: '4100' });
    assert.equal(config.shopUrl, 'http://localhost:4000');
    assert.deepEqual(config.provider, { kind: 'sandbox', port: 4100 });
  });

  it('switches to the ConnectPay stage when CONNECTPAY_BASE_URL is set, and names a missing variable', () => {
    assert.throws(
      () =>
        loadConfig({ CONNECTPAY_BASE_URL: 'https://api2-stage.connectpay.com', CONNECTPAY_CLIENT_ID: 'id' }),
      (error: unknown) =>
        error instanceof DemoConfigError && /CONNECTPAY_CLIENT_SECRET is required/.test(error.message),
    );
    const config = loadConfig({
      CONNECTPAY_BASE_URL: 'https://api2-stage.connectpay.com',
      CONNECTPAY_CLIENT_ID: 'id',
      CONNECTPAY_CLIENT_SECRET: 'secret',
      CONNECTPAY_BRAND_ID: 'brand',
      CONNECTPAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
    });
    assert.equal(config.provider.kind, 'stage');
    assert.ok(config.provider.kind === 'stage' && config.provider.privateKeyPem.includes('\nabc\n'));
  });

  it('treats an empty CONNECTPAY_BASE_URL as unset (the sandbox stays)', () => {
    assert.equal(loadConfig({ CONNECTPAY_BASE_URL: '' }).provider.kind, 'sandbox');
  });

  it('passes LOG_LEVEL to server-kit and refuses an unknown level', () => {
    assert.equal(loadConfig({}).logLevel, 'info');
    assert.equal(loadConfig({ LOG_LEVEL: 'warn' }).logLevel, 'warn');
    assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL must be one of/);
  });

  it('makes up a merchant key for each sandbox run when MERCHANT_KEY is unset, and takes MERCHANT_KEY when set', () => {
    const first = loadConfig({}).merchantKey;
    const second = loadConfig({}).merchantKey;
    assert.equal(first?.generated, true);
    assert.match(first?.value ?? '', /^[A-Za-z0-9_-]{32}$/);
    assert.notEqual(first?.value, second?.value);
    assert.deepEqual(loadConfig({ MERCHANT_KEY: 'a-merchant-key-of-32-characters!' }).merchantKey, {
      value: 'a-merchant-key-of-32-characters!',
      generated: false,
    });
  });

  it('refuses a MERCHANT_KEY shorter than 16 characters or with spaces, without echoing it', () => {
    for (const bad of ['short-secret', 'sixteen chars ok']) {
      assert.throws(
        () => loadConfig({ MERCHANT_KEY: bad }),
        (error: unknown) =>
          error instanceof DemoConfigError &&
          /MERCHANT_KEY must be at least 16 characters, without spaces/.test(error.message) &&
          !error.message.includes(bad),
      );
    }
  });

  it('keeps the merchant API off on the stage unless MERCHANT_KEY is set', () => {
    const stage = {
      CONNECTPAY_BASE_URL: 'https://api2-stage.connectpay.com',
      CONNECTPAY_CLIENT_ID: 'id',
      CONNECTPAY_CLIENT_SECRET: 'secret',
      CONNECTPAY_BRAND_ID: 'brand',
      CONNECTPAY_PRIVATE_KEY: 'pem',
    };
    assert.equal(loadConfig(stage).merchantKey, undefined);
    assert.deepEqual(loadConfig({ ...stage, MERCHANT_KEY: 'stage-merchant-key-0001' }).merchantKey, {
      value: 'stage-merchant-key-0001',
      generated: false,
    });
  });

  it('refuses a PORT that is not a port', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT must be a TCP port number/);
  });
});
