import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse } from '@pay-checkout/contract';
import {
  connectPayTestClient,
  type RunningSandbox,
  SANDBOX_CLIENT,
  startSandbox,
} from '@pay-checkout/sandbox';
import { connectpay } from '../src/providers/connectpay/index.js';
import { STORE_PING_TIMEOUT_MS } from '../src/routes/health-route.js';
import { pgliteStore } from '../src/store/pglite-store.js';
import { postgresStore } from '../src/store/postgres-store.js';
import type { CheckoutStore } from '../src/store/store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';
import { type PgCluster, pgClusterUnavailable, startPgCluster } from './helpers/pg-cluster.js';
import { SseClient } from './helpers/sse-client.js';
import { waitFor } from './helpers/wait-for.js';

interface Health {
  status: string;
  store: string;
  providers: Record<string, { kind: string; circuit: string }>;
}

/** GET health, with how long the answer took. */
async function health(kit: KitServer): Promise<{ status: number; body: Health; ms: number }> {
  const started = performance.now();
  const response = await fetch(kit.url('health'));
  const body = (await response.json()) as Health;
  return { status: response.status, body, ms: performance.now() - started };
}

/** The store goes down under a running kit: GET health answers 503 `down` within the ping timeout. */
async function assertHealthFollowsStore(store: CheckoutStore, stopStore: () => Promise<void>): Promise<void> {
  const kit = await startKit({
    providers: [new FakeProvider({ id: 'fake-a' }), new FakeProvider({ id: 'fake-b' })],
    resolveOrder: orderBook().resolveOrder,
    store,
  });
  try {
    const up = await health(kit);
    assert.equal(up.status, 200);
    assert.deepEqual(
      { status: up.body.status, store: up.body.store, ids: Object.keys(up.body.providers) },
      { status: 'ok', store: 'ok', ids: ['fake-a', 'fake-b'] },
    );
    assert.equal(up.body.providers['fake-a'].circuit, 'closed');
    await stopStore();
    const down = await health(kit);
    assert.equal(down.status, 503);
    assert.equal(down.body.status, 'down');
    assert.equal(down.body.store, 'down');
    assert.ok(down.ms < STORE_PING_TIMEOUT_MS + 500, `answered in ${Math.round(down.ms)} ms`);
  } finally {
    await kit.close();
  }
}

describe('GET health', () => {
  it('answers 200 with the store and each provider instance by id; 503 once PGlite is closed', async () => {
    const store = pgliteStore({ memory: true });
    await assertHealthFollowsStore(store, () => store.close());
  });

  const unavailable = pgClusterUnavailable();
  it('answers 503 within the ping timeout once the PostgreSQL cluster stopped', {
    skip: unavailable,
  }, async () => {
    const cluster: PgCluster = await startPgCluster();
    const store = postgresStore(await cluster.createDatabase('health'));
    try {
      await assertHealthFollowsStore(store, () => cluster.stop());
    } finally {
      await store.close().catch(() => undefined);
      await cluster.stop();
    }
  });
});

