import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wordsFor } from '../../src/shared/i18n/words.js';
import { bankSearchPage } from '../../src/shared/pages/bank-pages.js';
import { cardPage } from '../../src/shared/pages/card-page.js';
import { html } from '../../src/shared/pages/html.js';
import type { PageFrame } from '../../src/shared/pages/layout.js';
import { statusPage } from '../../src/shared/pages/status-page.js';
import { threeDsChallengePage, threeDsFrictionlessPage } from '../../src/shared/pages/three-ds-pages.js';

/** The shared pages as any stage renders them: a frame of its own, the shared words. */
function frame(overrides: Partial<PageFrame> = {}): PageFrame {
  return {
    language: 'de',
    words: wordsFor('de'),
    brand: 'Test stage',
    hiddenFields: html`<input type="hidden" name="key" value="k1">`,
    cancelAction: '/test/pay/cancel',
    summary: { amount: '19,99 €', reference: 'order-<1>' },
    ...overrides,
  };
}

describe('the shared pages', () => {
  it('frame a page in the language, with the stage name, the summary (escaped) and Cancel', () => {
    const page = threeDsChallengePage(frame(), { action: '/test/pay/3ds', amount: '19,99 €' }).toString();
    assert.match(page, /^<!doctype html>\n<html lang="de">/);
    assert.match(page, /<title>Bestätigen Sie, dass Sie es sind · Test stage<\/title>/);
    assert.ok(page.includes('<dd>order-&lt;1&gt;</dd>'));
    assert.ok(page.includes('<form class="cancel" method="post" action="/test/pay/cancel">'));
    assert.ok(page.includes('name="result" value="pass"'));
    assert.ok(page.includes('name="result" value="fail"'));
  });

  it('leave out the language switcher and the summary when the stage gives none', () => {
    const page = threeDsChallengePage(frame({ summary: undefined }), {
      action: '/a',
      amount: '1 €',
    }).toString();
    assert.ok(!page.includes('<nav class="languages"'));
    assert.ok(!page.includes('class="summary"'));
    const switching = threeDsChallengePage(frame({ languageHref: (language) => `/p?lang=${language}` }), {
      action: '/a',
      amount: '1 €',
    }).toString();
    assert.ok(switching.includes('<a href="/p?lang=lt" lang="lt" hreflang="lt">Lietuvių</a>'));
    assert.ok(
      switching.includes('<a href="/p?lang=de" lang="de" hreflang="de" aria-current="true">Deutsch</a>'),
    );
  });

  it('carry the fields of a frictionless 3-D Secure step on to its action, with a visible Continue', () => {
    const page = threeDsFrictionlessPage(frame(), {
      action: '/test/pay/3ds-method',
      fields: { transaction: 'tx"1' },
    }).toString();
    assert.ok(page.includes('<form method="post" action="/test/pay/3ds-method">'));
    assert.ok(page.includes('<input type="hidden" name="key" value="k1">'));
    assert.ok(page.includes('<input type="hidden" name="transaction" value="tx&quot;1">'));
    assert.ok(page.includes('<button type="submit" class="wide" autofocus>Weiter</button>'));
    assert.ok(!page.includes('<script'));
  });

  it('link "Return to merchant" to the return URL, and never to a script', () => {
    const words = { tone: 'ok' as const, headline: 'Zahlung erfolgreich', detail: 'Fertig.' };
    assert.ok(
      statusPage(frame(), words, 'https://shop.example/return?o=1')
        .toString()
        .includes('<a class="button wide" href="https://shop.example/return?o=1">Zurück zum Händler</a>'),
    );
    assert.ok(statusPage(frame(), words, 'javascript:alert(1)').toString().includes('href="#"'));
  });

  it('show a card error at its field and any other error above the form', () => {
    const atField = cardPage(frame(), {
      action: '/c',
      amount: '1 €',
      error: { code: 'invalid_cvc', text: 'CVC falsch' },
    }).toString();
    assert.ok(atField.includes('<p class="error" id="field-cvc-error" role="alert">CVC falsch</p>'));
    assert.ok(!atField.includes('id="form-error"'));
    const above = cardPage(frame(), {
      action: '/c',
      amount: '1 €',
      error: { code: 'wrong_step', text: 'Veraltet' },
    }).toString();
    assert.ok(above.includes('<p class="error" id="form-error" role="alert">Veraltet</p>'));
  });

  it("post the chosen bank under the stage's field name, and keep an unlisted country selectable", () => {
    const page = bankSearchPage(frame(), {
      searchAction: '/s',
      chooseAction: '/s/bank',
      choiceField: 'bankId',
      countries: ['DE'],
      country: 'AT',
      query: '',
      banks: [{ value: 'at-erste', name: 'Erste Bank', bic: 'GIBAATWW' }],
    }).toString();
    assert.ok(page.includes('<button type="submit" name="bankId" value="at-erste">'));
    assert.ok(page.includes('<span class="bic">GIBAATWW</span>'));
    assert.ok(page.includes('<option value="AT" selected>AT</option>'));
  });
});
