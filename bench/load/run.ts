// The load and fault test (bench/README.md "Load and fault test"): N simulated shoppers against one or
// two server-kit instances behind a round-robin balancer, the ConnectPay sandbox with faults (5 % 5xx,
// 0–3 s latency per payment, duplicated and reordered notifications), one instance SIGKILLed and
// restarted mid-run. Loopback only; bounded; stops by itself.
//
//   node --conditions=source --import tsx bench/load/run.ts            # full: 200 shoppers × 60 s, 3 setups
//   node --conditions=source --import tsx bench/load/run.ts --smoke    # 20 shoppers × 10 s, 2 on PostgreSQL
//
// Prints one JSON line per setup; the full run writes them to bench/results.json under `load`. Exit 1
// when a setup fails its pass criteria (lost or double-applied transitions, a second provider payment
// a shopper could reach, an order charged twice, an unreachable second payment the kit's ledger does
// not explain (duplicates.ts), a stream without its final status, an acknowledged session not final
// and equal to the provider's status).
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  connectPayTestClient,
  FINAL_CONNECTPAY_STATUSES,
  type RunningSandbox,
  startSandbox,
} from '@pay-checkout/sandbox';
import { mapConnectPayStatus } from '../../packages/server-kit/src/providers/connectpay/statuses.js';
import {
  type PgCluster,
  pgClusterUnavailable,
  startPgCluster,
} from '../../packages/server-kit/test/helpers/pg-cluster.js';
import { readResults, writeResultsKey } from '../server/results-file.js';
import { percentile, round } from '../server/stats.js';
import { type ForwardTrace, forkBalancer } from './balancer.js';
import { classifyDuplicates, type DuplicateFigures, unreachableExplained } from './duplicates.js';
import { LOAD_MERCHANT_KEY, orderLedger, type SessionTrace, sessionTraces } from './kit-ledger.js';
import { clusterCpuMs, cpuMs, findPostmaster, rssMb } from './proc-stats.js';
import {
  type OrderRecord,
  runShopper,
  SHOPPER_WAIT_MS,
  type ShopperContext,
  settleStreams,
} from './shopper.js';
import { replayEvents, replayStatuses } from './sse-watch.js';

type Setup = 'pglite' | 'postgres' | 'postgres-2';

export interface LoadFigures {
  setup: Setup;
  shoppers: number;
  seconds: number;
  sessions: number;
  sessionsPerSecond: number;
  p95OpenMs: number;
  p95NotificationToSseMs: number;
  lost: number;
  doubleApplied: number;
  /**
   * Second provider payments of one order: `duplicateProviderPayments` (all of them) =
   * `reachableDuplicatePayments` (a shopper could reach it: must be 0) + `unreachableDuplicatePayments`
   * (left behind by a lost answer, never served; by cause in `unreachableByCause`). `chargedTwice`:
   * orders with two completed payments (duplicates.ts).
   */
  duplicateProviderPayments: number;
  reachableDuplicatePayments: number;
  unreachableDuplicatePayments: number;
  unreachableByCause: Record<string, number>;
  chargedTwice: number;
  streamsWithoutFinal: number;
  /** Streams that saw their final status only after their shopper stopped waiting (`SHOPPER_WAIT_MS`). */
  lateStreams: number;
  /**
   * Streams whose final status came more than `SHOPPER_WAIT_MS` after the shopper's last action, or
   * never, by why (`explainStream`); a superset of `lateStreams`, whose shopper had stopped waiting.
   */
  lateStreamCauses: Record<string, number>;
  maxNotificationToSseMs: number;
  rssMb: number;
  kitCpuMsPerSession: number;
  postgresCpuMsPerSession: number | null;
  kills: number;
  openErrors: Record<string, number>;
  pass: boolean;
}

const KIT_INSTANCE = new URL('./kit-instance.ts', import.meta.url);
const FINAL = new Set(['succeeded', 'failed', 'cancelled', 'expired']);
/** After the run: how long the kit has to make every acknowledged session final, streams included. */
const SETTLE_MS = 90_000;

const sorted = (values: number[]): number[] => values.sort((a, b) => a - b);

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Instance {
  port: number;
  env: Record<string, string>;
  child: ChildProcess;
  /** CPU ms of the processes of this instance that were killed (theirs is gone from /proc). */
  cpuOfKilled: number;
  maxRss: number;
}

