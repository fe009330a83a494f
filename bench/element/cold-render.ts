// Cold first render of <pay-checkout>: `npx tsx bench/element/cold-render.ts` (from the repository root).
// Every run is a fresh browser context (empty HTTP and code caches for the page, as a shopper's first
// visit), interleaving the two ways the element gets its options:
//   fetch  - the element asks GET options (the embedded case); measured from the options response
//            reaching the page to `pay-checkout:ready`, and from navigation start to ready;
//   inline - the page hands the options over in a `<script type="application/json">` child (what
//            server-kit's hosted pay page does): no round trip; measured from navigation start to ready.
// At 1x and 4x CPU (CDP throttling). Prints medians; BENCH_RUNS (default 15) runs per variant.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutablePath } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}packages/checkout-element/dist/`;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const OPTIONS = {
  mode: 'sandbox',
  amount: { value: 1999, currency: 'EUR' },
  methods: [
    { id: 'pis', label: 'Bank payment' },
    { id: 'card', label: 'Card' },
  ],
  banks: Array.from({ length: 40 }, (_, i) => ({ id: `bank-${i}`, name: `Test Bank ${i}`, country: 'DE' })),
  languages: ['en', 'de', 'fr', 'ar'],
  countries: ['DE', 'LT', 'FR'],
  country: 'DE',
};

// Stamps in the page's performance.now() (0 = navigation start): options arrival and ready.
const HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module">
const realFetch = window.fetch;
window.fetch = async (...args) => {
  const response = await realFetch(...args);
  if (String(args[0]).includes('/options')) window.optionsAt = performance.now();
  return response;
};
document.addEventListener('pay-checkout:ready', () => { window.readyAt = performance.now(); });
</script>
<script type="module" src="/pay-checkout.bundle.js"></script></head><body>`;
const ATTRS = 'endpoint="/checkout" order="ord-1" country="DE" language="en"';
const PAGES: Record<string, string> = {
  '/fetch': `${HEAD}<pay-checkout ${ATTRS}></pay-checkout></body></html>`,
  '/inline': `${HEAD}<pay-checkout ${ATTRS}><script type="application/json">${JSON.stringify(OPTIONS)}</script></pay-checkout></body></html>`,
};

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (PAGES[path]) return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGES[path]);
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

interface Sample {
  optionsToReady?: number;
  navigationToReady: number;
}

async function once(browser: Browser, url: string, cpu: number): Promise<Sample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.goto(url);
    await page.waitForFunction(() => (window as { readyAt?: number }).readyAt !== undefined);
    return await page.evaluate(() => {
      const w = window as unknown as { readyAt: number; optionsAt?: number };
      return {
        navigationToReady: w.readyAt,
        ...(w.optionsAt === undefined ? {} : { optionsToReady: w.readyAt - w.optionsAt }),
      };
    });
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return +sorted[Math.floor(sorted.length / 2)].toFixed(1);
};

const server = await serve();
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: chromiumArgs });
try {
  console.log(`\n<pay-checkout> cold first render (${RUNS} fresh contexts per variant, interleaved)\n`);
  console.log(
    `${'cpu'.padEnd(5)}${'fetch: options→ready'.padStart(22)}${'fetch: nav→ready'.padStart(18)}${'inline: nav→ready'.padStart(19)}`,
  );
  for (const cpu of [1, 4]) {
    const fetched: Sample[] = [];
    const inline: Sample[] = [];
    await once(browser, `${base}/fetch`, cpu); // the browser process itself warms once
    for (let run = 0; run < RUNS; run++) {
      fetched.push(await once(browser, `${base}/fetch`, cpu));
      inline.push(await once(browser, `${base}/inline`, cpu));
    }
    const row = [
      `${median(fetched.map((s) => s.optionsToReady ?? Number.NaN))} ms`,
      `${median(fetched.map((s) => s.navigationToReady))} ms`,
      `${median(inline.map((s) => s.navigationToReady))} ms`,
    ];
    console.log(`${`${cpu}x`.padEnd(5)}${row[0].padStart(22)}${row[1].padStart(18)}${row[2].padStart(19)}`);
  }
} finally {
  await browser.close();
  server.close();
}
