// Server benchmark: `npm run bench` (all benches) or `npx tsx --conditions=source bench/server/run.ts`.
// Three processes, so that neither server shares an event loop with the load generator: this one
// (load generator and SSE client), the sandbox (bench/server/sandbox-process.ts, zero latency) and the
// kit (bench/server/kit-process.ts, PGlite in memory). Loopback only; fixed request counts; every
// child is closed at the end. Writes bench/results.json#server. See bench/README.md for the figures.
// `BENCH_PROVIDER=paytech`: sessions opened at pay.tech instead, written as `server.paytech`.
import { cpus, loadavg } from 'node:os';
import { BUDGETS, type BudgetCheck } from './budgets.js';
import { type ChildMessage, startChild } from './child-process.js';
import {
  type ArrivalLog,
  benchNotificationToSse,
  type NotificationFigures,
} from './notification-sse-bench.js';
import { readResults, writeResultsKey } from './results-file.js';
import { type BenchProvider, benchSessionOpening } from './session-open-bench.js';
import type { SpanTotals } from './spans.js';
import { round } from './stats.js';
import { printTable, type TableRow } from './table.js';

const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const levels = [
  { concurrency: 1, count: count('BENCH_C1_REQUESTS', 300) },
  { concurrency: 64, count: count('BENCH_C64_REQUESTS', 3000) },
];
const warmup = count('BENCH_WARMUP', 200);
const sseSessions = count('BENCH_SSE_SESSIONS', 150);
/** `BENCH_KIT_CPU_PROF=<dir>`: write a V8 CPU profile of the kit process there (for a missed budget). */
const kitProfileDir = process.env.BENCH_KIT_CPU_PROF;

const arrivals: ArrivalLog = new Map();
const onKitMessage = (message: ChildMessage) => {
  if (message.type !== 'notification') return;
  const list = arrivals.get(message.reference) ?? [];
  list.push({ status: message.status, arrivedAt: message.arrivedAt });
  arrivals.set(message.reference, list);
};

/**
 * `BENCH_PROVIDER=paytech`: sessions opened through the kit's pay.tech adapter and directly at the
 * sandbox's pay.tech API, written as `server.paytech`; not judged, and without the notification → SSE
 * phase (it pays on ConnectPay's widget). ConnectPay's figures stay the ones the budgets are judged on.
 */
const providerSetting = process.env.BENCH_PROVIDER ?? 'connectpay';
if (providerSetting !== 'connectpay' && providerSetting !== 'paytech')
  throw new Error(`BENCH_PROVIDER must be connectpay or paytech, not ${providerSetting}`);
const provider: BenchProvider = providerSetting;

/**
 * `BENCH_STORE=postgres`: the same run with the PostgreSQL store on a throw-away local cluster
 * (server-kit's test helper, PostgreSQL 15 binaries), written as `server.postgresStore` next to the
 * PGlite figures, which stay the ones the budgets are judged on.
 */
const storeKind = process.env.BENCH_STORE === 'postgres' ? 'postgres' : 'pglite';
const cluster =
  storeKind === 'postgres'
    ? await (await import('../../packages/server-kit/test/helpers/pg-cluster.js')).startPgCluster()
    : undefined;
/** Where this run's figures go under `results.json#server`: the top level, or one sub-key. */
const resultsSubKey =
  provider === 'paytech' ? 'paytech' : storeKind === 'postgres' ? 'postgresStore' : undefined;