async function spawnInstance(instance: Pick<Instance, 'port' | 'env'>): Promise<ChildProcess> {
  const child = fork(KIT_INSTANCE, [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
    env: { ...process.env, ...instance.env, PORT: String(instance.port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`kit instance exited early (${code})`)));
    child.on('message', (message: { type?: string }) => {
      if (message?.type === 'ready') resolve();
    });
  });
  return child;
}

export async function runLoad(options: {
  setup: Setup;
  shoppers: number;
  seconds: number;
  kill: boolean;
}): Promise<LoadFigures> {
  const { setup, shoppers, seconds } = options;
  const sandbox: RunningSandbox = await startSandbox({
    port: 0,
    log: () => undefined,
    notificationRetryBaseMs: 100,
  });
  sandbox.connectPay.knobs.setGlobal({
    errorRate: 0.05,
    duplicateNotifications: true,
    reorderNotifications: true,
  });
  let cluster: PgCluster | undefined;
  let dataDir: string | undefined;
  const instances: Instance[] = [];
  let balancer: Awaited<ReturnType<typeof forkBalancer>> | undefined;
  try {
    const ports = setup === 'postgres-2' ? [await unusedPort(), await unusedPort()] : [await unusedPort()];
    const env: Record<string, string> = {
      SANDBOX_URL: sandbox.connectPayUrl,
      MERCHANT_KEY: LOAD_MERCHANT_KEY,
    };
    if (setup === 'pglite') {
      dataDir = await mkdtemp(path.join(tmpdir(), 'pay-checkout-load-'));
      env.PAY_CHECKOUT_DATA = dataDir;
    } else {
      cluster = await startPgCluster();
      env.DATABASE_URL = await cluster.createDatabase('load');
    }
    balancer = await forkBalancer(ports, '/checkout/health');
    env.PUBLIC_URL = `${balancer.url}/checkout`;
    for (const port of ports) {
      const instance = { port, env, cpuOfKilled: 0, maxRss: 0 } as Instance;
      instance.child = await spawnInstance(instance);
      instances.push(instance);
    }
    console.error(
      `${setup}: balancer ${balancer.url}, sandbox ${sandbox.connectPayUrl}, instances ${ports.join(', ')}`,
    );
    const postmaster = cluster ? findPostmaster(cluster.port) : undefined;
    const pgCpuBefore = postmaster ? clusterCpuMs(postmaster) : 0;
    const kitCpuBefore = instances.reduce((sum, i) => sum + cpuMs(i.child.pid ?? 0), 0);

    const context: ShopperContext = {
      base: env.PUBLIC_URL,
      agent: new Agent({ keepAlive: true, maxSockets: shoppers }),
      sandbox,
      widget: connectPayTestClient(sandbox.connectPayUrl),
      errors: new Map(),
      lingering: [],
    };
    const orders: OrderRecord[] = [];
    // The sandbox and the shoppers share this process's event loop: its delay says whether the
    // harness itself held answers back.
    const lag = monitorEventLoopDelay({ resolution: 20 });
    lag.enable();
    const started = Date.now();
    const endAt = started + seconds * 1000;
    const sampler = setInterval(() => {
      for (const i of instances) i.maxRss = Math.max(i.maxRss, rssMb(i.child.pid ?? 0));
    }, 500);
    let kills = 0;
    let killedAt: number | undefined;
    const killer = options.kill
      ? setTimeout(async () => {
          const victim = instances[0];
          victim.cpuOfKilled += cpuMs(victim.child.pid ?? 0);
          victim.child.kill('SIGKILL');
          killedAt = Date.now();
          kills++;
          console.error(`kill: instance ${victim.port} SIGKILLed at +${Date.now() - started} ms`);
          await new Promise((resolve) => victim.child.once('exit', resolve));
          victim.child = await spawnInstance(victim);
          console.error(`kill: instance ${victim.port} ready again at +${Date.now() - started} ms`);
        }, seconds * 400)
      : undefined;
    await Promise.all(
      Array.from({ length: shoppers }, (_, n) => runShopper(context, `s${n}`, endAt, orders)),
    );
    const wallSeconds = (Date.now() - started) / 1000;
    clearTimeout(killer);
    clearInterval(sampler);
    const kitCpu =
      instances.reduce((sum, i) => sum + cpuMs(i.child.pid ?? 0) + i.cpuOfKilled, 0) - kitCpuBefore;
    const pgCpu = postmaster ? clusterCpuMs(postmaster) - pgCpuBefore : undefined;

    lag.disable();
    console.error(
      `load generator event-loop delay: p99 ${round(lag.percentile(99) / 1e6, 0)} ms, max ${round(lag.max / 1e6, 0)} ms`,
    );
    // The kit's background work (re-fetches at 0–3 s latency, notification retries, the poller) settles
    // meanwhile; streams still open keep waiting for their final status until the same deadline.
    const settleUntil = Date.now() + SETTLE_MS;
    const [checked, lateStreams] = await Promise.all([
      verify(context, sandbox, orders, settleUntil, started),
      settleStreams(context, settleUntil),
    ]);
    const streamTraces: ForwardTrace[] = (await balancer?.trace('/events')) ?? [];
    const unsettled = orders.filter(
      (order) =>
        order.sessionId !== undefined && (!order.finalSeen || (order.actionToFinalMs ?? 0) > SHOPPER_WAIT_MS),
    );
    const traces = env.DATABASE_URL
      ? await sessionTraces(
          env.DATABASE_URL,
          unsettled.map((order) => order.sessionId ?? ''),
        ).catch(() => undefined)
      : undefined;
    const lateStreamCauses: Record<string, number> = {};
    for (const order of unsettled) {
      if (order.sessionId === undefined) continue;
      const history = await replayEvents(`${context.base}/sessions/${order.sessionId}/events`);
      const kit = history.map((e) => `${e.status}@${t0(Date.parse(e.updatedAt), started)}`).join(',');
      const payment =
        sandbox.connectPay.book.list((p) => p.merchantReference === `pc-${order.sessionId}`)[0] ??
        sandbox.connectPay.book.list(
          (p) => p.remittanceInformationUnstructured === `Order ${order.orderId}`,
        )[0];
      const why = explainStream(order, payment, traces?.get(order.sessionId), started, killedAt);
      lateStreamCauses[why.cause] = (lateStreamCauses[why.cause] ?? 0) + 1;
      const provider = (payment?.history ?? [])
        .map((h) => `${t0(Date.parse(h.at), started)} ${h.note}`)
        .join('; ');
      const forwarded = streamTraces
        .filter((f) => f.path.includes(`/sessions/${order.sessionId}/events`))
        .map(
          (f) =>
            `[${t0(f.at, started)} ${f.tries.map((x) => `→${x.port}@${t0(x.at, started)} ${x.outcome ?? ''}`).join(' ')} headers ${t0(f.headersAt, started)} http ${f.status ?? '-'} end ${t0(f.endedAt, started)}]`,
        )
        .join(' ');
      console.error(
        `${order.finalSeen ? 'late final' : 'no final'}: ${describeStream(order, started)}\n  why: ${why.cause}; ${why.detail}\n  kit: ${kit}\n  provider: ${provider}\n  balancer: ${forwarded}`,
      );
    }
    const opened = orders.filter((order) => order.sessionId !== undefined);
    const figures: LoadFigures = {
      setup,
      shoppers,
      seconds,
      sessions: opened.length,
      sessionsPerSecond: round(opened.length / wallSeconds, 1),
      p95OpenMs: round(percentile(sorted(opened.map((o) => o.openMs ?? 0)), 95), 1),
      p95NotificationToSseMs: round(
        percentile(
          sorted(opened.flatMap((o) => (o.actionToFinalMs === undefined ? [] : [o.actionToFinalMs]))),
          95,
        ),
        1,
      ),
      ...checked,
      streamsWithoutFinal: opened.filter((o) => !o.finalSeen).length,
      lateStreams,
      lateStreamCauses,
      maxNotificationToSseMs: Math.max(0, ...opened.map((o) => o.actionToFinalMs ?? 0)),
      rssMb: Math.max(...instances.map((i) => i.maxRss)),
      kitCpuMsPerSession: round(kitCpu / Math.max(1, opened.length), 1),
      postgresCpuMsPerSession: pgCpu === undefined ? null : round(pgCpu / Math.max(1, opened.length), 1),
      kills,
      openErrors: Object.fromEntries(context.errors),
      pass: false,
    };
    // A second payment nobody could reach is reported, not failed, when the kit's ledger says why it
    // exists (a lost answer without a page for the shopper); any other second payment fails the run.
    figures.pass =
      figures.sessions > 0 &&
      figures.lost === 0 &&
      figures.doubleApplied === 0 &&
      figures.reachableDuplicatePayments === 0 &&
      figures.chargedTwice === 0 &&
      unreachableExplained(figures) &&
      figures.streamsWithoutFinal === 0;
    console.error(
      `${setup}: second provider payments ${figures.duplicateProviderPayments} = reachable ${figures.reachableDuplicatePayments} + unreachable ${figures.unreachableDuplicatePayments} ${JSON.stringify(figures.unreachableByCause)}; charged twice ${figures.chargedTwice}; late or missing finals ${JSON.stringify(lateStreamCauses)}`,
    );
    context.agent.destroy();
    return figures;
  } finally {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await Promise.all(
      instances.map(
        (i) =>
          new Promise((resolve) => {
            if (i.child.exitCode !== null || i.child.signalCode !== null) return resolve(undefined);
            const timer = setTimeout(() => i.child.kill('SIGKILL'), 10_000);
            i.child.once('exit', () => resolve(clearTimeout(timer)));
          }),
      ),
    );
    await balancer?.close();
    await sandbox.close();
    await cluster?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The end-of-run checks. Every acknowledged session must be final at the kit and equal to what the
 * provider (the sandbox's book) says; its status history (replayed from the store) must hold no status
 * twice; each order must have at most one provider payment.
 */
async function verify(
  context: ShopperContext,
  sandbox: RunningSandbox,
  orders: OrderRecord[],
  settleUntil: number,
  started: number,
): Promise<Pick<LoadFigures, 'lost' | 'doubleApplied' | keyof DuplicateFigures>> {
  // The provider ends what the shoppers left open (a widget error mid-payment, a stream that gave up):
  // a payment in review is approved, any other open one expires, as a real provider's timeout would.
  const book = sandbox.connectPay.book;
  for (const open of book.list((payment) => !FINAL_CONNECTPAY_STATUSES.includes(payment.status))) {
    try {
      if (open.status === 'PendingProvider') book.approve(open.paymentId);
      else book.expire(open.paymentId);
    } catch {
      // moved meanwhile
    }
  }
  const payments = book.list();
  const byOrder = new Map<string, typeof payments>();
  for (const payment of payments) {
    const orderId = payment.remittanceInformationUnstructured?.replace(/^Order /, '') ?? '';
    byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), payment]);
  }

  let lost = 0;
  let doubleApplied = 0;
  const opened = orders.filter((order) => order.sessionId !== undefined);
  let next = 0;
  const worker = async () => {
    while (next < opened.length) {
      const order = opened[next++];
      // The acknowledged session's own payment (our reference is `pc-<sessionId>`): with a duplicate,
      // the order's first payment may be one the kit abandoned, not the one this session answered with.
      const list = byOrder.get(order.orderId) ?? [];
      const payment = list.find((p) => p.merchantReference === `pc-${order.sessionId}`) ?? list[0];
      const expected = payment ? mapConnectPayStatus(payment.status, payment.statusReason).status : undefined;
      let status: string | undefined;
      do {
        status = await sessionStatus(`${context.base}/sessions/${order.sessionId}`);
        if (status !== undefined && FINAL.has(status) && status === expected) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      } while (Date.now() < settleUntil);
      if (status === undefined || !FINAL.has(status) || status !== expected) {
        lost++;
        console.error(`lost: ${order.orderId} kit=${status} provider=${payment?.status}→${expected}`);
      }
      const history = await replayStatuses(`${context.base}/sessions/${order.sessionId}/events`);
      if (new Set(history).size !== history.length) {
        doubleApplied++;
        console.error(`double-applied: ${order.orderId} ${history.join(' → ')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  // After the sessions settled, so the kit's ledger also shows the abandoned sessions' final status.
  const duplicates = await classifyDuplicates(
    book.list(),
    orders,
    sandbox.connectPay.widgetVisits,
    (orderId) => orderLedger(context.base, orderId),
    (at) => t0(at, started),
  );
  return { lost, doubleApplied, ...duplicates };
}

type BookPayment = ReturnType<RunningSandbox['connectPay']['book']['list']>[number];

/**
 * Why a stream saw its final status late (or not at all), from the kit's stored events (PostgreSQL
 * setups: which source made the session final, and when) and the provider's history (when its
 * notification of that status was first answered 200). The cause names the source; a final
 * notification answered long before the kit applied it, and a stream that saw a stored final late,
 * are named as such.
 */
function explainStream(
  order: OrderRecord,
  payment: BookPayment | undefined,
  trace: SessionTrace | undefined,
  started: number,
  killedAt: number | undefined,
): { cause: string; detail: string } {
  const t = (at: number | undefined) => t0(at, started);
  const notified = payment?.history.find(
    (h) => h.note.startsWith(`notification ${payment.status} attempt`) && h.note.includes('HTTP 200'),
  );
  const notifiedAt = notified ? Date.parse(notified.at) : undefined;
  if (trace === undefined) {
    return {
      cause: 'unknown (no database to read: PGlite)',
      detail: `provider ${payment?.status ?? '-'} notified ${t(notifiedAt)}`,
    };
  }
  const final = trace.events.find((e) => FINAL.has(e.status));
  const inbox = trace.inbox
    .filter((row) => row.providerStatus === payment?.status)
    .map((row) => `${t(row.receivedAt)} ${row.applied ? 'applied' : 'not applied'}`);
  const detail = `provider ${payment?.status ?? '-'} notified (first 200) ${t(notifiedAt)}; kit final ${final ? `${final.status} by ${final.source} ${t(final.at)}` : 'none'}; inbox rows of that status [${inbox.join(', ')}]; events ${trace.events.map((e) => `${e.status}/${e.source}@${t(e.at)}`).join(' ')}`;
  if (!final) return { cause: 'not final at the kit', detail };
  const parts = [`final by ${final.source}`];
  // The kit answers a notification only after its change is committed, or after scheduling a look.
  if (final.source !== 'notification' && notifiedAt !== undefined && final.at - notifiedAt > 5000) {
    // Unsigned hints (ConnectPay) never mark their inbox row applied: the row says it was received.
    const first = trace.inbox.find((row) => row.providerStatus === payment?.status)?.receivedAt;
    const aroundKill = first !== undefined && killedAt !== undefined && Math.abs(first - killedAt) < 5000;
    parts.push(
      `the provider's final notification, answered 200 > 5 s earlier, did not apply it (${inbox.length === 0 ? 'no inbox row' : aroundKill ? 'received just before the kill: its re-fetch died with the instance' : 'received'})`,
    );
  }
  const seen =
    order.actedAt === undefined || order.actionToFinalMs === undefined
      ? undefined
      : order.actedAt + order.actionToFinalMs;
  if (seen !== undefined && seen - final.at > 5000) parts.push('the stream saw the stored final late');
  return { cause: parts.join('; '), detail };
}

const t0 = (at: number | undefined, started: number) => (at === undefined ? '?' : `+${at - started}`);

/** One line on a stream that did not see its final status: each connection, times from the run's start. */
function describeStream(order: OrderRecord, started: number): string {
  const t = (at: number | undefined) => t0(at, started);
  const attempts = (order.attempts ?? []).map(
    (a) =>
      `[${t(a.at)}→${t(a.endedAt)} via ${a.upstream || '-'} http ${a.httpStatus ?? '-'} ${a.events} events ${a.ended}]`,
  );
  return `${order.orderId} acted ${t(order.actedAt)} waited until ${t(order.waitEndedAt)} ${attempts.join(' ')}`;
}

async function sessionStatus(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as { status: string }).status : undefined;
  } catch {
    return undefined;
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      shoppers: { type: 'string' },
      seconds: { type: 'string' },
      setups: { type: 'string' },
    },
  });
  const pgMissing = pgClusterUnavailable();
  const smoke = values.smoke === true;
  const shoppers = Number(values.shoppers ?? (smoke ? 20 : 200));
  const seconds = Number(values.seconds ?? (smoke ? 10 : 60));
  const setups = (values.setups?.split(',') ??
    (smoke ? [pgMissing ? 'pglite' : 'postgres-2'] : ['pglite', 'postgres', 'postgres-2'])) as Setup[];
  const results: LoadFigures[] = [];
  const loadBefore = loadavg().map((n) => round(n, 1));
  for (const setup of setups) {
    if (setup !== 'pglite' && pgMissing) {
      console.error(`skipping ${setup}: ${pgMissing}`);
      continue;
    }
    const figures = await runLoad({ setup, shoppers, seconds, kill: smoke || setup === 'postgres-2' });
    console.log(JSON.stringify(figures));
    results.push(figures);
  }
  if (!smoke) {
    // A run of some setups keeps the others' last figures.
    const previous = (readResults().load as { setups?: Record<string, LoadFigures> } | undefined)?.setups;
    writeResultsKey('load', {
      at: new Date().toISOString(),
      note: 'loopback, one machine shared by the load generator, the sandbox, the kits and PostgreSQL',
      // How busy the machine was: the wall-clock figures measure its queue too.
      loadAverage: { before: loadBefore, after: loadavg().map((n) => round(n, 1)) },
      setups: { ...previous, ...Object.fromEntries(results.map((figures) => [figures.setup, figures])) },
    });
  }
  process.exit(results.every((figures) => figures.pass) ? 0 : 1);
}
