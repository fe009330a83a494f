// One cold run: a fresh browser context (empty HTTP cache and code cache for the page, as on a
// shopper's first visit), CPU throttled through CDP. Nothing leaves 127.0.0.1: the browser resolves no
// other host name (`benchBrowserArgs`: Chromium itself would look up google.com for the Google Pay
// payment manifest), and every page request elsewhere is refused, except the two wallet SDKs Adyen's
// Drop-in loads, answered with stubs (bench/element/adyen-page.ts). Every page gets the same routing,
// so each request of each page pays the same interception cost.
// The page stamps `window.readyAt` (and, when it fetches its options, `window.optionsAt`) in its
// performance.now(), 0 being navigation start.
import type { Browser } from 'playwright-core';
import { chromiumArgs } from '../../scripts/chromium.mjs';
import { WALLET_SDK_STUBS } from './adyen-page.js';

export const benchBrowserArgs = [...chromiumArgs, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export interface ColdSample {
  /** Navigation start → ready. */
  navigationToReady: number;
  /** Navigation start → first contentful paint: the method list on screen (nothing else on the page has text). */
  navigationToShown: number;
  /** The page's main script fully received (resource timing `responseEnd`) → ready. */
  scriptToReady: number;
  /** The options response reached the page → ready (pages that fetch their options). */
  optionsToReady?: number;
}

/** Loads `url` in a fresh context; `script` is a substring of the main script's URL. */
export async function coldRun(
  browser: Browser,
  url: string,
  cpu: number,
  script: string,
): Promise<ColdSample> {
  const context = await browser.newContext();
  try {
    await context.route(
      (address) => address.hostname !== '127.0.0.1',
      (route) => {
        const stub = WALLET_SDK_STUBS[route.request().url()];
        return stub === undefined
          ? route.abort('blockedbyclient')
          : route.fulfill({ body: stub, contentType: 'text/javascript' });
      },
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.goto(url);
    await page.waitForFunction(() => (window as { readyAt?: number }).readyAt !== undefined, undefined, {
      timeout: 30_000,
    });
    return await page.evaluate(async (script) => {
      const w = window as unknown as { readyAt: number; optionsAt?: number };
      const loaded = performance.getEntriesByType('resource').find((entry) => entry.name.includes(script)) as
        | PerformanceResourceTiming
        | undefined;
      // The paint may come after the ready stamp: wait for its entry.
      const shown = await new Promise<number>((resolve) =>
        new PerformanceObserver((list) => {
          const paint = list.getEntriesByName('first-contentful-paint')[0];
          if (paint) resolve(paint.startTime);
        }).observe({ type: 'paint', buffered: true }),
      );
      return {
        navigationToReady: w.readyAt,
        navigationToShown: shown,
        scriptToReady: w.readyAt - (loaded?.responseEnd ?? Number.NaN),
        ...(w.optionsAt === undefined ? {} : { optionsToReady: w.readyAt - w.optionsAt }),
      };
    }, script);
  } finally {
    await context.close();
  }
}
