// The footprint benchmark (issue 14 "Footprint", docs/footprint.md): a real kit process, as a host runs
// it (compiled JavaScript: server-kit's dist/, the entry bundled with esbuild), on
//   (a) PGlite, on a data directory that already exists (a first start/stop prepares it), and
//   (b) PostgreSQL, on a throw-away local cluster (server-kit's test helper, as BENCH_STORE=postgres);
// measures spawn → first answered request (GET health, then POST sessions), RSS idle after the first
// request and a settle, and RSS after 100 sessions; then the demo's RSS, for information.
//
//   node --import tsx bench/footprint/run.ts            # builds contract + server-kit first
//   node --import tsx bench/footprint/run.ts --no-build # uses the dist/ already there
//   … --runs 5 --settle-ms 5000 --sessions 100 --no-demo --only pglite|postgres
//   … --compare <git ref>   # also server-kit as it was at <ref>, started in turn with the current one
//
// Prints one PASS/MISS line per budget and writes bench/results.json under `footprint`. Exits 0 when a
// budget is missed (bench/run.ts's rule); 1 only when the benchmark could not run.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SANDBOX_CLIENT } from '@pay-checkout/sandbox';
import { unusedPort } from '../../packages/server-kit/test/helpers/unused-port.js';
import { startChild } from '../server/child-process.js';
import { writeResultsKey } from '../server/results-file.js';
import { type FootprintBudget, footprintBudgets } from './budgets.js';
import { buildServerKitAt, bundleKitServer } from './bundle.js';
import { measureDemo } from './demo-probe.js';
import { type KitStartFigures, measureKitStart } from './kit-probe.js';

const { values: args } = parseArgs({
  options: {
    build: { type: 'boolean', default: true },
    'no-build': { type: 'boolean', default: false },
    demo: { type: 'boolean', default: true },
    'no-demo': { type: 'boolean', default: false },
    /** `pglite` or `postgres`: measure one store only (the demo still runs unless --no-demo). */
    only: { type: 'string' },
    /** A git ref: server-kit as it was there is measured too, each run alternating with the current. */
    compare: { type: 'string' },
    runs: { type: 'string', default: '3' },
    sessions: { type: 'string', default: '100' },
    'settle-ms': { type: 'string', default: '5000' },
  },
});
const runs = Number(args.runs);
const sessions = Number(args.sessions);
const settleMs = Number(args['settle-ms']);
const root = fileURLToPath(new URL('../../', import.meta.url));

const load = () => loadavg().map((value) => Math.round(value * 100) / 100);
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

export interface StoreFigures {
  store: string;
  runs: KitStartFigures[];
  median: Omit<KitStartFigures, 'sessions'>;
  /** The load average (1, 5, 15 min) when the runs ended. */
  loadAverage: number[];
  /** PGlite: the start that created the data directory (initdb), for information. */
  firstStart?: KitStartFigures;
}

function summarize(store: string, figures: KitStartFigures[]): StoreFigures {
  const pick = (key: keyof Omit<KitStartFigures, 'sessions'>) => median(figures.map((f) => f[key]));
  return {
    store,
    runs: figures,
    median: {
      firstHealthMs: pick('firstHealthMs'),
      cpuMsToFirstAnswer: pick('cpuMsToFirstAnswer'),
      firstSessionMs: pick('firstSessionMs'),
      rssIdleMb: pick('rssIdleMb'),
      rssAfterSessionsMb: pick('rssAfterSessionsMb'),
      peakRssMb: pick('peakRssMb'),
    },
    loadAverage: load(),
  };
}

