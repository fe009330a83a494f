import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, ErrorBody } from '@pay-checkout/contract';
import pino from 'pino';
import { pgliteStore } from '../src/store/pglite-store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

/**
 * Input that used to end in a 500 (found by probing): each answers a precise 4xx JSON error, stores
 * nothing and forwards nothing to the provider.
 */
describe('bad input gets a 4xx, never a 500', () => {
  const store = pgliteStore({ memory: true });
  const provider = new FakeProvider();
  const logged: string[] = [];
  let kit: KitServer;

  before(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    kit = await startKit({
      providers: [provider],
      async resolveOrder(orderId) {
        if (orderId === 'order-broken') throw new TypeError("the merchant's order lookup broke");
        return orderBook({ 'order-1': TEE_ORDER }).resolveOrder(orderId);
      },
      store,
      logger: pino({ level: 'info' }, destination),
    });
  });
  after(async () => {
    await kit.close();
    await store.close();
  });

  async function refused(response: Response, status: number, code: string): Promise<string> {
    const text = await response.text();
    assert.equal(response.status, status, text);
    const body = ErrorBody.parse(JSON.parse(text));
    assert.equal(body.error.code, code);
    return body.error.message;
  }

  /** Sends raw bytes (what `fetch` would never send) and returns the status line and body. */
  function raw(request: string): Promise<{ status: number; body: string; headers: string }> {
    const { port } = new URL(kit.base);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, body = ''] = answer.split('\r\n\r\n');
        resolve({ status: Number(head.split(' ')[1]), headers: head, body });
      });
    });
  }

  it('POST sessions with a NUL or a lone surrogate in a field → 400 naming it; no session, no provider call', async () => {
    const calls = provider.calls.initiate;
    for (const bank of ['fake\u0000bank', 'fake\ud800bank']) {
      const message = await refused(
        await kit.createSession({ order: 'order-1', method: 'pis', bank, country: 'DE' }),
        400,
        'invalid_request',
      );
      assert.match(message, /\$\.bank contains a (NUL character|lone UTF-16 surrogate)/);
    }
    assert.equal(provider.calls.initiate, calls, 'nothing forwarded');
    assert.deepEqual(await store.listSessionsByOrder('order-1'), [], 'nothing stored');
  });

  it('POST sessions with an extra field nested 6000 levels deep → 400, not a stack overflow', async () => {
    const deep = `${'['.repeat(6000)}${']'.repeat(6000)}`; // 12 KB: under the body limit
    const body = `{"order":"order-1","method":"pis","extra":${deep}}`;
    const message = await refused(await kit.createSession(body), 400, 'invalid_request');
    assert.match(message, /nests deeper than 32 levels/);
    assert.deepEqual(await store.listSessionsByOrder('order-1'), []);
  });

  it('a notification naming a payment id with a NUL → 400, nothing recorded or re-fetched', async () => {
    const created = await kit.createSession({ order: 'order-1', method: 'pis' });
    assert.equal(created.status, 201);
    const { sessionId } = CreateSessionResponse.parse(await created.json());
    const { providerRef } = provider.paymentFor(sessionId);
    const events = (await store.eventsSince(sessionId, 0)).length;
    const lookups = provider.calls.status;
    const hint = (paymentId: string) =>
      fetch(kit.url('notifications/fakepay'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paymentId }),
      });
    const message = await refused(await hint(`${providerRef}\u0000`), 400, 'invalid_request');
    assert.match(message, /payment id contains a NUL character/);
    // a raw NUL byte in the body itself
    const rawNul = await fetch(kit.url('notifications/fakepay'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0x00, 0x7d]),
    });
    assert.match(await refused(rawNul, 400, 'invalid_request'), /notification body contains a NUL/);
    assert.equal(provider.calls.status, lookups, 'no re-fetch at the provider');
    assert.equal((await store.eventsSince(sessionId, 0)).length, events, 'the session is unchanged');
    assert.equal((await hint(providerRef)).status, 200, 'the genuine hint still works');
  });

  it('TRACE → 405 with Allow; CONNECT-style methods never reach a handler', async () => {
    const path = new URL(kit.url('sessions')).pathname;
    const answer = await raw(`TRACE ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    assert.equal(answer.status, 405);
    assert.match(answer.headers, /\r\nallow: POST\r\n/i);
    assert.equal(ErrorBody.parse(JSON.parse(answer.body)).error.code, 'method_not_allowed');
  });

  it('a malformed Host header → 400 invalid_request, and a log line saying so', async () => {
    const path = new URL(kit.url('options')).pathname;
    const answer = await raw(`GET ${path} HTTP/1.1\r\nHost: bad host:x\r\nConnection: close\r\n\r\n`);
    assert.equal(answer.status, 400, answer.body);
    assert.equal(ErrorBody.parse(JSON.parse(answer.body)).error.code, 'invalid_request');
    assert.ok(
      logged.some((line) => line.includes('"msg":"request refused"') && line.includes('Host header')),
      'the refusal is logged',
    );
  });

  it('a 5xx is logged with the error message and stack', async () => {
    await refused(await kit.createSession({ order: 'order-broken', method: 'pis' }), 500, 'internal_error');
    const line = logged.find((entry) => entry.includes("the merchant's order lookup broke"));
    assert.ok(line, 'the error is in the log');
    assert.match(line, /"stack":"TypeError: the merchant's order lookup broke\\n {4}at /);
  });
});