/** One sample line of the exposition: name, labels, value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text format strictly enough that a malformed line fails the test. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  assert.ok(text.endsWith('\n'), 'ends with a newline');
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.trimEnd().split('\n')) {
    const type = /^# TYPE (\w+) (counter|gauge|histogram)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (line.startsWith('# HELP ')) continue;
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(match, `a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]] = pair[2];
    const value = Number(match[3] === '+Inf' ? Number.POSITIVE_INFINITY : match[3]);
    assert.ok(!Number.isNaN(value), `a number: ${line}`);
    samples.push({ name: match[1], labels, value });
  }
  return { samples, types };
}

function sampleValue(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  return samples.find(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;
}

describe('GET metrics', () => {
  let sandbox: RunningSandbox;
  let kit: KitServer;
  const book = orderBook();
  before(async () => {
    sandbox = await startSandbox({ port: 0, log: () => undefined, notificationRetryBaseMs: 20 });
    kit = await startKit({
      providers: [
        // An instance id of the merchant's choosing: the metrics label the provider by its kind.
        connectpay({
          id: 'connectpay-eu',
          baseUrl: sandbox.connectPayUrl,
          clientId: SANDBOX_CLIENT.clientId,
          clientSecret: SANDBOX_CLIENT.clientSecret,
          brandId: SANDBOX_CLIENT.brandId,
          privateKeyPem: SANDBOX_CLIENT.privateKeyPem,
        }),
      ],
      resolveOrder: book.resolveOrder,
      metrics: true,
    });
  });
  after(async () => {
    await kit?.close();
    await sandbox?.close();
  });

  it('answers 404 when the config does not turn metrics on', async () => {
    const off = await startKit({ providers: [new FakeProvider()], resolveOrder: orderBook().resolveOrder });
    try {
      const response = await fetch(off.url('metrics'));
      assert.equal(response.status, 404);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'not_found');
    } finally {
      await off.close();
    }
  });

  it('exposes sessions by status, provider latency, notification lag, streams, replays and rate-limit refusals', async () => {
    const before = parseExposition(await (await fetch(kit.url('metrics'))).text());
    const replaysBefore = sampleValue(before.samples, 'pay_checkout_idempotency_replays_total') ?? 0;
    const refusalsBefore =
      sampleValue(before.samples, 'pay_checkout_rate_limit_refusals_total', { route: 'sessions' }) ?? 0;

    // One session paid at the sandbox while its stream is open; its key replayed once.
    const order = book.fresh(TEE_ORDER);
    const opened = await kit.createSession({ order, method: 'card' }, 'metrics-key-1');
    assert.equal(opened.status, 201);
    const { sessionId, redirectUrl } = CreateSessionResponse.parse(await opened.json());
    const replay = await kit.createSession({ order, method: 'card' }, 'metrics-key-1');
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const { client } = await SseClient.open(kit.url(`sessions/${sessionId}/events`));
    await client.waitForEvents(1);
    // A refusal by a real limiter (one session per client and minute, loopback not exempt), in a
    // second checkout of this process: the instruments are per process, so this one's metrics count it.
    const limitedBook = orderBook();
    const limited = await startKit({
      providers: [new FakeProvider()],
      resolveOrder: limitedBook.resolveOrder,
      rateLimit: { sessions: { limit: 1, windowMs: 60_000 }, exemptLoopback: false },
    });
    try {
      const first = await limited.createSession({ order: limitedBook.fresh(TEE_ORDER), method: 'card' });
      assert.equal(first.status, 201);
      const second = await limited.createSession({ order: limitedBook.fresh(TEE_ORDER), method: 'card' });
      assert.equal(second.status, 429);
    } finally {
      await limited.close();
    }

    const during = await fetch(kit.url('metrics'));
    assert.equal(during.status, 200);
    assert.match(during.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const live = parseExposition(await during.text());
    assert.equal(live.types.get('pay_checkout_sessions'), 'gauge');
    assert.equal(sampleValue(live.samples, 'pay_checkout_sessions', { status: 'pending' }), 1);
    assert.equal(sampleValue(live.samples, 'pay_checkout_sessions', { status: 'succeeded' }), 0);
    assert.equal(sampleValue(live.samples, 'pay_checkout_sse_connections'), 1);
    assert.equal(sampleValue(live.samples, 'pay_checkout_idempotency_replays_total'), replaysBefore + 1);
    assert.equal(
      sampleValue(live.samples, 'pay_checkout_rate_limit_refusals_total', { route: 'sessions' }),
      refusalsBefore + 1,
    );
    assert.equal(live.types.get('pay_checkout_provider_call_seconds'), 'histogram');
    assert.ok(
      !live.samples.some(
        (s) => s.name.startsWith('pay_checkout_rate_limit') && s.labels.route !== 'sessions',
      ),
      'refusals are labelled by the route key',
    );
    const initiations = live.samples.filter(
      (s) =>
        s.name === 'pay_checkout_provider_call_seconds_count' &&
        s.labels.provider === 'connectpay' &&
        s.labels.outcome === 'ok' &&
        s.labels.operation.startsWith('POST '),
    );
    assert.ok(initiations.length > 0, 'the initiation is counted under its method and path');
    assert.ok(
      !live.samples.some((s) => Object.values(s.labels).some((value) => value.includes(sessionId))),
      'no label carries a session id',
    );

    await connectPayTestClient(sandbox.connectPayUrl).payWithCard(redirectUrl, '4485040371536584');
    await client.waitForEnd();
    const after = parseExposition(await (await fetch(kit.url('metrics'))).text());
    assert.equal(sampleValue(after.samples, 'pay_checkout_sessions', { status: 'succeeded' }), 1);
    assert.equal(sampleValue(after.samples, 'pay_checkout_sse_connections'), 0);
    await waitFor(async () => {
      const now = parseExposition(await (await fetch(kit.url('metrics'))).text());
      return (
        (sampleValue(now.samples, 'pay_checkout_notification_lag_seconds_count', {
          provider: 'connectpay',
          instance: 'connectpay-eu',
        }) ?? 0) >= 1
      );
    }, 'the notification lag observed');
    const inf = sampleValue(after.samples, 'pay_checkout_notification_lag_seconds_bucket', {
      provider: 'connectpay',
      le: '+Inf',
    });
    assert.equal(
      inf,
      sampleValue(after.samples, 'pay_checkout_notification_lag_seconds_count', { provider: 'connectpay' }),
    );
  });
});
