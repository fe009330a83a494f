import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  connectPayTestClient,
  type RunningSandbox,
  SANDBOX_BAAS,
  SANDBOX_CLIENT,
  startSandbox,
} from '@pay-checkout/sandbox';
import { connectpay } from '../src/providers/connectpay/index.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

const ANNA = SANDBOX_BAAS.accounts.find((a) => a.consumerId === 'consumer-anna' && a.active);

/**
 * A top-up whose initiation answer is lost (the provider is slower than our timeout) leaves a session
 * without a provider payment. The poller must find the payment by our reference where top-ups live
 * (ConnectPay's BaaS API), which it can only know from the provider data stored with the session
 * before the provider was called. Before adapter v2 it looked among merchant payments and never found it.
 */
describe('an orphaned top-up after a lost answer', () => {
  let sandbox: RunningSandbox;
  let kit: KitServer;
  const book = orderBook({
    'topup-1': { ...TEE_ORDER, topUp: { creditorIban: ANNA?.iban ?? '', consumerId: 'consumer-anna' } },
  });

  async function knobs(body: unknown): Promise<void> {
    const response = await fetch(`${sandbox.connectPayUrl}/admin/knobs?clientId=${SANDBOX_CLIENT.clientId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 200);
  }

  before(async () => {
    assert.ok(ANNA, 'the sandbox seeds an active account for consumer-anna');
    sandbox = await startSandbox({ port: 0, log: () => {} });
    kit = await startKit({
      providers: [
        connectpay({
          baseUrl: sandbox.connectPayUrl,
          clientId: SANDBOX_CLIENT.clientId,
          clientSecret: SANDBOX_CLIENT.clientSecret,
          brandId: SANDBOX_CLIENT.brandId,
          privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
          timeoutMs: 300,
          retries: 0,
        }),
      ],
      resolveOrder: book.resolveOrder,
      pollIntervalMs: 1,
    });
  });
  after(async () => {
    await kit?.close();
    await sandbox?.close();
  });

  it('is found by the poller at the BaaS API and attached to its session', async () => {
    await knobs({ latencyMs: 800 });
    const response = await kit.createSession({ order: 'topup-1', method: 'pis', country: 'DE' });
    assert.equal(response.status, 504, 'the answer was lost: a retryable timeout');
    await knobs({ latencyMs: null });
    // The sandbox still processes the slow initiation; give it time to land.
    await new Promise((resolve) => setTimeout(resolve, 800));

    const [orphan] = await kit.store.duePolls(new Date(Date.now() + 60_000), 10);
    assert.ok(orphan, 'the session stayed, waiting for the poller');
    assert.equal(orphan.providerRef, undefined, 'the session has no provider payment yet');
    assert.deepEqual(orphan.providerData, {
      topUp: { creditorIban: ANNA?.iban, consumerId: 'consumer-anna' },
    });
    const listed = await connectPayTestClient(sandbox.connectPayUrl).call(
      'GET',
      `baas/merchant/payments?merchantReference=${orphan.reference}`,
    );
    const [payment] = (listed.body as { payments: Array<{ payment: { paymentId: string } }> }).payments;
    assert.ok(payment, 'the provider created the top-up, in its BaaS API');

    await kit.checkout.reconcileDue();
    const adopted = await kit.store.getSession(orphan.id);
    assert.equal(adopted?.providerRef, payment.payment.paymentId);
    assert.equal(adopted?.providerData?.api, 'baas', 'kept for every later status read');
    assert.equal(adopted?.status, 'pending');
  });
});
