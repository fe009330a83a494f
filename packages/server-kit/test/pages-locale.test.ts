import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PAGE_CATALOG } from '../src/pages/i18n/catalog.js';
import { negotiateLocale, PAGE_LOCALES } from '../src/pages/index.js';
import { matchPageLocale } from '../src/pages/locale.js';

describe('hosted page locales', () => {
  it('speaks at least English, German, Lithuanian and Arabic', () => {
    for (const locale of ['en', 'de', 'lt', 'ar']) assert.ok(PAGE_LOCALES.includes(locale), locale);
  });

  it('has every message in every locale, and only RTL scripts are RTL', () => {
    const rtl = new Set(['ar', 'he', 'fa', 'ur']);
    for (const [locale, messages] of Object.entries(PAGE_CATALOG)) {
      assert.equal(messages.dir, rtl.has(locale) ? 'rtl' : 'ltr', locale);
      assert.doesNotMatch(JSON.stringify(messages), /""|" "/, `${locale} has an empty message`);
      if (locale !== 'en') {
        assert.notEqual(
          messages.statuses.succeeded.heading,
          PAGE_CATALOG.en.statuses.succeeded.heading,
          locale,
        );
        assert.notEqual(messages.returnToMerchant, PAGE_CATALOG.en.returnToMerchant, locale);
      }
    }
    assert.equal(PAGE_CATALOG.en.returnToMerchant, 'Return to merchant');
  });

  it('prefers an explicit ?lang value when it is supported', () => {
    assert.equal(negotiateLocale('de-DE,de;q=0.9', 'lt'), 'lt');
    assert.equal(negotiateLocale('de-DE,de;q=0.9', 'AR'), 'ar');
    assert.equal(negotiateLocale('de-DE', 'zz'), 'de', 'an unsupported ?lang is ignored');
    assert.equal(negotiateLocale('de-DE', '"><x'), 'de', 'a malformed ?lang is ignored');
  });

  it('otherwise takes the best Accept-Language match by quality', () => {
    assert.equal(negotiateLocale('zh-CN, lt;q=0.9, de;q=0.95'), 'de');
    assert.equal(negotiateLocale('fr-CH, fr;q=0.9, en;q=0.8'), 'fr');
    assert.equal(negotiateLocale('zz, lt;q=0.5, *;q=0.8'), 'lt');
    assert.equal(negotiateLocale('de;q=0, lt;q=0.1'), 'lt', 'q=0 means "not this one"');
    assert.equal(negotiateLocale('ar-EG'), 'ar');
    assert.equal(negotiateLocale('de-Latn-AT-u-nu-latn'), 'de');
  });

  it('falls back region → language → English', () => {
    assert.equal(negotiateLocale('pt-BR'), 'pt');
    assert.equal(negotiateLocale(null, 'pt-BR'), 'pt');
    assert.equal(matchPageLocale('de-AT'), 'de');
    assert.equal(matchPageLocale('zz-ZZ'), undefined);
    assert.equal(negotiateLocale('zz-ZZ'), 'en');
    assert.equal(negotiateLocale(null), 'en');
    assert.equal(negotiateLocale(''), 'en');
    assert.equal(negotiateLocale('*'), 'en');
    assert.equal(negotiateLocale('garbage;;;q=abc,,,'), 'en');
  });

  it('bounds the work on a huge header', () => {
    assert.equal(negotiateLocale(`${'zz,'.repeat(100_000)}de`), 'en');
  });
});
