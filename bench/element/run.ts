// Element benchmark: `npx tsx bench/element/run.ts` (from the repository root).
// 1. gzip size (level 9) of the script-tag file, budget 15 KB, and of each locale chunk, budget 2 KB;
// 2. in headless Chromium, the time from the options response reaching the page to an interactive
//    element (the `pay-checkout:ready` event, fired after the pickers and Pay button rendered),
//    budget 50 ms, without and with 4x CPU throttling.
// Prints a table and merges its figures into bench/results.json under `element` (read-modify-write:
// other benchmarks own other keys).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutablePath } from '../../scripts/chromium.mjs';
import { writeResultsKey } from '../server/results-file.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}packages/checkout-element/dist/`;
const BUNDLE_BUDGET = 15 * 1024;
const LOCALE_BUDGET = 2 * 1024;
const READY_BUDGET_MS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function sizes() {
  const bundle = gzipBytes(`${dist}pay-checkout.bundle.js`);
  const locales = Object.fromEntries(
    readdirSync(`${dist}locales`)
      .filter((file) => file.endsWith('.js'))
      .map((file) => [file.replace(/\.js$/, ''), gzipBytes(`${dist}locales/${file}`)]),
  );
  return { bundle, locales, largestLocale: Math.max(...Object.values(locales)) };
}

const OPTIONS = {
  mode: 'sandbox',
  amount: { value: 1999, currency: 'EUR' },
  methods: [
    { id: 'pis', label: 'Pay by bank' },
    { id: 'card', label: 'Card' },
  ],
  banks: Array.from({ length: 40 }, (_, i) => ({ id: `bank-${i}`, name: `Test Bank ${i}`, country: 'DE' })),
  languages: ['en', 'de', 'fr', 'ar'],
};

// The page wraps fetch at the network edge to stamp when the options response arrived, and listens
// for pay-checkout:ready; both stamps use the page's performance.now().
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module">
const realFetch = window.fetch;
window.fetch = async (...args) => {
  const response = await realFetch(...args);
  if (String(args[0]).includes('/options')) window.optionsAt = performance.now();
  return response;
};
document.addEventListener('pay-checkout:ready', () => { window.readyAt = performance.now(); });
</script>
<script type="module" src="/pay-checkout.bundle.js"></script></head>
<body><pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en" bank="bank-3"></pay-checkout></body></html>`;

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (path === '/checkout/options') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(OPTIONS));
    }
    const file = `${dist}${path.slice(1)}`;
    if (!path.includes('..') && path.endsWith('.js') && existsSync(file)) {
      return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    median: +at(0.5).toFixed(2),
    p95: +at(0.95).toFixed(2),
    max: +sorted.at(-1)!.toFixed(2),
    runs: samples.length,
  };
}

async function readyTimes(url: string, cpuThrottling: number): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutablePath,
    args: chromiumArgs,
  });
  try {
    const samples: number[] = [];
    for (let run = 0; run < RUNS + 2; run++) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
      await page.goto(url);
      await page.waitForFunction(() => (window as { readyAt?: number }).readyAt !== undefined);
      const ms = await page.evaluate(() => {
        const w = window as unknown as { readyAt: number; optionsAt: number };
        return w.readyAt - w.optionsAt;
      });
      if (run >= 2) samples.push(ms); // the first runs warm the browser's caches
      await page.close();
    }
    return samples;
  } finally {
    await browser.close();
  }
}

if (!existsSync(`${dist}pay-checkout.bundle.js`)) {
  execSync('npm run build -w @pay-checkout/element', { cwd: root, stdio: 'inherit' });
}
const size = sizes();
const server = await serve();
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
let ready: { median: number; p95: number; max: number; runs: number };
let readyThrottled: typeof ready;
try {
  ready = stats(await readyTimes(url, 1));
  readyThrottled = stats(await readyTimes(url, 4));
} finally {
  server.close();
}

const rows = [
  ['script-tag file, gzip', `${(size.bundle / 1024).toFixed(2)} KB`, '15 KB', size.bundle <= BUNDLE_BUDGET],
  [
    'largest locale chunk, gzip',
    `${(size.largestLocale / 1024).toFixed(2)} KB`,
    '2 KB',
    size.largestLocale <= LOCALE_BUDGET,
  ],
  [
    'options → interactive, median',
    `${ready.median} ms`,
    `${READY_BUDGET_MS} ms`,
    ready.median <= READY_BUDGET_MS,
  ],
  ['options → interactive, p95', `${ready.p95} ms`, '', true],
  ['… with 4× CPU throttling, median', `${readyThrottled.median} ms`, '(report)', true],
  ['… with 4× CPU throttling, p95', `${readyThrottled.p95} ms`, '', true],
] as const;
console.log(`\n<pay-checkout> benchmark (${RUNS} runs each, headless Chromium)\n`);
console.log(`${'metric'.padEnd(36)}${'value'.padStart(12)}${'budget'.padStart(10)}  ok`);
for (const [metric, value, budget, ok] of rows) {
  console.log(`${metric.padEnd(36)}${value.padStart(12)}${budget.padStart(10)}  ${ok ? 'yes' : 'NO'}`);
}

writeResultsKey('element', {
  measuredAt: new Date().toISOString(),
  bundleGzipBytes: size.bundle,
  bundleBudgetBytes: BUNDLE_BUDGET,
  localeGzipBytes: size.locales,
  localeBudgetBytes: LOCALE_BUDGET,
  optionsToInteractiveMs: ready,
  optionsToInteractiveMs4xCpu: readyThrottled,
  interactiveBudgetMs: READY_BUDGET_MS,
  withinBudget: rows.every((row) => row[3]),
});
console.log(`\nwrote bench/results.json#element`);