const sandbox = await startChild(new URL('./sandbox-process.ts', import.meta.url), {});
const providerUrl = (
  provider === 'paytech' ? sandbox.ready.paytechUrl : sandbox.ready.connectPayUrl
) as string;
const kit = await startChild(
  new URL('./kit-process.ts', import.meta.url),
  {
    BENCH_SANDBOX_URL: providerUrl,
    BENCH_PROVIDER: provider,
    ...(cluster ? { BENCH_PG_URL: await cluster.createDatabase('bench') } : {}),
  },
  onKitMessage,
  kitProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${kitProfileDir}`] : [],
);
const kitUrl = kit.ready.url;

try {
  // Other work on the machine shows up directly in these figures: record how busy it was.
  const loadBefore = loadAverage();
  if (loadBefore['1m'] > cpus().length)
    console.log(`warning: load average ${loadBefore['1m']} on ${cpus().length} CPUs; figures will be noisy`);
  console.log(
    `server bench: ${provider}, sandbox ${sandbox.ready.url}, kit ${kitUrl}, ${storeKind} store (${cpus().length} CPUs)`,
  );
  const kitSpans: Record<string, SpanTotals> = {};
  const opening = await benchSessionOpening({
    provider,
    providerUrl,
    kitUrl,
    levels,
    warmup,
    aroundKitPhase: async (concurrency, edge) => {
      const spans = await kit.takeSpans();
      if (edge === 'end') kitSpans[`open via kit, c=${concurrency}`] = spans;
    },
  });
  await kit.takeSpans();
  let sse: NotificationFigures | undefined;
  if (provider === 'connectpay') {
    sse = await benchNotificationToSse({ kitUrl, arrivals, sessions: sseSessions, warmup: 10 });
    kitSpans['notification → SSE phase'] = await kit.takeSpans();
  }

  const c1 = opening.find((level) => level.concurrency === 1);
  const c64 = opening.find((level) => level.concurrency === 64);
  if (!c1 || !c64) throw new Error('both concurrency levels must be measured');
  const overhead = round(c1.kit.p95 - c1.direct.p95);
  // Sessions/s through the kit as a share of the direct rate measured in this same run (issue 14).
  const kitShare = round(c64.kit.requestsPerSecond / c64.direct.requestsPerSecond, 3);
  // Judged on ConnectPay only; pay.tech's figures are printed as information rows.
  const budgets: BudgetCheck[] = !sse
    ? []
    : [
        {
          name: 'kit overhead, p95 at c=1 (ms)',
          value: overhead,
          budget: `≤ ${BUDGETS.overheadP95Ms}`,
          pass: overhead <= BUDGETS.overheadP95Ms,
        },
        {
          name: 'sessions/s via kit ÷ direct at c=64',
          value: kitShare,
          budget: `≥ ${BUDGETS.kitShareOfDirectC64}`,
          pass:
            kitShare >= BUDGETS.kitShareOfDirectC64 && c64.kit.failures === 0 && c64.direct.failures === 0,
        },
        {
          name: 'notification → SSE event, p95 (ms)',
          value: sse.p95,
          budget: `≤ ${BUDGETS.notificationToSseP95Ms}`,
          pass: sse.p95 <= BUDGETS.notificationToSseP95Ms && sse.missed === 0,
        },
      ];

  const rows: TableRow[] = [];
  for (const level of opening) {
    for (const path of ['direct', 'kit'] as const) {
      const f = level[path];
      const label = `open session ${path === 'direct' ? 'at sandbox' : 'via kit   '}, c=${level.concurrency}`;
      rows.push({ metric: `${label}: p50 / p95 ms`, value: `${f.p50} / ${f.p95}` });
      rows.push({
        metric: `${label}: req/s (n=${f.count}${f.failures ? `, ${f.failures} failed` : ''})`,
        value: `${f.requestsPerSecond}`,
      });
    }
  }
  if (sse)
    rows.push({
      metric: `notification → SSE: p50 ms (n=${sse.count}, missed ${sse.missed})`,
      value: `${sse.p50}`,
    });
  for (const check of budgets)
    rows.push({ metric: check.name, value: `${check.value}`, budget: check.budget, pass: check.pass });
  if (!sse) {
    rows.push({ metric: 'kit overhead, p95 at c=1 (ms)', value: `${overhead}` });
    rows.push({ metric: 'sessions/s via kit ÷ direct at c=64', value: `${kitShare}` });
  }
  printTable(`server-kit benchmark (${provider}, ${storeKind} store)`, rows);
  for (const level of opening)
    for (const path of ['direct', 'kit'] as const)
      if (level[path].firstFailure)
        console.log(`first failure (${path}, c=${level.concurrency}): ${level[path].firstFailure}`);

  const figures = {
    measuredAt: new Date().toISOString(),
    setup: {
      provider,
      processes: 'load generator, kit, sandbox: three processes on 127.0.0.1',
      store: storeKind === 'postgres' ? 'PostgreSQL 15 (local cluster, fsync off)' : 'PGlite in memory',
      sandboxLatencyMs: 0,
      warmupPerPath: warmup,
      sseSessions,
      // Above the CPU count, other work competed with the bench: the figures are noisy.
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAverage(),
    },
    openSession: opening,
    overheadP95C1Ms: overhead,
    sessionsPerSecondC64: c64.kit.requestsPerSecond,
    kitShareOfDirectC64: kitShare,
    ...(sse ? { notificationToSseMs: sse, budgets } : {}),
    kitSpans,
    ...(sse ? { withinBudget: budgets.every((check) => check.pass) } : {}),
  };
  const previous = (readResults().server ?? {}) as Record<string, unknown>;
  if (resultsSubKey) writeResultsKey('server', { ...previous, [resultsSubKey]: figures });
  else
    writeResultsKey('server', {
      ...figures,
      ...(previous.postgresStore ? { postgresStore: previous.postgresStore } : {}),
      ...(previous.paytech ? { paytech: previous.paytech } : {}),
    });
  printSpans(kitSpans);
  console.log(`\nwrote bench/results.json#server${resultsSubKey ? `.${resultsSubKey}` : ''}`);
} finally {
  await kit.stop();
  await sandbox.stop();
  await cluster?.stop();
}

/** Where the kit's time went, per phase: the heaviest spans (mean ms per call). */
function printSpans(phases: Record<string, SpanTotals>): void {
  for (const [phase, spans] of Object.entries(phases)) {
    console.log(`\nkit spans, ${phase} (calls, mean ms):`);
    const cpu = spans['process cpu (user + system)'];
    const loop = spans['event loop busy'];
    const requests = spans['http POST sessions']?.count ?? 0;
    if (cpu && requests > 0)
      console.log(
        `  kit CPU: ${cpu.totalMs} ms for ${requests} sessions = ${(cpu.totalMs / requests).toFixed(2)} ms each` +
          (loop ? `; event loop busy ${(loop.totalMs / requests).toFixed(2)} ms each` : ''),
      );
    const byThread = Object.entries(spans).filter(([name]) => name.startsWith('cpu: '));
    if (byThread.length > 0 && requests > 0)
      console.log(
        `  kit CPU by thread, ms per session: ${byThread
          .map(([name, span]) => `${name.slice(5)} ${(span.totalMs / requests).toFixed(2)}`)
          .join(', ')}`,
      );
    for (const [name, span] of Object.entries(spans)
      .filter(([name]) => !name.startsWith('cpu: '))
      .slice(0, 12))
      console.log(
        `  ${name.padEnd(44)}${String(span.count).padStart(7)}${span.meanMs.toFixed(3).padStart(11)}`,
      );
  }
}

/** `os.loadavg()` as an object (results.json stays in the formatter's layout: no number arrays). */
function loadAverage(): { '1m': number; '5m': number; '15m': number } {
  const [one, five, fifteen] = loadavg().map((value) => round(value, 2));
  return { '1m': one, '5m': five, '15m': fifteen };
}
