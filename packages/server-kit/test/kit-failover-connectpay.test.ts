import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { CreateSessionResponse, SessionView } from '@pay-checkout/contract';
import {
  connectPayTestClient,
  type RunningSandbox,
  SANDBOX_CLIENT,
  SANDBOX_CLIENT_B,
  startSandbox,
} from '@pay-checkout/sandbox';
import { connectpay } from '../src/providers/connectpay/index.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

/**
 * Two ConnectPay accounts as two adapter instances ("connectpay-a" first, "connectpay-b" second) on
 * two sandbox clients, made to fail with the sandbox's own knobs: a failover inside one request, the
 * circuit opening under a sustained 5xx, and recovering after its cool-down.
 */
describe('failover between two ConnectPay instances × sandbox', () => {
  let sandbox: RunningSandbox;
  let kit: KitServer;
  const book = orderBook({ 'order-1': TEE_ORDER });
  const COOLDOWN_MS = 1_000;

  function account(
    id: string,
    client: { clientId: string; clientSecret: string; brandId: string; privateKeyPem: string },
  ) {
    return connectpay({
      id,
      baseUrl: sandbox.connectPayUrl,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      brandId: client.brandId,
      privateKeyPem: client.privateKeyPem,
      retries: 1,
      retryBackoff: { baseMs: 5, maxMs: 20 },
    });
  }

  async function admin(method: string, path: string, body?: unknown): Promise<void> {
    const response = await fetch(`${sandbox.connectPayUrl}/admin/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(response.status, 200, `${method} admin/${path}`);
  }

  async function open(): Promise<Response> {
    return kit.createSession({ order: 'order-1', method: 'card' });
  }

  async function attemptsOf(sessionId: string) {
    return (await kit.store.listAttempts(sessionId)).map((a) => [a.provider, a.outcome]);
  }

  before(async () => {
    sandbox = await startSandbox({ port: 0, log: () => {} });
    kit = await startKit({
      providers: [account('connectpay-a', SANDBOX_CLIENT), account('connectpay-b', SANDBOX_CLIENT_B)],
      resolveOrder: book.resolveOrder,
      circuitBreaker: { failureThreshold: 2, cooldownMs: COOLDOWN_MS },
    });
  });
  afterEach(() => admin('POST', 'reset'));
  after(async () => {
    await kit?.close();
    await sandbox?.close();
  });

  it('falls over within one request when account A answers 503 and created nothing', async () => {
    await admin('POST', 'fail-next', { clientId: SANDBOX_CLIENT.clientId, statuses: [503] });
    const response = await open();
    assert.equal(response.status, 201);
    const { sessionId } = CreateSessionResponse.parse(await response.json());
    assert.deepEqual(await attemptsOf(sessionId), [
      ['connectpay-a', 'unavailable'],
      ['connectpay-b', 'created'],
    ]);
    const view = SessionView.parse(await (await fetch(kit.url(`sessions/${sessionId}`))).json());
    assert.equal(view.provider, 'connectpay-b');
    // The payment exists at B under our reference, and A has none.
    const reference = `pc-${sessionId}`;
    const atB = await connectPayTestClient(sandbox.connectPayUrl, SANDBOX_CLIENT_B).call(
      'GET',
      `merchant/payments?merchantReference=${reference}`,
    );
    assert.equal((atB.body as { payments: unknown[] }).payments.length, 1);
    const atA = await connectPayTestClient(sandbox.connectPayUrl, SANDBOX_CLIENT).call(
      'GET',
      `merchant/payments?merchantReference=${reference}`,
    );
    assert.equal((atA.body as { payments: unknown[] }).payments.length, 0);
  });

  it('opens A’s circuit under a sustained 5xx, sends every payment to B, and recovers after the cool-down', async () => {
    await admin('PUT', `knobs?clientId=${SANDBOX_CLIENT.clientId}`, { errorRate: 1 });
    // A fails and its lookup fails too: the outcome is unknown, so the kit does not fall over (a
    // retryable 5xx), but each counts against A's circuit, which opens at the threshold (2; the
    // failover above may already have counted one).
    const circuitOf = (id: string) => kit.checkout.health().providers.find((p) => p.id === id)?.circuit;
    let failures = 0;
    while (circuitOf('connectpay-a') !== 'open') {
      const failed = await open();
      assert.ok(failed.status >= 500, `unknown outcome answered ${failed.status}`);
      assert.ok(++failures <= 2, 'the circuit opens after at most two failures');
    }

    const response = await open();
    assert.equal(response.status, 201);
    const { sessionId } = CreateSessionResponse.parse(await response.json());
    assert.deepEqual(await attemptsOf(sessionId), [['connectpay-b', 'created']]);

    // A heals; after the cool-down one probe goes to A, succeeds, and closes the circuit.
    await admin('PUT', `knobs?clientId=${SANDBOX_CLIENT.clientId}`, { errorRate: null });
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    const probe = await open();
    assert.equal(probe.status, 201);
    const probed = CreateSessionResponse.parse(await probe.json());
    assert.deepEqual(await attemptsOf(probed.sessionId), [['connectpay-a', 'created']]);
    assert.equal(circuitOf('connectpay-a'), 'closed');
  });
});
