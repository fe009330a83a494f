import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse } from '@pay-checkout/contract';
import { type RunningSandbox, startSandbox } from '@pay-checkout/sandbox';
import { postSession, type SpawnedKit, spawnKitProcess } from './helpers/spawn-kit-process.js';
import { SseClient } from './helpers/sse-client.js';
import { waitFor } from './helpers/wait-for.js';

/** One gauge of `GET metrics` (no labels). */
async function gauge(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1] ?? Number.NaN);
}

describe('structured shutdown (SIGTERM) of a kit process', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;
  let kit: SpawnedKit | undefined;
  before(async () => {
    sandbox = await startSandbox({ port: 0, log: () => undefined });
    dataDir = await mkdtemp(path.join(tmpdir(), 'pay-checkout-shutdown-'));
  });
  after(async () => {
    kit?.child.kill('SIGKILL');
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('finishes the in-flight request, ends every SSE stream with a retry hint, refuses new work and exits 0 within 10 s', async () => {
    kit = await spawnKitProcess({ SANDBOX_URL: sandbox.connectPayUrl, PAY_CHECKOUT_DATA: dataDir });
    const { base } = kit;
    const streams: SseClient[] = [];
    for (let i = 0; i < 3; i++) {
      const opened = await postSession(base, `order-open-${i}`, `key-open-${i}`);
      assert.equal(opened.status, 201);
      const { sessionId } = CreateSessionResponse.parse(await opened.json());
      for (let j = 0; j < 10; j++)
        streams.push((await SseClient.open(`${base}/sessions/${sessionId}/events`)).client);
    }
    await Promise.all(streams.map((stream) => stream.waitForEvents(1)));
    assert.equal(await gauge(base, 'pay_checkout_sse_connections'), streams.length);

    // A slow provider: the next initiation takes 1.5 s at the sandbox.
    sandbox.connectPay.knobs.setGlobal({ latencyMs: 1500 });
    const slow = postSession(base, 'order-slow', 'key-slow');
    await waitFor(
      async () => (await gauge(base, 'pay_checkout_requests_in_flight')) >= 2,
      'the slow request in flight',
    );

    const signalled = performance.now();
    kit.child.kill('SIGTERM');
    const answer = await slow;
    assert.equal(answer.status, 201, 'the request in flight is answered, not cut');
    assert.equal(CreateSessionResponse.parse(await answer.json()).status, 'pending');
    const code = await kit.exited;
    const tookMs = performance.now() - signalled;
    assert.equal(code, 0);
    assert.ok(tookMs < 10_000, `exited after ${Math.round(tookMs)} ms`);
    assert.ok(tookMs >= 1000, 'it waited for the slow provider call');
    for (const stream of streams) {
      await stream.waitForEnd();
      assert.ok(
        stream.retry !== undefined && stream.retry >= 500 && stream.retry < 3000,
        `a shutdown retry hint, got ${stream.retry}`,
      );
      assert.ok(stream.comments.includes('shutting down'));
    }
    await assert.rejects(fetch(`${base}/health`), 'no new connections once stopped');
  });
});
