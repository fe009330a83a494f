import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FINAL_STATUSES,
  isFinalStatus,
  SESSION_STATUSES,
  type SessionStatus,
  type SessionView,
  STATUS_REASONS,
} from '@pay-checkout/contract';
import { PAGE_CATALOG } from '../src/pages/i18n/catalog.js';
import { type ReturnPageInput, renderReturnPage } from '../src/pages/index.js';
import { LIVE_UPDATE_SCRIPT } from '../src/pages/live-update-script.js';
import { PAGE_STYLES } from '../src/pages/page-styles.js';

const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';

function session(overrides: Partial<SessionView> = {}): SessionView {
  return {
    sessionId: 'ses_4f9c2b',
    orderId: 'order-1',
    status: 'pending',
    amount: { value: 1250, currency: 'EUR' },
    method: 'pis',
    provider: 'connectpay',
    updatedAt: '2026-11-25T12:00:00.000Z',
    ...overrides,
  };
}

function render(overrides: Partial<ReturnPageInput> = {}, view: Partial<SessionView> = {}): string {
  return renderReturnPage({
    session: session(view),
    locale: 'en',
    nonce: NONCE,
    basePath: '/checkout',
    merchantReturnUrl: 'https://shop.example/thanks',
    merchantName: 'Example Shop',
    description: 'Order 42',
    ...overrides,
  });
}

/** The text of the element with this id (tags stripped, entities left as they are). */
function textOf(html: string, id: string): string | undefined {
  const match = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return match?.[2].replace(/<[^>]+>/g, '');
}

/** The opening tag of the element with this id. */
function tagOf(html: string, id: string): string | undefined {
  return new RegExp(`<\\w+[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
}

function jsonBlock(html: string, id: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${id}"[^>]*>([\\s\\S]*?)</script>`).exec(
    html,
  );
  assert.ok(match, `no #${id} block`);
  return JSON.parse(match[1]);
}

const EN_HEADINGS: Record<SessionStatus, string> = {
  created: 'Waiting for payment',
  pending: 'Waiting for your payment',
  processing: 'Payment is being processed',
  authorized: 'Payment authorized',
  succeeded: 'Payment successful',
  failed: 'Payment failed',
  cancelled: 'Payment cancelled',
  expired: 'Payment expired',
};

const DE_HEADINGS: Record<SessionStatus, string> = {
  created: 'Zahlung noch nicht begonnen',
  pending: 'Warten auf Ihre Zahlung',
  processing: 'Zahlung wird verarbeitet',
  authorized: 'Zahlung autorisiert',
  succeeded: 'Zahlung erfolgreich',
  failed: 'Zahlung fehlgeschlagen',
  cancelled: 'Zahlung abgebrochen',
  expired: 'Zahlung abgelaufen',
};

