import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page, test } from '@playwright/test';

/**
 * The README's way of loading the element must be one Chromium checks with Subresource Integrity
 * (issue 17): a placeholder such as `integrity="sha384-…"` is no hash, and a browser then runs the
 * script unchecked. So the page under test is the README's own snippet (its html block with
 * `<pay-checkout>`), with `${elementTag}` filled in by `checkout.elementTag()` as the README says,
 * served as `https://shop.test/` from Playwright's router (nothing leaves the machine). A byte changed
 * in the script must keep the element from being defined; the real bytes must define it.
 */
const SHOP = 'https://shop.test';
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const BUNDLE = readFileSync(
  createRequire(import.meta.url).resolve('@pay-checkout/element/bundle'), // dist/pay-checkout.bundle.js
);

/** The README's fenced blocks of one language. */
function fenced(language: string): string[] {
  return [...README.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]);
}

// The README's placeholder for the printed tag, as written there (a literal, not a template).
const TAG_PLACEHOLDER = ['$', '{elementTag}'].join('');

/** The README's page snippet, its tag filled in the way the README documents it. */
function readmePage(elementTag: string): string {
  const snippet = fenced('html').find((block) => block.includes('<pay-checkout'));
  if (!snippet) throw new Error('README.md: no html block with <pay-checkout>');
  if (snippet.includes(TAG_PLACEHOLDER)) {
    const documented = fenced('ts').some((block) => /=\s*await checkout\.elementTag\(\)/.test(block));
    if (!documented)
      throw new Error(`README.md uses ${TAG_PLACEHOLDER} but does not say it is checkout.elementTag()`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title></head><body>
${snippet.replace(TAG_PLACEHOLDER, elementTag)}</body></html>`;
}

/** The same script with one byte changed inside a string, so it still runs where nothing checks it. */
function tampered(): Buffer {
  const at = BUNDLE.indexOf('Payment method');
  expect(at, 'a message to change in the bundle').toBeGreaterThan(0);
  const copy = Buffer.from(BUNDLE);
  copy[at] = 'p'.charCodeAt(0);
  return copy;
}

/** Serves the shop's page and its `/checkout/element.js` (everything else: 404); resolves once loaded. */
async function open(page: Page, html: string, script: Buffer): Promise<void> {
  await page.route(`${SHOP}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ body: html, contentType: 'text/html' });
    if (path === '/checkout/element.js') {
      return route.fulfill({
        body: script,
        contentType: 'text/javascript',
        headers: { 'access-control-allow-origin': SHOP },
      });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  const loaded = page.waitForEvent('requestfinished', (request) => request.url().endsWith('/element.js'));
  await page.goto(`${SHOP}/`);
  await loaded;
}

const defined = (page: Page) => page.evaluate(() => customElements.get('pay-checkout') !== undefined);

/**
 * `await checkout.elementTag()` of a kit mounted at `https://shop.test/checkout`, as a merchant's server
 * prints it. In a child process: the kit opens its store on creation, and PGlite's start would stall
 * this worker, which answers the page's requests.
 */
function elementTag(): string {
  const program = `
    import { SANDBOX_CLIENT } from '@pay-checkout/sandbox';
    import { connectpay, createCheckout, pgliteStore } from '@pay-checkout/server-kit';
    const checkout = createCheckout({
      providers: [connectpay({ ...SANDBOX_CLIENT, baseUrl: 'http://127.0.0.1:9/connectpay' })], // never called
      resolveOrder: async () => undefined,
      store: pgliteStore({ memory: true }),
      publicUrl: '${SHOP}/checkout',
      allowedOrigins: ['${SHOP}'],
      poll: false,
      logLevel: 'silent',
    });
    process.stdout.write(await checkout.elementTag());
    process.exit(0);`;
  return execFileSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--input-type=module', '--eval', program],
    { cwd: new URL('..', import.meta.url), encoding: 'utf8', timeout: 60_000 },
  );
}

test.describe('the README snippet loads the element only with its SRI hash', () => {
  let tag: string;

  test.beforeAll(() => {
    tag = elementTag();
    expect(tag).toMatch(
      /^<script type="module" src="https:\/\/shop\.test\/checkout\/element\.js" integrity="sha384-/,
    );
  });

  test('the real bytes define <pay-checkout>', async ({ page }) => {
    await open(page, readmePage(tag), BUNDLE);
    await expect.poll(() => defined(page)).toBe(true);
  });

  test('a changed byte is blocked by Chromium', async ({ page }) => {
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    await open(page, readmePage(tag), tampered());
    const refused = () => messages.some((text) => /integrity/i.test(text));
    // Either Chromium refuses the script or the script runs: wait for whichever comes, then judge.
    await expect.poll(async () => refused() || (await defined(page))).toBe(true);
    expect(await defined(page), 'the changed script ran').toBe(false);
    expect(messages.find((text) => /integrity/i.test(text))).toMatch(/SHA-?384/i);
  });

  test('the changed bytes still run where nothing checks them (the control)', async ({ page }) => {
    const unchecked = tag.replace(/\sintegrity="[^"]*"/, '');
    expect(unchecked).not.toBe(tag);
    await open(page, readmePage(unchecked), tampered());
    await expect.poll(() => defined(page)).toBe(true);
  });
});
