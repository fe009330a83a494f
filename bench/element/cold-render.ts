// Cold first render of <pay-checkout>: `npx tsx bench/element/cold-render.ts` (from the repository root).
// Every run is a fresh browser context (bench/element/cold-context.ts), interleaving the two ways the
// element gets its options (bench/element/cold-page.ts):
//   fetch  - the element asks GET options (the embedded case): options response → ready;
//   inline - the page hands the options over in a `<script type="application/json">` child (what
//            server-kit's hosted pay page does), no round trip: script received → ready, i.e. all the
//            element's own work (compile, evaluate, render) with its options in hand.
// Both also from navigation start, and the inline page's navigation start → shown (first contentful
// paint: the form with its method list, the page's only text). At 1x and 4x CPU (CDP throttling). Prints medians; BENCH_RUNS
// (default 15) runs per variant. BENCH_BASELINE=<a dist folder> (say a copy of an earlier
// packages/checkout-element/dist) runs that build too, interleaved, for a before/after.
import { chromium } from 'playwright-core';
import { chromiumExecutablePath } from '../../scripts/chromium.mjs';
import { benchBrowserArgs, type ColdSample, coldRun } from './cold-context.js';
import { baseUrl, elementDist, elementPage, median, serve } from './cold-page.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BASELINE = process.env.BENCH_BASELINE;

const builds = BASELINE ? ['current', 'baseline'] : ['current'];
const server = await serve(
  {
    '/baseline/fetch': { body: elementPage('fetch', '/baseline/pay-checkout.bundle.js'), type: 'text/html' },
    '/baseline/inline': {
      body: elementPage('inline', '/baseline/pay-checkout.bundle.js'),
      type: 'text/html',
    },
  },
  { '/': elementDist, ...(BASELINE ? { '/baseline/': `${BASELINE.replace(/\/$/, '')}/` } : {}) },
);
const base = baseUrl(server);
const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: benchBrowserArgs });
const ms = (samples: ColdSample[], pick: (s: ColdSample) => number | undefined) =>
  `${median(samples.map((s) => pick(s) ?? Number.NaN))} ms`;
try {
  console.log(`\n<pay-checkout> cold first render (${RUNS} fresh contexts per variant, interleaved)\n`);
  console.log(
    `${'cpu build'.padEnd(14)}${'fetch: options→ready'.padStart(22)}${'fetch: nav→ready'.padStart(18)}${'inline: script→ready'.padStart(22)}${'inline: nav→ready'.padStart(19)}${'inline: nav→shown'.padStart(19)}`,
  );
  for (const cpu of [1, 4]) {
    const samples: Record<string, { fetch: ColdSample[]; inline: ColdSample[] }> = {};
    await coldRun(browser, `${base}/fetch`, cpu, 'pay-checkout.bundle'); // the browser process itself warms once
    for (let run = 0; run < RUNS; run++) {
      for (const build of builds) {
        const at = build === 'current' ? base : `${base}/baseline`;
        samples[build] ??= { fetch: [], inline: [] };
        samples[build].fetch.push(await coldRun(browser, `${at}/fetch`, cpu, 'pay-checkout.bundle'));
        samples[build].inline.push(await coldRun(browser, `${at}/inline`, cpu, 'pay-checkout.bundle'));
      }
    }
    for (const build of builds) {
      const { fetch, inline } = samples[build];
      console.log(
        `${`${cpu}x ${build}`.padEnd(14)}${ms(fetch, (s) => s.optionsToReady).padStart(22)}${ms(fetch, (s) => s.navigationToReady).padStart(18)}${ms(inline, (s) => s.scriptToReady).padStart(22)}${ms(inline, (s) => s.navigationToReady).padStart(19)}${ms(inline, (s) => s.navigationToShown).padStart(19)}`,
      );
    }
  }
} finally {
  await browser.close();
  server.close();
}