describe('return page', () => {
  it('is a full HTML document with a polite live region holding the status', () => {
    const html = render();
    assert.match(html, /^<!doctype html>\n<html lang="en" dir="ltr">/);
    assert.match(html, /<meta charset="utf-8">/);
    const region = /<div role="status" aria-live="polite" aria-atomic="true">([\s\S]*?)<\/div>/.exec(html);
    assert.ok(region, 'no live region');
    assert.match(region[1], /<h1 id="status-heading">Waiting for your payment<\/h1>/);
  });

  for (const [locale, headings] of [
    ['en', EN_HEADINGS],
    ['de', DE_HEADINGS],
  ] as const) {
    it(`names each status in plain words in ${locale}, as title and heading`, () => {
      for (const status of SESSION_STATUSES) {
        const html = render({ locale, merchantName: undefined }, { status });
        assert.equal(textOf(html, 'status-heading'), headings[status], status);
        assert.match(html, new RegExp(`<title>${headings[status]}</title>`), status);
        assert.ok(textOf(html, 'status-text'), `${status} has no text`);
      }
    });
  }

  it('puts the merchant name into the title', () => {
    assert.match(render({}, { status: 'succeeded' }), /<title>Payment successful – Example Shop<\/title>/);
  });

  it('explains a failure with the human reason', () => {
    const html = render({}, { status: 'failed', reason: 'insufficient_funds' });
    assert.equal(textOf(html, 'status-heading'), 'Payment failed');
    assert.equal(textOf(html, 'status-reason'), 'Your bank declined the payment: insufficient funds.');
    assert.doesNotMatch(tagOf(html, 'status-reason') ?? '', /hidden/);

    const de = render({ locale: 'de' }, { status: 'failed', reason: 'insufficient_funds' });
    assert.equal(
      textOf(de, 'status-reason'),
      'Ihre Bank hat die Zahlung abgelehnt: nicht genügend Guthaben.',
    );
  });

  it('has a distinct human sentence for every failure reason', () => {
    const sentences = new Set<string>();
    for (const reason of STATUS_REASONS.filter((r) => r !== 'manual_review')) {
      const text = textOf(render({}, { status: 'failed', reason }), 'status-reason');
      assert.ok(text && text.length > 10, reason);
      sentences.add(text);
    }
    assert.equal(sentences.size, STATUS_REASONS.length - 1);
    assert.match(
      textOf(render({}, { status: 'failed', reason: 'authentication_failed' }), 'status-reason') ?? '',
      /authentication/,
    );
  });

  it('explains manual review while the payment is processing', () => {
    const html = render({}, { status: 'processing', reason: 'manual_review' });
    assert.equal(textOf(html, 'status-heading'), 'Payment is being processed');
    assert.match(textOf(html, 'status-reason') ?? '', /reviewing your payment manually/);
    assert.match(textOf(html, 'status-reason') ?? '', /usually takes/);
    assert.match(textOf(html, 'status-reason') ?? '', /page will update/);
    assert.doesNotMatch(tagOf(html, 'status-progress') ?? '', /hidden/, 'the spinner shows while waiting');
  });

  it('shows no reason line without a reason, or for a reason that does not fit the status', () => {
    assert.match(tagOf(render({}, { status: 'failed' }), 'status-reason') ?? '', /hidden/);
    assert.match(
      tagOf(render({}, { status: 'succeeded', reason: 'insufficient_funds' }), 'status-reason') ?? '',
      /hidden/,
    );
  });

  it('is right to left in Arabic and left to right in Lithuanian', () => {
    const ar = render({ locale: 'ar' }, { status: 'succeeded' });
    assert.match(ar, /<html lang="ar" dir="rtl">/);
    assert.equal(textOf(ar, 'status-heading'), 'تم الدفع بنجاح');
    assert.match(render({ locale: 'lt' }), /<html lang="lt" dir="ltr">/);
  });

  it('styles with logical properties only, so RTL mirrors by dir alone', () => {
    assert.doesNotMatch(
      PAGE_STYLES,
      /(?:margin|padding|border)-(?:left|right)|\b(?:left|right)\s*:|float\s*:/,
    );
    assert.match(PAGE_STYLES, /prefers-reduced-motion: reduce[\s\S]*animation: none/);
  });

  it('speaks Brazilian Portuguese for pt-BR, falls back pt-PT → pt → en, and formats for the caller', () => {
    const brazil = render(
      { locale: 'pt-BR' },
      { status: 'succeeded', amount: { value: 1250, currency: 'BRL' } },
    );
    assert.match(brazil, /<html lang="pt-BR" dir="ltr">/);
    assert.equal(textOf(brazil, 'status-heading'), 'Pagamento realizado com sucesso');
    assert.match(brazil, /<dd><bdi>R\$\u00a012,50<\/bdi><\/dd>/);
    const portugal = render(
      { locale: 'pt-PT' },
      { status: 'succeeded', amount: { value: 1250, currency: 'EUR' } },
    );
    assert.match(portugal, /<html lang="pt" dir="ltr">/);
    assert.equal(textOf(portugal, 'status-heading'), 'Pagamento efetuado com sucesso');
    assert.match(portugal, /<dd><bdi>12,50\u00a0€<\/bdi><\/dd>/);
    const unknown = render({ locale: 'xx-YY' }, { status: 'succeeded' });
    assert.match(unknown, /<html lang="en" dir="ltr">/);
    assert.equal(textOf(unknown, 'status-heading'), 'Payment successful');
  });

  it('speaks Simplified Chinese for zh-CN with the element tag, and English for zh-TW', () => {
    const china = render({ locale: 'zh-CN' }, { status: 'failed', reason: 'card_lost_or_stolen' });
    assert.match(china, /<html lang="zh-Hans" dir="ltr">/);
    assert.equal(textOf(china, 'status-heading'), '付款失败');
    assert.equal(textOf(china, 'status-reason'), PAGE_CATALOG['zh-Hans'].reasons.card_lost_or_stolen);
    assert.match(render({ locale: 'zh-TW' }), /<html lang="en" dir="ltr">/);
  });

  it('is right to left in Hebrew and Persian too', () => {
    assert.match(render({ locale: 'he' }), /<html lang="he" dir="rtl">/);
    assert.match(render({ locale: 'fa-IR' }), /<html lang="fa" dir="rtl">/);
  });

  it('formats the amount from minor units with the currency exponent', () => {
    const amountOf = (html: string) => /<dt>[^<]+<\/dt><dd><bdi>([^<]+)<\/bdi><\/dd><\/dl>/.exec(html)?.[1];
    assert.equal(amountOf(render({}, { amount: { value: 1250, currency: 'EUR' } })), '€12.50');
    assert.equal(amountOf(render({}, { amount: { value: 1250, currency: 'JPY' } })), '¥1,250');
    assert.equal(amountOf(render({}, { amount: { value: 1250, currency: 'KWD' } })), 'KWD\u00a01.250');
    assert.equal(
      amountOf(render({ locale: 'de' }, { amount: { value: 1250, currency: 'EUR' } })),
      '12,50\u00a0€',
    );
  });

  it('offers Return to merchant in every state, carrying the session id; pending says the shop will be told', () => {
    for (const status of SESSION_STATUSES) {
      const html = render({ merchantReturnUrl: 'https://shop.example/thanks?order=42#done' }, { status });
      const link = /<a class="button" id="return-link" href="([^"]+)"( hidden)?>([^<]+)<\/a>/.exec(html);
      assert.ok(link, `${status}: link missing`);
      assert.equal(link[1], 'https://shop.example/thanks?order=42&amp;session=ses_4f9c2b#done');
      assert.equal(link[3], 'Return to merchant');
      assert.equal(link[2], undefined, `${status}: the way back is never hidden (no dead end while pending)`);
      const notice = /<p class="pending-notice" id="pending-notice"( hidden)?>/.exec(html);
      assert.ok(notice, `${status}: the pending line must exist to be shown or hidden live`);
      assert.equal(
        notice[1] === undefined,
        !isFinalStatus(status),
        `${status}: the pending line shows exactly while pending`,
      );
    }
    assert.equal(FINAL_STATUSES.length, 4);
  });

  it('offers no link without a return URL or with one that is not http(s)', () => {
    for (const merchantReturnUrl of [
      undefined,
      'javascript:alert(1)',
      '//evil.example/x',
      '/\\evil.example',
      'data:text/html,hi',
    ]) {
      const html = render({ merchantReturnUrl }, { status: 'succeeded' });
      assert.doesNotMatch(html, /id="return-link"/, String(merchantReturnUrl));
    }
    const relative = render({ merchantReturnUrl: '/shop/done' }, { status: 'succeeded' });
    assert.match(relative, /href="\/shop\/done\?session=ses_4f9c2b"/);
  });

  it('escapes hostile strings everywhere they appear', () => {
    const evil = `"><script>alert(1)</script><img src=x onerror=alert(2)>'`;
    const html = render(
      {
        merchantName: evil,
        description: evil,
        basePath: `/checkout${evil}`,
        merchantReturnUrl: `https://shop.example/?q=${evil}`,
      },
      { sessionId: `ses_${evil}`, status: 'succeeded' },
    );
    assert.doesNotMatch(html, /<script>alert|<img|<\/script><img/);
    assert.equal(html.match(/<script\b/g)?.length, 3, 'only our three script blocks');
    assert.match(html, /<dd><bdi>&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    // The JSON blocks carry the hostile strings intact, unable to close their <script> element.
    const state = jsonBlock(html, 'page-state') as { sessionId: string; eventsUrl: string };
    assert.equal(state.sessionId, `ses_${evil}`);
    assert.ok(state.eventsUrl.endsWith(`/sessions/${encodeURIComponent(`ses_${evil}`)}/events`));
    const table = jsonBlock(html, 'messages') as { statuses: { succeeded: { title: string } } };
    assert.equal(table.statuses.succeeded.title, `Payment successful – ${evil}`);
  });

  it('puts the nonce on every script and style tag, and uses no inline handlers or style attributes', () => {
    const html = render({ merchantName: 'onload=x style=y' });
    const tags = html.match(/<(?:script|style)\b[^>]*>/g) ?? [];
    assert.equal(tags.length, 4);
    for (const tag of tags) assert.match(tag, new RegExp(`nonce="${NONCE}"`), tag);
    const openingTags = html.match(/<[a-z][^>]*>/g) ?? [];
    for (const tag of openingTags) {
      assert.doesNotMatch(tag, /\son[a-z]+=/i, tag);
      assert.doesNotMatch(tag, /\sstyle=/i, tag);
    }
    assert.doesNotMatch(html, /<script[^>]*\ssrc=/, 'no external script');
  });

  it('embeds a live-update script that never reads a parameter from the query string', () => {
    const html = render();
    assert.ok(html.includes(LIVE_UPDATE_SCRIPT));
    // The status comes from the API only. The page's URL is read once, to reload it in the language
    // the picker chose; nothing reads a parameter from it.
    assert.doesNotMatch(
      LIVE_UPDATE_SCRIPT,
      /searchParams\.get|location\.search|URLSearchParams|document\.URL/,
    );
    assert.equal(LIVE_UPDATE_SCRIPT.match(/location\.href/g)?.length, 1);
    assert.match(
      LIVE_UPDATE_SCRIPT,
      /url\.searchParams\.set\('lang', language\.value\);\s+location\.replace\(url\.href\)/,
    );
    const state = jsonBlock(html, 'page-state') as Record<string, unknown>;
    assert.deepEqual(
      { sessionUrl: state.sessionUrl, eventsUrl: state.eventsUrl, status: state.status },
      {
        sessionUrl: '/checkout/sessions/ses_4f9c2b',
        eventsUrl: '/checkout/sessions/ses_4f9c2b/events',
        status: 'pending',
      },
    );
  });
});
