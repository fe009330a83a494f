import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorBody } from '@pay-checkout/contract';
import { clientAddress, setClientAddress } from '../src/http/client-address.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

/**
 * `rateLimit.trustedProxies`: behind a reverse proxy every shopper arrives from the proxy's address.
 * The budget must then follow the address the proxy appended to X-Forwarded-For, not the proxy (which
 * would make all shoppers one client, or all exempt when the proxy is on loopback), and never an entry
 * the client wrote itself.
 */
function requestFrom(socket: string | undefined, forwardedFor?: string): Request {
  const request = new Request('http://kit.test/', {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });
  setClientAddress(request, socket);
  return request;
}

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    assert.equal(clientAddress(requestFrom('198.51.100.9', '203.0.113.7')), '198.51.100.9');
  });

  it('is the entry the trusted proxies appended, counted from the right', () => {
    assert.equal(clientAddress(requestFrom('127.0.0.1', '203.0.113.7'), 1), '203.0.113.7');
    // The client wrote the first entry itself; the proxy appended the second.
    assert.equal(clientAddress(requestFrom('127.0.0.1', '10.9.9.9, 203.0.113.7'), 1), '203.0.113.7');
    assert.equal(clientAddress(requestFrom('127.0.0.1', '203.0.113.7, 10.0.0.2'), 2), '203.0.113.7');
  });

  it('falls back to the leftmost hop when fewer hops arrived than proxies are configured', () => {
    assert.equal(clientAddress(requestFrom('127.0.0.1'), 1), '127.0.0.1');
    assert.equal(clientAddress(requestFrom('127.0.0.1', '203.0.113.7'), 3), '203.0.113.7');
  });

  it('without a socket (fetch-style runtimes) the platform appended the last entry', () => {
    assert.equal(clientAddress(requestFrom(undefined, '10.9.9.9, 203.0.113.7')), '203.0.113.7');
    assert.equal(clientAddress(requestFrom(undefined, '203.0.113.7, 10.0.0.2'), 2), '203.0.113.7');
    assert.equal(clientAddress(requestFrom(undefined)), 'unknown');
  });
});

describe('rate limits behind one trusted proxy on loopback', () => {
  const store = pgliteStore({ memory: true });
  const provider = new FakeProvider();
  const book = orderBook({ 'order-1': TEE_ORDER });
  let kit: KitServer;

  before(async () => {
    // The default loopback exemption stays on: the proxy is on loopback, its shoppers are not.
    kit = await startKit({
      providers: [provider],
      resolveOrder: book.resolveOrder,
      store,
      rateLimit: { sessions: { limit: 2, windowMs: 60_000 }, trustedProxies: 1 },
    });
  });
  after(async () => {
    await kit.close();
    await store.close();
  });

  const open = (forwardedFor: string) =>
    kit.createSession({ order: book.fresh(), method: 'card' }, undefined, {
      'x-forwarded-for': forwardedFor,
    });

  it('budgets each forwarded client, and a forged first entry does not buy a new budget', async () => {
    assert.equal((await open('203.0.113.7')).status, 201);
    assert.equal((await open('203.0.113.7')).status, 201);
    const initiations = provider.calls.initiate;
    for (const forged of ['203.0.113.7', '10.1.1.1, 203.0.113.7', '10.2.2.2,203.0.113.7']) {
      const refused = await open(forged);
      const text = await refused.text();
      assert.equal(refused.status, 429, text);
      assert.equal(ErrorBody.parse(JSON.parse(text)).error.code, 'rate_limited');
    }
    assert.equal(provider.calls.initiate, initiations, 'nothing forwarded past the budget');
    // Another shopper behind the same proxy has a budget of their own.
    assert.equal((await open('203.0.113.8')).status, 201);
  });

  it('a request from the proxy itself with no forwarded hop stays exempt as loopback', async () => {
    for (let i = 0; i < 4; i++) {
      const response = await kit.createSession({ order: book.fresh(), method: 'card' });
      assert.equal(response.status, 201, await response.clone().text());
    }
  });
});
