// The pages and the loopback server the element's cold benchmarks load (cold-render.ts,
// profile-first-render.ts, cold-vs-adyen.ts). The options are what server-kit answers for a
// ConnectPay merchant on its defaults: four methods, every shipped language (config `languages`
// defaults to the element's locales, see packages/server-kit/src/checkout.ts), the served bank
// countries and 40 banks of the chosen one.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const elementDist = `${root}packages/checkout-element/dist/`;

const LANGUAGES =
  'en ar bg cs da de el es et fa fi fr he hr hu it ja ko lt lv nb nl pl pt pt-BR ro ru sk sl sv tr uk zh-Hans';

export const OPTIONS = {
  mode: 'sandbox',
  amount: { value: 1999, currency: 'EUR' },
  methods: [
    { id: 'pis', label: 'Bank payment' },
    { id: 'card', label: 'Card' },
    { id: 'googlepay', label: 'Google Pay' },
    { id: 'applepay', label: 'Apple Pay' },
  ],
  banks: Array.from({ length: 40 }, (_, i) => ({ id: `bank-${i}`, name: `Test Bank ${i}`, country: 'DE' })),
  languages: LANGUAGES.split(' '),
  countries: ['AT', 'BE', 'DE', 'ES', 'FR', 'IT', 'LT', 'NL', 'PL', 'PT'],
  country: 'DE',
};

/**
 * In the page's performance.now() (0 = navigation start): `optionsAt` when the options response reached
 * the page (fetch variant), `readyAt` at `pay-checkout:ready`. The `options` and `ready` marks also land in
 * a trace.
 */
const STAMPS = `<script type="module">
const realFetch = window.fetch;
window.fetch = async (...args) => {
  const response = await realFetch(...args);
  if (String(args[0]).includes('/options')) { window.optionsAt = performance.now(); performance.mark('options'); }
  return response;
};
document.addEventListener('pay-checkout:ready', () => { window.readyAt = performance.now(); performance.mark('ready'); });
</script>`;

/**
 * The column both benchmarked checkouts sit in: the hosted pay page's (`main`, inline-size
 * min(100%, 32rem), packages/server-kit/src/pages/page-styles.ts), where a merchant page has its own.
 * Full-width on a 1280 px viewport, every field border crossed every tile of the page: about a third of
 * the time from ready to the first paint went to rasterizing them.
 */
export const COLUMN = '<main style="inline-size: min(100%, 32rem)">';

const head = (script: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${STAMPS}
<script type="module" src="${script}"></script></head><body>`;
const ATTRS = 'endpoint="/checkout" order="ord-1" country="DE" language="en"';

/** `fetch`: the embedded case (GET options); `inline`: the hosted pay page's (JSON child, no round trip). */
export function elementPage(variant: 'fetch' | 'inline', script = '/pay-checkout.bundle.js'): string {
  const inline =
    variant === 'inline' ? `<script type="application/json">${JSON.stringify(OPTIONS)}</script>` : '';
  return `${head(script)}${COLUMN}<pay-checkout ${ATTRS}>${inline}</pay-checkout></main></body></html>`;
}

/** Extra routes a harness adds: exact path → body and content type. */
export type Routes = Record<string, { body: string | Buffer; type: string }>;

/**
 * Serves `/fetch` and `/inline`, `GET /checkout/options`, `.js` files from `dirs` (URL prefix → folder;
 * by default the element's dist at `/`), plus `routes`. 127.0.0.1 only.
 */
export function serve(
  routes: Routes = {},
  dirs: Record<string, string> = { '/': elementDist },
): Promise<Server> {
  const pages: Routes = {
    '/fetch': { body: elementPage('fetch'), type: 'text/html' },
    '/inline': { body: elementPage('inline'), type: 'text/html' },
    '/checkout/options': { body: JSON.stringify(OPTIONS), type: 'application/json' },
    ...routes,
  };
  const prefixes = Object.keys(dirs).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const page = pages[path];
    if (page) return void res.writeHead(200, { 'content-type': page.type }).end(page.body);
    const prefix = prefixes.find((candidate) => path.startsWith(candidate));
    const file = prefix === undefined ? '' : `${dirs[prefix]}${path.slice(prefix.length)}`;
    if (file && !path.includes('..') && path.endsWith('.js') && existsSync(file)) {
      return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export const baseUrl = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return +sorted[Math.floor(sorted.length / 2)].toFixed(1);
};
