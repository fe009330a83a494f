// One cold run: a fresh browser context (empty HTTP cache and code cache for the page, as on a
// shopper's first visit), CPU throttled through CDP, every request that is not to 127.0.0.1 refused.
// The page stamps `window.readyAt` (and, when it fetches its options, `window.optionsAt`) in its
// performance.now(), 0 being navigation start.
import type { Browser } from 'playwright-core';

export interface ColdSample {
  /** Navigation start → ready. */
  navigationToReady: number;
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
    // Nothing may leave the machine: Adyen's Drop-in would fetch logos, its analytics and Google's pay.js.
    await context.route(
      (address) => address.hostname !== '127.0.0.1',
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.goto(url);
    await page.waitForFunction(() => (window as { readyAt?: number }).readyAt !== undefined, undefined, {
      timeout: 30_000,
    });
    return await page.evaluate((script) => {
      const w = window as unknown as { readyAt: number; optionsAt?: number };
      const loaded = performance.getEntriesByType('resource').find((entry) => entry.name.includes(script)) as
        | PerformanceResourceTiming
        | undefined;
      return {
        navigationToReady: w.readyAt,
        scriptToReady: w.readyAt - (loaded?.responseEnd ?? Number.NaN),
        ...(w.optionsAt === undefined ? {} : { optionsToReady: w.readyAt - w.optionsAt }),
      };
    }, script);
  } finally {
    await context.close();
  }
}
