// Where the element's cold first render spends its time: `npx tsx bench/element/profile-first-render.ts`
// (from the repository root; PROFILE_RUNS=5, PROFILE_CPU=1, PROFILE_VARIANT=inline|fetch,
// PROFILE_DIST=<another build's dist folder>).
// Each run is a fresh browser context loading the benchmark page (bench/element/cold-page.ts) with a
// Chromium trace (devtools.timeline) and a V8 sampling profile (CDP Profiler, 100 µs). Printed, as
// medians over the runs, for navigation start → `pay-checkout:ready`:
//   (PROFILE_VARIANT=fetch: for options response → `pay-checkout:ready`, the fetch variant's budget window)
//   - the renderer main thread's self time by trace event (compile, script, style, layout, parse, …);
//   - the JavaScript self time by function. PROFILE_READABLE=1 profiles an unminified esbuild bundle of
//     the element's source instead of dist/, so the functions carry their own names.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { chromiumExecutablePath } from '../../scripts/chromium.mjs';
import { benchBrowserArgs } from './cold-context.js';
import { baseUrl, median, root, serve } from './cold-page.js';

const RUNS = Number(process.env.PROFILE_RUNS ?? 5);
const CPU = Number(process.env.PROFILE_CPU ?? 1);
const VARIANT = process.env.PROFILE_VARIANT === 'fetch' ? 'fetch' : 'inline';
const AFTER_READY = !!process.env.PROFILE_AFTER_READY;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the category records it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string } };
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/**
 * The trace's window: from navigation start (or the `options` mark, fetch variant) to the `ready` mark;
 * PROFILE_AFTER_READY=1: from the `ready` mark to the first contentful paint (what the shopper waits
 * for after ready: style, layout, paint and whatever else runs first).
 */
function traceWindow(events: TraceEvent[]): { ready: TraceEvent; start: number } {
  const mark = events.find((e) => e.name === 'ready' && e.ph !== 'M');
  const paint = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === mark?.pid);
  if (AFTER_READY && mark && paint) return { ready: paint, start: mark.ts };
  const ready = events.find((e) => e.name === 'ready' && e.ph !== 'M');
  if (!ready) throw new Error('no ready mark in the trace');
  const options = events.find((e) => e.name === 'options' && e.ph !== 'M' && e.pid === ready.pid);
  // The last navigation start before ready: the first one is the new tab's about:blank.
  const navigation = Math.max(
    0,
    ...events
      .filter((e) => e.name === 'navigationStart' && e.pid === ready.pid && e.ts < ready.ts)
      .map((e) => e.ts),
  );
  return { ready, start: VARIANT === 'fetch' && options ? options.ts : navigation };
}

/** Self time (ms) per event name on the page's renderer main thread, in the trace's window. */
function mainThreadSelfTimes(events: TraceEvent[]): Map<string, number> {
  const { ready, start } = traceWindow(events);
  const main = events.find(
    (e) =>
      e.ph === 'M' && e.name === 'thread_name' && e.pid === ready.pid && e.args?.name === 'CrRendererMain',
  );
  const complete = events
    .filter(
      (e) => e.ph === 'X' && e.pid === ready.pid && e.tid === main?.tid && e.ts >= start && e.ts <= ready.ts,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Self time: an event's duration minus its direct children's (nesting by time on one thread).
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  let cpu = 0;
  for (const event of complete) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= event.ts) stack.pop();
    const parent = stack.at(-1);
    if (!parent) cpu += (event.tdur ?? 0) / 1000;
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - event.dur! / 1000);
    self.set(event.name, (self.get(event.name) ?? 0) + event.dur! / 1000);
    stack.push(event);
  }
  self.set(
    `(window: ${AFTER_READY ? 'ready → shown' : `${VARIANT === 'fetch' ? 'options' : 'navigation start'} → ready`})`,
    (ready.ts - start) / 1000,
  );
  self.set('(main thread CPU time in the window)', cpu);
  return self;
}

const frameKey = (frame: CpuProfile['nodes'][number]['callFrame']) => {
  const file = frame.url.split('/').pop() || '';
  return `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
};

/**
 * JavaScript time (ms) per function (`name file:line`), from the sampled profile: `self` where the
 * sample was taken, `total` with everything it called (each function once per sample).
 */
function functionTimes(
  profile: CpuProfile,
  from: number,
  to: number,
): { self: Map<string, number>; total: Map<string, number> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  // Sample timestamps share the trace's clock (µs): only the samples inside the window count.
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at < from || at > to) return;
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    const key = frameKey(byId.get(id)!.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const name = frameKey(byId.get(node)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  return { self, total };
}

async function once(browser: Browser, url: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'v8.execute',
      ],
    });
    await page.goto(url);
    await page.waitForFunction(() => (window as { readyAt?: number }).readyAt !== undefined);
    // The paint may come after the ready stamp: wait for it (the end of the PROFILE_AFTER_READY window).
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          new PerformanceObserver((list) => {
            if (list.getEntriesByName('first-contentful-paint').length) resolve();
          }).observe({ type: 'paint', buffered: true }),
        ),
    );
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const { ready, start } = traceWindow(trace.traceEvents);
    return { events: mainThreadSelfTimes(trace.traceEvents), ...functionTimes(profile, start, ready.ts) };
  } finally {
    await context.close();
  }
}

/** An unminified single-file bundle of the element's source (its locale chunks beside it). */
async function readableBuild(): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'pay-checkout-profile-'));
  await build({
    entryPoints: { 'pay-checkout.bundle': `${root}packages/checkout-element/src/index.ts` },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source'],
    chunkNames: 'locales/[name]',
    outdir,
    logLevel: 'warning',
  });
  return `${outdir}/`;
}

function printTop(title: string, samples: Map<string, number>[], count: number): void {
  const names = new Set(samples.flatMap((sample) => [...sample.keys()]));
  const rows = [...names]
    .map((name) => [name, median(samples.map((sample) => sample.get(name) ?? 0))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
  console.log(`\n${title}`);
  for (const [name, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

const dist = process.env.PROFILE_READABLE ? await readableBuild() : process.env.PROFILE_DIST;
const server = await serve({}, dist ? { '/': `${dist.replace(/\/$/, '')}/` } : undefined);
const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: benchBrowserArgs });
try {
  const url = `${baseUrl(server)}/${VARIANT}`;
  await once(browser, url); // the browser process itself warms once
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await once(browser, url));
  console.log(`\n<pay-checkout> cold first render, ${VARIANT} options, ${CPU}x CPU, medians of ${RUNS} runs`);
  printTop(
    'renderer main thread, self time by trace event:',
    runs.map((r) => r.events),
    18,
  );
  printTop(
    'JavaScript, self time by function:',
    runs.map((r) => r.self),
    25,
  );
  printTop(
    'JavaScript, total time by function (with callees):',
    runs.map((r) => r.total),
    40,
  );
} finally {
  await browser.close();
  server.close();
}
