import assert from 'node:assert/strict';
import { FAKE_BANK_ID } from '../../../src/providers/connectpay/test-data.js';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../../src/server.js';
import { type ConnectPayTestClient, connectPayTestClient } from '../../../src/testing.js';

export interface TestSandbox {
  sandbox: RunningSandbox;
  /** `http://127.0.0.1:PORT/connectpay` */
  base: string;
  client: ConnectPayTestClient;
  close(): Promise<void>;
}

/** A sandbox on a random port with fast notification retries and quiet logs. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, notificationRetryBaseMs: 10, log: () => {}, ...options });
  return {
    sandbox,
    base: sandbox.connectPayUrl,
    client: connectPayTestClient(sandbox.connectPayUrl),
    close: () => sandbox.close(),
  };
}

/** A minimal valid Initiate Payment body; `overrides` are merged one level deep per section. */
export function paymentBody(
  overrides: {
    merchant?: Record<string, unknown>;
    payment?: Record<string, unknown>;
    identifiers?: Record<string, unknown>;
    consumer?: Record<string, unknown>;
  } = {},
) {
  return {
    merchant: { brandId: 'sandbox-brand', redirectUrl: 'https://shop.example/return', ...overrides.merchant },
    payment: { instructedAmount: { amount: '19.99', currency: 'EUR' }, ...overrides.payment },
    identifiers: { merchantReference: 'order-1', ...overrides.identifiers },
    ...(overrides.consumer ? { consumer: overrides.consumer } : {}),
  };
}

/** A valid top-up body for Anna's active account. */
export function topUpBody(
  overrides: {
    merchant?: Record<string, unknown>;
    payment?: Record<string, unknown>;
    consumer?: Record<string, unknown>;
  } = {},
) {
  return {
    merchant: { brandId: 'sandbox-brand', redirectUrl: 'https://shop.example/return', ...overrides.merchant },
    payment: {
      paymentMethod: ['PIS'],
      instructedAmount: { amount: '50.00', currency: 'EUR' },
      creditorAccount: { iban: 'LT601010012345678901' },
      ...overrides.payment,
    },
    identifiers: { merchantReference: 'topup-1' },
    consumer: { consumerId: 'consumer-anna', ...overrides.consumer },
  };
}

/**
 * Initiates a PIS payment with Fake Bank preselected (its widget opens at the bank login, so `bookOf(t)`
 * can drive it) and returns its id. `headers` adds e.g. `X-Sandbox-*` knobs.
 */
export async function fakeBankPayment(
  t: TestSandbox,
  options: { amount?: string; notificationUrl?: string; headers?: Record<string, string> } = {},
): Promise<string> {
  const created = await t.client.initiate(
    paymentBody({
      merchant: options.notificationUrl ? { notificationUrl: options.notificationUrl } : {},
      payment: {
        paymentMethod: ['PIS'],
        providerId: FAKE_BANK_ID,
        instructedAmount: { amount: options.amount ?? '19.99', currency: 'EUR' },
      },
    }),
    { headers: options.headers ?? {} },
  );
  assert.equal(created.status, 201);
  return created.body.payment.paymentId;
}
