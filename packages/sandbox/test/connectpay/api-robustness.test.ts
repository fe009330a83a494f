import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startSandbox } from '../../src/server.js';
import { connectPayTestClient } from '../../src/testing.js';
import { paymentBody } from './helpers/sandbox.js';

/** Sends raw bytes over TCP and resolves with whatever the server answered before closing. */
function rawRequest(port: number, text: string, { end = true } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text);
      if (!end) socket.destroy();
    });
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n\r\n') && /"error"|^HTTP\/1\.1 4/.test(answer)) socket.end();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', (error) => (end ? reject(error) : resolve('')));
  });
}

describe('the sandbox server under bad input', () => {
  const logged: string[] = [];
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  before(async () => {
    sandbox = await startSandbox({ port: 0, log: (message) => logged.push(message) });
  });
  after(() => sandbox.close());

  it('answers an unexpected failure with 500 JSON internal_error, logs it, and keeps serving', async () => {
    // A Host header that is no URL authority makes building the request fail inside the adapter.
    const answer = await rawRequest(
      sandbox.port,
      'GET /connectpay/admin/knobs HTTP/1.1\r\nHost: [bad\r\n\r\n',
    );
    assert.match(answer, /^HTTP\/1\.1 500/);
    assert.match(answer, /"code":"internal_error"/);
    assert.equal(logged.length, 1);
    const client = connectPayTestClient(sandbox.connectPayUrl);
    assert.equal((await client.initiate(paymentBody())).status, 201);
  });

  it('survives a client that disconnects in the middle of a body', async () => {
    await rawRequest(
      sandbox.port,
      'POST /connectpay/merchant/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"merch',
      { end: false },
    );
    const knobs = await fetch(`${sandbox.connectPayUrl}/admin/knobs`);
    assert.equal(knobs.status, 200);
  });

  it('never echoes the client secret or the request body in error answers', async () => {
    const response = await fetch(`${sandbox.connectPayUrl}/merchant/payments`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('sandbox-client:not-the-secret').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ card: '4242424242424242' }),
    });
    const text = await response.text();
    assert.equal(response.status, 401);
    assert.doesNotMatch(text, /not-the-secret|4242424242424242/);
  });
});
