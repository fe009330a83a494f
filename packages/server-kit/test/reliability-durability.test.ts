import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, SessionView } from '@pay-checkout/contract';
import { connectPayTestClient, type RunningSandbox, startSandbox } from '@pay-checkout/sandbox';
import { type SpawnedKit, spawnKitProcess } from './helpers/spawn-kit-process.js';
import { waitFor } from './helpers/wait-for.js';

/** Starts the kit in a child process on `dataDir` (PGlite, the default store) and waits for its READY line. */
function spawnKit(sandbox: RunningSandbox, dataDir: string, port = 0): Promise<SpawnedKit> {
  return spawnKitProcess({
    SANDBOX_URL: sandbox.connectPayUrl,
    PAY_CHECKOUT_DATA: dataDir,
    PORT: String(port),
    PROVIDER_TIMEOUT_MS: '2000',
    POLL_INTERVAL_MS: '50',
  });
}

async function sigkill(kit: SpawnedKit): Promise<void> {
  kit.child.kill('SIGKILL');
  await kit.exited;
}

async function view(base: string, sessionId: string): Promise<SessionView | undefined> {
  const response = await fetch(`${base}/sessions/${sessionId}`);
  return response.status === 200 ? SessionView.parse(await response.json()) : undefined;
}

async function create(base: string, key: string): Promise<CreateSessionResponse> {
  const response = await fetch(`${base}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, origin: 'https://shop.test' },
    // One order per payment: server-kit takes one payment per order (the spawned kit knows every order).
    body: JSON.stringify({ order: `order-${key}`, method: 'card' }),
  });
  assert.equal(response.status, 201);
  return CreateSessionResponse.parse(await response.json());
}

/** docs/reliability.md 15 (transactional outbox; PostgreSQL durability): kill -9 and restart on the same data. */
describe('reliability: durability across SIGKILL', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;
  let running: SpawnedKit | undefined;

  before(async () => {
    sandbox = await startSandbox({ port: 0, log: () => undefined, notificationRetryBaseMs: 20 });
    dataDir = await mkdtemp(path.join(tmpdir(), 'pay-checkout-r15-'));
  });
  after(async () => {
    if (running && running.child.exitCode === null) await sigkill(running);
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('R15: a session acknowledged before SIGKILL is there after restart and processing resumes', async () => {
    const shopper = connectPayTestClient(sandbox.connectPayUrl);
    running = await spawnKit(sandbox, dataDir);
    const first = running;

    // A notification the kit acknowledged (status applied) before the kill…
    const paid = await create(first.base, 'r15-paid');
    await shopper.payWithCard(paid.redirectUrl, '4485040371536584');
    await waitFor(
      async () => (await view(first.base, paid.sessionId))?.status === 'succeeded',
      'the notification',
    );

    // …and a session acknowledged (201) right before it.
    const open = await create(first.base, 'r15-open');
    await sigkill(first);
    running = undefined;

    // While the kit is down the shopper pays; the provider's notifications cannot be delivered.
    await shopper.payWithCard(open.redirectUrl, '4485040371536584');

    const port = Number(new URL(first.base).port);
    running = await spawnKit(sandbox, dataDir, port);
    const second = running;
    assert.equal(
      (await view(second.base, paid.sessionId))?.status,
      'succeeded',
      'the applied status survived',
    );
    const restored = await view(second.base, open.sessionId);
    assert.ok(restored, 'the acknowledged session survived');
    // Processing resumes: the poller reconciles with ConnectPay and the session completes. Usually at
    // once; but when the SIGKILL came while the first kit's poller held the session's lease (sessions/
    // poller.ts, 60 s), the session is due again only when that lease runs out, and the sandbox's
    // redeliveries back off while the kit is down: a loaded machine hits that, so the wait covers it.
    await waitFor(
      async () => (await view(second.base, open.sessionId))?.status === 'succeeded',
      'the poller',
      75_000,
    );
    // The same Idempotency-Key still replays the acknowledged answer after the restart.
    const replay = await fetch(`${second.base}/sessions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'r15-open',
        origin: 'https://shop.test',
      },
      body: JSON.stringify({ order: 'order-r15-open', method: 'card' }),
    });
    assert.equal(replay.status, 201);
    assert.equal(CreateSessionResponse.parse(await replay.json()).sessionId, open.sessionId);
    await sigkill(second);
    running = undefined;
  });
});
