import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// The element's own registry and fallback logic, from its source: the pages must speak exactly its
// languages (issue 4: "in the same locales as the element") and pick the same one for a given tag.
import {
  directionOf,
  LOCALES as ELEMENT_LOCALES,
  resolveLocale as resolveElementLocale,
} from '../../checkout-element/src/locale.js';
import { PAGE_CATALOG } from '../src/pages/i18n/catalog.js';
import type { PageMessages } from '../src/pages/i18n/page-messages.js';
import { negotiateLocale, PAGE_LOCALES } from '../src/pages/index.js';
import { matchPageLocale } from '../src/pages/locale.js';

/** Every message of a table as `path → text` (`statuses.failed.heading`), without `dir`. */
function leaves(messages: PageMessages): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  const { dir: _dir, ...texts } = messages;
  walk(texts, '');
  return out;
}

describe('hosted page locales', () => {
  it('speaks exactly the locales of the element, with the same tags', () => {
    assert.deepEqual([...PAGE_LOCALES].sort(), [...ELEMENT_LOCALES].sort());
    assert.ok(PAGE_LOCALES.includes('pt-BR') && PAGE_LOCALES.includes('zh-Hans'));
  });

  it('has every message in every locale, translated rather than copied from English', () => {
    const english = leaves(PAGE_CATALOG.en);
    assert.ok(english.size >= 25, `only ${english.size} English messages found`);
    for (const [locale, messages] of Object.entries(PAGE_CATALOG)) {
      const texts = leaves(messages);
      assert.deepEqual([...texts.keys()].sort(), [...english.keys()].sort(), `${locale} keys`);
      for (const [path, text] of texts) assert.ok(text.trim().length > 0, `${locale} ${path} is empty`);
      if (locale === 'en') continue;
      const copied = [...texts].filter(([path, text]) => text === english.get(path)).map(([path]) => path);
      // a short label can be the same word in some languages; sentences never are
      assert.ok(copied.length <= 2, `${locale} copies English: ${copied.join(', ')}`);
      assert.notEqual(
        messages.statuses.succeeded.heading,
        PAGE_CATALOG.en.statuses.succeeded.heading,
        locale,
      );
      assert.notEqual(messages.returnToMerchant, PAGE_CATALOG.en.returnToMerchant, locale);
    }
    assert.equal(PAGE_CATALOG.en.returnToMerchant, 'Return to merchant');
  });

  it('writes right to left exactly where the element does (ar, he, fa)', () => {
    for (const [locale, messages] of Object.entries(PAGE_CATALOG)) {
      assert.equal(messages.dir, directionOf(locale), locale);
    }
    const rtl = Object.keys(PAGE_CATALOG).filter((locale) => PAGE_CATALOG[locale].dir === 'rtl');
    assert.deepEqual(rtl.sort(), ['ar', 'fa', 'he']);
  });

  it('keeps a declined card generic in every locale: no table says more than "declined" for it', () => {
    for (const [locale, messages] of Object.entries(PAGE_CATALOG)) {
      const { card_lost_or_stolen: generic, declined } = messages.reasons;
      assert.notEqual(generic, declined, `${locale}: the card reason also asks for another card or method`);
      assert.ok(generic.length > declined.length, locale);
    }
    assert.doesNotMatch(PAGE_CATALOG.en.reasons.card_lost_or_stolen, /lost|stolen/i);
  });

  it('prefers an explicit ?lang value when it is supported', () => {
    assert.equal(negotiateLocale('de-DE,de;q=0.9', 'lt'), 'lt');
    assert.equal(negotiateLocale('de-DE,de;q=0.9', 'AR'), 'ar');
    assert.equal(negotiateLocale('de-DE,de;q=0.9', 'pt-br'), 'pt-BR', 'tags are case-insensitive');
    assert.equal(negotiateLocale('de-DE', 'zz'), 'de', 'an unsupported ?lang is ignored');
    assert.equal(negotiateLocale('de-DE', '"><x'), 'de', 'a malformed ?lang is ignored');
  });

  it('otherwise takes the best Accept-Language match by quality', () => {
    assert.equal(negotiateLocale('sw-KE, lt;q=0.9, de;q=0.95'), 'de');
    assert.equal(negotiateLocale('zh-CN, lt;q=0.9, de;q=0.95'), 'zh-Hans');
    assert.equal(negotiateLocale('fr-CH, fr;q=0.9, en;q=0.8'), 'fr');
    assert.equal(negotiateLocale('zz, lt;q=0.5, *;q=0.8'), 'lt');
    assert.equal(negotiateLocale('de;q=0, lt;q=0.1'), 'lt', 'q=0 means "not this one"');
    assert.equal(negotiateLocale('ar-EG'), 'ar');
    assert.equal(negotiateLocale('de-Latn-AT-u-nu-latn'), 'de');
  });

  it('falls back region → script → language → English', () => {
    assert.equal(negotiateLocale('pt-BR'), 'pt-BR');
    assert.equal(negotiateLocale(null, 'pt-BR'), 'pt-BR');
    assert.equal(negotiateLocale('pt-PT'), 'pt');
    assert.equal(matchPageLocale('de-AT'), 'de');
    assert.equal(matchPageLocale('zh-CN'), 'zh-Hans');
    assert.equal(matchPageLocale('zh'), 'zh-Hans');
    assert.equal(
      matchPageLocale('zh-TW'),
      undefined,
      'Traditional Chinese readers get English, not Simplified',
    );
    assert.equal(matchPageLocale('zh-Hant-HK'), undefined);
    assert.equal(matchPageLocale('no'), 'nb');
    assert.equal(matchPageLocale('nn-NO'), 'nb');
    assert.equal(matchPageLocale('zz-ZZ'), undefined);
    assert.equal(negotiateLocale('zz-ZZ'), 'en');
    assert.equal(negotiateLocale(null), 'en');
    assert.equal(negotiateLocale(''), 'en');
    assert.equal(negotiateLocale('*'), 'en');
    assert.equal(negotiateLocale('garbage;;;q=abc,,,'), 'en');
  });

  it('picks the same locale as the element for the same tag', () => {
    const tags = [
      ...ELEMENT_LOCALES,
      ...['pt-BR', 'pt-PT', 'pt-AO', 'de-AT', 'de-CH', 'fr-CA', 'es-MX', 'sv-FI', 'ar-EG', 'fa-IR', 'he-IL'],
      ...['iw', 'zh-CN', 'zh-SG', 'zh-TW', 'zh-Hant', 'zh-Hans-HK', 'zh', 'no', 'nn', 'nb-NO', 'sr-Latn-RS'],
      ...['ja-JP', 'ko-KR', 'uk-UA', 'ru-RU', 'en-GB', 'sw', 'not a tag!'],
    ];
    for (const tag of tags) assert.equal(negotiateLocale(null, tag), resolveElementLocale(tag), tag);
  });

  it('bounds the work on a huge header', () => {
    assert.equal(negotiateLocale(`${'zz,'.repeat(100_000)}de`), 'en');
  });
});
