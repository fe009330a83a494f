import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DemoConfigError, loadConfig } from '../src/config.js';

describe('the demo configuration: pay.tech (PAYTECH_*)', () => {
  it('uses the sandbox test shop with manual capture by default, and none on the ConnectPay stage', () => {
    assert.deepEqual(loadConfig({}).paytech, { kind: 'sandbox', capture: 'manual' });
    assert.deepEqual(loadConfig({ PAYTECH_CAPTURE: 'automatic' }).paytech, {
      kind: 'sandbox',
      capture: 'automatic',
    });
    const stage = loadConfig({
      CONNECTPAY_BASE_URL: 'https://api2-stage.connectpay.com',
      CONNECTPAY_CLIENT_ID: 'id',
      CONNECTPAY_CLIENT_SECRET: 'secret',
      CONNECTPAY_BRAND_ID: 'brand',
      CONNECTPAY_PRIVATE_KEY: 'pem',
    });
    assert.equal(stage.paytech, undefined);
  });

  it('switches to the pay.tech of PAYTECH_BASE_URL, naming a missing key and never echoing one', () => {
    assert.deepEqual(
      loadConfig({
        PAYTECH_BASE_URL: 'https://engine-sandbox.pay.tech',
        PAYTECH_API_KEY: 'k',
        PAYTECH_SIGNING_KEY: 's',
      }).paytech,
      {
        kind: 'remote',
        baseUrl: 'https://engine-sandbox.pay.tech',
        apiKey: 'k',
        signingKey: 's',
        capture: 'manual',
      },
    );
    assert.throws(
      () => loadConfig({ PAYTECH_BASE_URL: 'https://engine-sandbox.pay.tech', PAYTECH_API_KEY: 'k' }),
      (error) => error instanceof DemoConfigError && /PAYTECH_SIGNING_KEY is required/.test(error.message),
    );
    assert.throws(
      () => loadConfig({ PAYTECH_CAPTURE: 'later' }),
      (error) =>
        error instanceof DemoConfigError && /PAYTECH_CAPTURE must be manual or automatic/.test(error.message),
    );
    assert.throws(
      () => loadConfig({ PAYTECH_BASE_URL: 'ftp://x' }),
      /PAYTECH_BASE_URL must be an http\(s\) URL/,
    );
  });
});
