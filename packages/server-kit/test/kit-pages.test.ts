import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, OptionsResponse } from '@pay-checkout/contract';
import { pgliteStore } from '../src/store/pglite-store.js';
import { errorCode } from './helpers/error-code.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, startKit, TEE_ORDER } from './helpers/kit-server.js';

const INTEGRITY = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';

describe('hosted pages and the element bundle', () => {
  const store = pgliteStore({ memory: true });
  const book = orderBook({ 'order-1': TEE_ORDER });
  const provider = new FakeProvider();
  let elementDir: string;
  let kit: KitServer;

  before(async () => {
    elementDir = await mkdtemp(path.join(tmpdir(), 'pay-checkout-element-'));
    await mkdir(path.join(elementDir, 'locales'));
    await writeFile(path.join(elementDir, 'pay-checkout.bundle.js'), 'export const bundle = 1;\n');
    await writeFile(path.join(elementDir, 'locales', 'de.js'), 'export const templates = {};\n');
    await writeFile(path.join(elementDir, 'locales', 'lt.js'), 'export const templates = {};\n');
    await writeFile(
      path.join(elementDir, 'integrity.json'),
      JSON.stringify({ file: 'pay-checkout.bundle.js', integrity: INTEGRITY }),
    );
    await writeFile(path.join(elementDir, 'secret.txt'), 'not served');
    kit = await startKit({ providers: [provider], resolveOrder: book.resolveOrder, store, elementDir });
  });
  after(async () => {
    await kit.close();
    await store.close();
    await rm(elementDir, { recursive: true, force: true });
  });

  describe('GET return/:id', () => {
    it('renders the status page with a strict CSP whose nonce is on every script', async () => {
      const created = CreateSessionResponse.parse(
        await (await kit.createSession({ order: 'order-1', method: 'card' })).json(),
      );
      const response = await fetch(kit.url(`return/${created.sessionId}`), {
        headers: { 'accept-language': 'de-DE,de;q=0.9' },
      });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce);
      assert.doesNotMatch(csp, /unsafe-inline/);
      const html = await response.text();
      assert.match(html, /<html lang="de"/);
      for (const tag of html.match(/<script[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
      assert.match(html, /\/checkout\/sessions\//);
    });

    it('answers 404 for an unknown session', async () => {
      const response = await fetch(kit.url('return/AAAAAAAAAAAAAAAAAAAAAA'));
      assert.equal(response.status, 404);
    });
  });

  describe('GET pay/:order', () => {
    it('renders the element on our own page for the order, with the bundle SRI hash and a nonce', async () => {
      const response = await fetch(kit.url('pay/order-1'), { headers: { 'accept-language': 'en' } });
      assert.equal(response.status, 200);
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      const html = await response.text();
      assert.match(html, /<pay-checkout[^>]*endpoint="\/checkout"/);
      assert.match(html, /order="order-1"/);
      assert.match(html, /src="\/checkout\/element.js"/);
      assert.ok(html.includes(`integrity="${INTEGRITY}"`));
      assert.ok(html.includes(`nonce="${nonce}"`));
      assert.match(html, /€19\.99/);
    });

    it('hands ?provider= to the element, and refuses one that is not a provider id with 400', async () => {
      const pinned = await fetch(kit.url('pay/order-1?provider=fakepay'));
      assert.equal(pinned.status, 200);
      assert.match(await pinned.text(), /<pay-checkout[^>]* provider="fakepay"/);
      const bad = await fetch(kit.url('pay/order-1?provider=%3Cx%3E'));
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /^text\/html/); // a page, never JSON
    });

    it('answers 404 with a page (not JSON) for an unknown or malformed order', async () => {
      for (const order of ['nope', '%3Cscript%3E']) {
        const response = await fetch(kit.url(`pay/${order}`));
        assert.equal(response.status, 404);
        assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
        assert.doesNotMatch(await response.text(), /script%3E|<script>/);
      }
    });
  });

  describe('GET element.js and locale chunks', () => {
    it('serves the script-tag bundle as JavaScript with cache headers', async () => {
      const response = await fetch(kit.url('element.js'));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.match(response.headers.get('cache-control') ?? '', /max-age=\d+/);
      assert.equal(await response.text(), 'export const bundle = 1;\n');
      const head = await fetch(kit.url('element.js'), { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
    });

    it('serves locale chunks where the bundle resolves them (locales/…) and under element/…', async () => {
      for (const file of ['locales/de.js', 'element/locales/de.js']) {
        const response = await fetch(kit.url(file));
        assert.equal(response.status, 200, file);
        assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
        assert.match(response.headers.get('cache-control') ?? '', /max-age=86400/);
      }
    });

    it('never serves files outside the element directory or of other types', async () => {
      for (const file of [
        'element/secret.txt',
        'element/..%2F..%2Fetc%2Fpasswd',
        'locales/..%2Fintegrity.json',
        'locales/nope.js',
      ]) {
        const response = await fetch(kit.url(file));
        assert.equal(response.status, 404, file);
      }
    });

    it("offers the element's locales in GET options", async () => {
      const body = OptionsResponse.parse(await (await fetch(kit.url('options?order=order-1'))).json());
      assert.deepEqual(body.languages, ['en', 'de', 'lt']);
    });

    it('answers 404 element_not_built when there is no build', async () => {
      const bare = await startKit({
        providers: [provider],
        resolveOrder: book.resolveOrder,
        store,
        elementDir: path.join(elementDir, 'missing'),
      });
      try {
        const response = await fetch(bare.url('element.js'));
        assert.equal(response.status, 404);
        assert.equal(await errorCode(response), 'element_not_built');
      } finally {
        await bare.close();
      }
    });
  });
});
