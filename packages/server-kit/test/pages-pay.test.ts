import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PayPageInput, renderPayPage } from '../src/pages/index.js';

const NONCE = 'cGF5LXBhZ2Utbm9uY2UtMDE=';

function render(overrides: Partial<PayPageInput> = {}): string {
  return renderPayPage({
    orderId: 'order-42',
    locale: 'de',
    nonce: NONCE,
    basePath: '/checkout',
    elementUrl: '/checkout/element.js',
    ...overrides,
  });
}

describe('hosted checkout page', () => {
  it('renders the element pointed at the kit, the order and the language', () => {
    const html = render({ description: 'Bestellung 42', amountLabel: '12,50 €' });
    assert.match(html, /^<!doctype html>\n<html lang="de" dir="ltr">/);
    assert.match(html, /<pay-checkout endpoint="\/checkout" order="order-42" language="de"><\/pay-checkout>/);
    assert.match(html, /<title>Bezahlen<\/title>/);
    assert.match(html, /<dd><bdi>12,50 €<\/bdi><\/dd>/);
    assert.match(html, /Bestellung 42/);
  });

  it('loads the element bundle as a nonced module script, with SRI when given', () => {
    const plain = render();
    assert.match(
      plain,
      new RegExp(`<script type="module" src="/checkout/element.js" nonce="${NONCE}"></script>`),
    );
    const pinned = render({ elementIntegrity: 'sha384-abc+/=' });
    assert.match(pinned, /nonce="[^"]+" integrity="sha384-abc\+\/=" crossorigin="anonymous"><\/script>/);
  });

  it('puts the nonce on every script and style tag and has no inline script or handlers', () => {
    const html = render();
    const tags = html.match(/<(?:script|style)\b[^>]*>/g) ?? [];
    assert.equal(tags.length, 2);
    for (const tag of tags) assert.match(tag, new RegExp(`nonce="${NONCE}"`));
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>[^<]/, 'no inline script body');
    assert.doesNotMatch(html, /<[a-z][^>]*\s(?:on[a-z]+|style)=/i);
  });

  it('passes a pinned provider instance to the element', () => {
    assert.match(
      render({ provider: 'connectpay-b' }),
      /<pay-checkout endpoint="\/checkout" order="order-42" language="de" provider="connectpay-b"><\/pay-checkout>/,
    );
  });

  it('is right to left in Arabic', () => {
    assert.match(render({ locale: 'ar' }), /<html lang="ar" dir="rtl">/);
  });

  it('escapes every interpolated value', () => {
    const evil = `"><script>alert(1)</script>`;
    const html = render({
      orderId: evil,
      locale: evil,
      basePath: evil,
      elementUrl: evil,
      elementIntegrity: evil,
      description: evil,
      amountLabel: evil,
    });
    assert.doesNotMatch(html, /<script>alert/);
    assert.equal(html.match(/<script\b/g)?.length, 1);
    assert.match(html, /order="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.match(html, /<html lang="en" dir="ltr">/, 'an unknown locale falls back to English words');
  });
});
