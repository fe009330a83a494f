import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateSessionResponse, OptionsResponse } from '@pay-checkout/contract';
import { pgliteStore } from '../src/store/pglite-store.js';
import { FakeProvider } from './helpers/fake-provider.js';
import { type KitServer, orderBook, SHOP_ORIGIN, startKit, TEE_ORDER } from './helpers/kit-server.js';

// What a shopper meets on the kit's own pages (issue 17): the bank's country, localized words, one
// language across the journey, and never a dead end or raw JSON.

const INTEGRITY = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';
const REPO = new URL('../../../', import.meta.url);

/** The JSON block the live-update script reads (`#page-state`). */
function pageState(html: string): { forward: { seconds: number; href: string; text: string } | null } {
  const json = /<script type="application\/json" id="page-state"[^>]*>(.*?)<\/script>/s.exec(html)?.[1];
  assert.ok(json, 'page-state block');
  return JSON.parse(json);
}

/** Text of the `<main>` of a page, tags dropped. */
function mainText(html: string): string {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  return main
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('hosted pages for shoppers (issue 17)', () => {
  const store = pgliteStore({ memory: true });
  const book = orderBook({ 'order-1': TEE_ORDER, 'review-1': { ...TEE_ORDER, amount: '99.99' } });
  const provider = new FakeProvider({
    banks: {
      DE: [{ id: 'fake-bank', name: 'Fake Bank with Client Keys', country: 'DE' }],
      LT: [{ id: 'lt-bank', name: 'Siauliu bankas', country: 'LT' }],
    },
  });
  let elementDir: string;
  let kit: KitServer;
  let forwarding: KitServer;

  before(async () => {
    elementDir = await mkdtemp(path.join(tmpdir(), 'pay-checkout-element-'));
    await writeFile(path.join(elementDir, 'pay-checkout.bundle.js'), 'export const bundle = 1;\n');
    await writeFile(
      path.join(elementDir, 'integrity.json'),
      JSON.stringify({ file: 'pay-checkout.bundle.js', integrity: INTEGRITY }),
    );
    const common = {
      providers: [provider],
      resolveOrder: book.resolveOrder,
      elementDir,
      languages: ['en', 'de', 'ar'],
      bankCountries: ['DE', 'LT'],
    };
    kit = await startKit({ ...common, store });
    // a second kit on the same store, with the merchant's default country and the auto-forward
    forwarding = await startKit({
      ...common,
      store,
      defaultCountry: 'DE',
      returnPage: { autoForward: 3 },
    });
  });
  after(async () => {
    await kit.close();
    await forwarding.close();
    await store.close();
    await rm(elementDir, { recursive: true, force: true });
  });

  /** A session of a new order priced like `template` (an order is paid once: each test pays its own). */
  async function session(server: KitServer, template = 'order-1', language?: string): Promise<string> {
    const order = book.fresh(await book.resolveOrder(template));
    const body = { order, method: 'card' as const, ...(language ? { language } : {}) };
    return CreateSessionResponse.parse(await (await server.createSession(body)).json()).sessionId;
  }

  describe('GET options: the bank country', () => {
    const options = async (server: KitServer, query: string) =>
      OptionsResponse.parse(await (await fetch(server.url(`options?order=order-1&${query}`))).json());

    it('lists the served countries by name in the language and answers for the asked one', async () => {
      const body = await options(kit, 'country=LT&language=de');
      assert.deepEqual(body.countries, ['DE', 'LT']); // Deutschland, Litauen
      assert.equal(body.country, 'LT');
      assert.deepEqual(
        body.banks.map((bank) => bank.name),
        ['Siauliu bankas'],
      );
      const arabic = await options(kit, 'country=LT&language=ar');
      assert.deepEqual(
        arabic.countries,
        ['DE', 'LT'].sort((a, b) =>
          new Intl.Collator('ar').compare(
            new Intl.DisplayNames(['ar'], { type: 'region' }).of(a) ?? a,
            new Intl.DisplayNames(['ar'], { type: 'region' }).of(b) ?? b,
          ),
        ),
      );
    });

    it('falls back to the default country for a region it does not serve, else names none', async () => {
      const served = await options(forwarding, 'country=US');
      assert.equal(served.country, 'DE');
      assert.equal(served.banks[0]?.name, 'Fake Bank with Client Keys');
      const none = await options(kit, 'country=US');
      assert.equal(none.country, undefined);
      assert.deepEqual(none.banks, []);
    });

    it('labels the methods in the asked language (the element keeps its own catalog)', async () => {
      const body = await options(kit, 'country=DE&language=de');
      assert.deepEqual(
        body.methods.map((m) => m.label),
        ['Banküberweisung', 'Karte', 'Google Pay', 'Apple Pay'],
      );
    });
  });

  describe('GET pay/:order', () => {
    it('hands ?country= to the element and inlines its options, so it renders without a round trip', async () => {
      const html = await (await fetch(kit.url('pay/order-1?country=de'))).text();
      assert.match(html, /<pay-checkout [^>]* country="DE">/);
      const inline =
        /<pay-checkout [^>]*><script type="application\/json" nonce="[^"]+">(.*?)<\/script><\/pay-checkout>/s.exec(
          html,
        )?.[1];
      assert.ok(inline, 'inline options');
      const options = OptionsResponse.parse(JSON.parse(inline));
      assert.equal(options.country, 'DE');
      assert.equal(options.amount.value, 1999);
    });

    it('asks for the region of the browser language when no country is given', async () => {
      const html = await (
        await fetch(kit.url('pay/order-1'), { headers: { 'accept-language': 'lt-LT,lt;q=0.9' } })
      ).text();
      assert.doesNotMatch(html, /<pay-checkout [^>]* country=/);
      assert.match(html, /"country":"LT"/);
    });

    it('shows an unknown order as a page in the shopper language with the way back, never JSON', async () => {
      for (const order of ['nope', '%3Cscript%3E']) {
        const response = await fetch(kit.url(`pay/${order}`), { headers: { 'accept-language': 'de' } });
        assert.equal(response.status, 404);
        assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
        const html = await response.text();
        assert.match(html, /<html lang="de"/);
        assert.match(html, /<h1>Zahlung nicht gefunden<\/h1>/);
        assert.match(
          html,
          new RegExp(`<a class="button" id="return-link" href="${SHOP_ORIGIN}/">Zurück zum Händler</a>`),
        );
      }
    });

    it('shows a bad ?provider= as a page too (400)', async () => {
      const response = await fetch(kit.url('pay/order-1?provider=%3Cx%3E'));
      assert.equal(response.status, 400);
      assert.match(await response.text(), /<h1>Payment not found<\/h1>/);
    });
  });

  describe('GET return/:id', () => {
    it('shows an unknown session as a localized page with the way back to the shop', async () => {
      const response = await fetch(kit.url('return/AAAAAAAAAAAAAAAAAAAAAA'), {
        headers: { 'accept-language': 'ar' },
      });
      assert.equal(response.status, 404);
      const html = await response.text();
      assert.match(html, /<html lang="ar" dir="rtl">/);
      assert.match(html, /لم يُعثر على الدفعة/);
      assert.match(html, /id="return-link" href="https:\/\/shop.test\/"/);
    });

    it('speaks the language the shopper chose in the element, kept in the session', async () => {
      const id = await session(kit, 'order-1', 'de');
      const html = await (
        await fetch(kit.url(`return/${id}`), { headers: { 'accept-language': 'en-US,en;q=0.9' } })
      ).text();
      assert.match(html, /<html lang="de"/);
      // the page's own picker offers the languages, the current one selected, and ?lang wins
      assert.match(
        html,
        /<select id="language" name="lang">.*<option value="de" lang="de" selected>Deutsch<\/option>/s,
      );
      const arabic = await (await fetch(kit.url(`return/${id}?lang=ar`))).text();
      assert.match(arabic, /<html lang="ar" dir="rtl">/);
    });

    it('offers the way back while pending, saying the shop will be told', async () => {
      const id = await session(kit, 'review-1');
      provider.setStatus(provider.paymentFor(id).providerRef, {
        status: 'processing',
        reason: 'manual_review',
        raw: 'PendingProvider',
      });
      const html = await (await fetch(kit.url(`return/${id}`))).text();
      assert.match(
        html,
        /<a class="button" id="return-link" href="https:\/\/shop.test\/thanks\?session=[^"]+">Return to merchant<\/a>/,
      );
      assert.match(
        html,
        /<p class="pending-notice" id="pending-notice">You can return to the shop now: the shop will be told when the payment completes.<\/p>/,
      );
      assert.match(mainText(html), /up to one business day/);
      assert.equal(pageState(html).forward, null, 'pending never forwards');
    });

    it('forwards a final status after the configured countdown, and only when configured', async () => {
      const id = await session(forwarding, 'order-1', 'de');
      // both kits share the one FakeProvider instance
      provider.setStatus(provider.paymentFor(id).providerRef, { status: 'succeeded', raw: 'Completed' });
      const html = await (await fetch(forwarding.url(`return/${id}`))).text();
      assert.deepEqual(pageState(html).forward, {
        seconds: 3,
        href: `${SHOP_ORIGIN}/thanks?session=${id}`,
        text: 'Zurück zum Händler in {time}.',
      });
      assert.match(html, /<button type="button" id="forward-cancel">Auf dieser Seite bleiben<\/button>/);
      assert.doesNotMatch(html, /id="pending-notice">/, 'final: no pending line visible');

      const still = await session(kit);
      provider.setStatus(provider.paymentFor(still).providerRef, { status: 'succeeded', raw: 'Completed' });
      assert.equal(pageState(await (await fetch(kit.url(`return/${still}`))).text()).forward, null);
    });
  });

  describe('SRI', () => {
    it('checkout.elementTag() prints the whole tag with the build hash', async () => {
      assert.equal(
        await kit.checkout.elementTag(),
        `<script type="module" src="${kit.base}/element.js" integrity="${INTEGRITY}" crossorigin="anonymous"></script>`,
      );
    });

    it('exports the build hash as @pay-checkout/element/integrity.json', async () => {
      const manifest = JSON.parse(
        await readFile(new URL('packages/checkout-element/package.json', REPO), 'utf8'),
      ) as { exports: Record<string, unknown> };
      assert.equal(manifest.exports['./integrity.json'], './dist/integrity.json');
    });

    it('no snippet in the README or docs loads the element without a well-formed integrity', async () => {
      // A placeholder such as integrity="sha384-…" is not a valid hash, and browsers then load the
      // script with no integrity check at all (SRI: "no metadata" means "no check").
      const docs = [
        'README.md',
        ...(await readdir(new URL('docs/', REPO))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
      ];
      for (const file of docs) {
        const text = await readFile(new URL(file, REPO), 'utf8');
        for (const tag of text.match(/<script\b[^>]*\belement\.js\b[^>]*>/g) ?? []) {
          const integrity = /\bintegrity="([^"]*)"/.exec(tag)?.[1] ?? '';
          assert.match(integrity, /^sha(256|384|512)-[A-Za-z0-9+/]{43,86}={0,2}$/, `${file}: ${tag}`);
        }
      }
    });
  });
});
