import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, ErrorBody } from '@pay-checkout/contract';
import { pgliteStore } from '../src/store/pglite-store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';
import { waitFor } from './helpers/wait-for.js';

/**
 * A slow provider cannot hold a request past `requestDeadlineMs`: the shopper gets 504 (retry in a
 * moment), the work finishes in the background, and the retry with the same Idempotency-Key answers
 * from it: still one provider payment.
 */
describe('request deadline', () => {
  const store = pgliteStore({ memory: true });
  const provider = new FakeProvider();
  let kit: KitServer;

  before(async () => {
    kit = await startKit({
      providers: [provider],
      resolveOrder: orderBook({ 'order-1': TEE_ORDER }).resolveOrder,
      store,
      requestDeadlineMs: 300,
    });
  });
  after(async () => {
    await kit.close();
    await store.close();
  });

  it('answers 504 provider_timeout with Retry-After at the deadline; the retry gets the one session', async () => {
    provider.initiateDelayMs = 1500; // five times the deadline
    try {
      const late = await kit.createSession({ order: 'order-1', method: 'pis' }, 'key-slow');
      assert.equal(late.status, 504);
      assert.equal(late.headers.get('retry-after'), '1');
      assert.equal(ErrorBody.parse(await late.json()).error.code, 'provider_timeout');
      assert.equal(provider.calls.initiate, 1, 'the provider was asked once, and is still answering');

      const [session] = await waitFor(async () => {
        const sessions = await store.listSessionsByOrder('order-1');
        return sessions[0]?.providerRef ? sessions : undefined;
      }, 'the background work to attach the provider payment');
      const retry = await kit.createSession({ order: 'order-1', method: 'pis' }, 'key-slow');
      assert.equal(retry.status, 201, await retry.clone().text());
      assert.equal(CreateSessionResponse.parse(await retry.json()).sessionId, session.id);
      assert.equal(provider.calls.initiate, 1, 'one provider payment in all');
    } finally {
      provider.initiateDelayMs = 0;
    }
  });
});