if (args.build && !args['no-build']) {
  console.log('footprint: building contract and server-kit (dist/) …');
  const build = spawnSync(
    'npm',
    ['run', 'build', '-w', '@pay-checkout/contract', '-w', '@pay-checkout/server-kit'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (build.status !== 0) throw new Error('the build failed');
}
/** What is measured: the current server-kit, and with --compare the one at that ref, in turn. */
const variants = [{ name: 'current', file: await bundleKitServer() }];
if (args.compare) {
  console.log(`footprint: building server-kit as it was at ${args.compare} …`);
  const entry = await buildServerKitAt(args.compare);
  variants.push({ name: args.compare, file: await bundleKitServer(entry) });
}
const sandbox = await startChild(new URL('../server/sandbox-process.ts', import.meta.url), {});
const sandboxUrl = sandbox.ready.connectPayUrl as string;
const kitEnv = { SANDBOX_URL: sandboxUrl, CONNECTPAY_CLIENT: JSON.stringify(SANDBOX_CLIENT) };
const startKit = async (env: Record<string, string>, count = sessions, file = variants[0].file) =>
  measureKitStart({
    file,
    env: { ...kitEnv, ...env },
    port: await unusedPort(),
    sessions: count,
    settleMs,
  });

const work = await mkdtemp(path.join(tmpdir(), 'pay-checkout-footprint-'));
let pglite: StoreFigures | undefined;
let postgres: StoreFigures | undefined;
const baseline: Record<string, StoreFigures> = {};

/** `runs` starts of each variant, alternating, on one prepared store; the current one's figures. */
async function measureStore(label: string, env: Record<string, string>): Promise<StoreFigures> {
  const figures = new Map<string, KitStartFigures[]>(variants.map((v) => [v.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const variant of variants) {
      const run = await startKit(env, sessions, variant.file);
      figures.get(variant.name)?.push(run);
      console.log(`  ${label}, ${variant.name}, run ${i + 1}: ${JSON.stringify(run)}`);
    }
  }
  if (args.compare) baseline[label] = summarize(label, figures.get(args.compare) ?? []);
  return summarize(label, figures.get('current') ?? []);
}
let demo: Awaited<ReturnType<typeof measureDemo>> | undefined;
try {
  // (a) PGlite: the first start creates and migrates the data directory; the measured ones reopen it.
  if (args.only !== 'postgres') {
    const dataDir = path.join(work, 'pglite');
    console.log(`footprint: PGlite, preparing ${dataDir} (first start, not measured) …`);
    const firstStart = await startKit({ PAY_CHECKOUT_DATA: dataDir }, 0);
    console.log(`  PGlite, first start (new data directory): ${JSON.stringify(firstStart)}`);
    pglite = {
      ...(await measureStore('PGlite (data directory prepared by an earlier start)', {
        PAY_CHECKOUT_DATA: dataDir,
      })),
      firstStart,
    };
  }

  // (b) PostgreSQL: a throw-away cluster; the first start migrates the database, as in (a).
  const { pgClusterUnavailable, startPgCluster } = await import(
    '../../packages/server-kit/test/helpers/pg-cluster.js'
  );
  const unavailable = pgClusterUnavailable();
  if (args.only === 'pglite') console.log('footprint: PostgreSQL not measured (--only pglite)');
  else if (unavailable) console.log(`footprint: PostgreSQL skipped: ${unavailable}`);
  else {
    const cluster = await startPgCluster();
    try {
      const url = await cluster.createDatabase('footprint');
      console.log('footprint: PostgreSQL, preparing the database (first start, not measured) …');
      await startKit({ DATABASE_URL: url }, 0);
      postgres = await measureStore('PostgreSQL 15 (local cluster, fsync off)', { DATABASE_URL: url });
    } finally {
      await cluster.stop();
    }
  }

  if (args.demo && !args['no-demo']) {
    console.log('footprint: the demo (npm start without the build), for information …');
    demo = await measureDemo({ dataDir: path.join(work, 'demo'), settleMs });
  }
} finally {
  await sandbox.stop();
  await rm(work, { recursive: true, force: true });
}

const budgets: FootprintBudget[] = footprintBudgets(pglite, postgres);
writeResultsKey('footprint', {
  at: new Date().toISOString(),
  node: process.version,
  sessions,
  settleMs,
  pglite,
  postgres,
  demo,
  ...(args.compare ? { baseline: { ref: args.compare, ...baseline } } : {}),
  budgets,
  loadAverage: load(),
});
console.log(`\nfootprint (medians of ${runs} starts; load average ${load().join(', ')})`);
for (const budget of budgets) {
  console.log(
    `  ${budget.pass ? 'PASS' : 'MISS'}  ${budget.name}: ${budget.value} (budget ${budget.budget})`,
  );
}
if (pglite) {
  console.log(`  info  PGlite RSS after ${sessions} sessions: ${pglite.median.rssAfterSessionsMb} MB`);
  console.log(`  info  PGlite first start (initdb): ${JSON.stringify(pglite.firstStart)}`);
}
if (postgres)
  console.log(`  info  PostgreSQL RSS after ${sessions} sessions: ${postgres.median.rssAfterSessionsMb} MB`);
for (const figures of [pglite, postgres]) {
  if (figures)
    console.log(`  info  ${figures.store}: CPU to the first answer ${figures.median.cpuMsToFirstAnswer} ms`);
}
for (const [label, figures] of Object.entries(baseline)) {
  console.log(`  before (${args.compare}) ${label}: ${JSON.stringify(figures.median)}`);
}
if (demo) console.log(`  info  demo RSS idle: ${demo.rssIdleMb} MB (kit, sandbox and shop in one process)`);
