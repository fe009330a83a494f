import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardPageMessages, renderCardPage } from '../src/pages/card-page.js';
import { checkCardForm, parseExpiry } from '../src/pages/card-page-form.js';
import { CARD_PAGE_MESSAGES } from '../src/pages/card-page-messages.js';
import { PAGE_LOCALES } from '../src/pages/locale.js';

const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA==';
const base = { action: '/checkout/card/cs_1', locale: 'en', nonce: NONCE, amountLabel: '€25.00' };

function keysOf(value: object): string[] {
  return Object.entries(value)
    .flatMap(([key, item]) => (typeof item === 'object' ? keysOf(item).map((sub) => `${key}.${sub}`) : [key]))
    .sort();
}

describe('the kit-hosted card page', () => {
  it('labels every field, ties hint and error to it, and asks the browser for card autofill', () => {
    const page = renderCardPage(base);
    for (const [name, label, autocomplete] of [
      ['number', 'Card number', 'cc-number'],
      ['expiry', 'Expiry date', 'cc-exp'],
      ['cvc', 'Security code', 'cc-csc'],
      ['holder', 'Name on the card', 'cc-name'],
    ]) {
      assert.match(page, new RegExp(`<label for="card-${name}">${label}</label>`));
      const input = new RegExp(`<input id="card-${name}" name="${name}"[^>]*>`).exec(page)?.[0] ?? '';
      assert.match(input, new RegExp(`autocomplete="${autocomplete}"`));
      assert.match(input, new RegExp(`aria-describedby="[^"]*card-${name}-error"`));
      assert.doesNotMatch(input, /aria-invalid/);
    }
    assert.match(page, /<button type="submit">Pay €25\.00<\/button>/);
    assert.match(page, /<form id="card-form" method="post" action="\/checkout\/card\/cs_1" novalidate>/);
  });

  it('carries the nonce on its one script and style, and loads nothing from anywhere', () => {
    const page = renderCardPage(base);
    assert.match(page, new RegExp(`<script nonce="${NONCE}">`));
    assert.match(page, new RegExp(`<style nonce="${NONCE}">`));
    assert.doesNotMatch(page, /<script[^>]* src=|<link[^>]+href=|https?:\/\//);
    assert.doesNotMatch(
      page,
      / on[a-z]+="| style="/,
      'no inline handlers or style attributes (the CSP refuses them)',
    );
  });

  it('shows a refused post with an error summary that takes the focus, never the number or CVC', () => {
    const page = renderCardPage({
      ...base,
      errors: { number: 'number', expiry: 'expired' },
      kept: { expiry: '01/20', holder: 'Anna <Test>' },
    });
    assert.match(page, /<div class="summary" id="card-summary" role="alert" tabindex="-1">/);
    assert.match(page, /<a href="#card-number">Enter a valid card number\.<\/a>/);
    assert.match(page, /id="card-expiry-error">This card has expired\./);
    assert.match(page, /<input id="card-number"[^>]*value=""[^>]*aria-invalid="true">/);
    assert.match(page, /<input id="card-cvc"[^>]*value=""/);
    assert.match(page, /value="Anna &lt;Test&gt;"/);
    assert.match(page, /getElementById\('card-summary'\)\.focus\(\)/);
  });

  it('speaks every locale of the hosted pages, with the same keys as English', () => {
    const english = keysOf(CARD_PAGE_MESSAGES.en);
    for (const locale of PAGE_LOCALES) {
      const messages = (CARD_PAGE_MESSAGES as Record<string, object>)[locale];
      assert.ok(messages, `card page words for ${locale}`);
      assert.deepEqual(keysOf(messages), english, locale);
      assert.ok(cardPageMessages(locale).card.pay.includes('{amount}'), `${locale}: pay names the amount`);
    }
    assert.equal(Object.keys(CARD_PAGE_MESSAGES).length, PAGE_LOCALES.length);
  });

  it('renders right to left for Arabic, in its own words', () => {
    const page = renderCardPage({ ...base, locale: 'ar' });
    assert.match(page, /<html lang="ar" dir="rtl">/);
    assert.match(page, /<h1>الدفع بالبطاقة<\/h1>/);
  });
});

describe('the card form check', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const form = (fields: Record<string, string>) =>
    new URLSearchParams({
      number: '4111 1111 1111 1111',
      expiry: '12/28',
      cvc: '123',
      holder: ' Anna  Test ',
      ...fields,
    });

  it('accepts a Luhn-valid number with spaces, a future expiry, a CVC and a name', () => {
    assert.deepEqual(checkCardForm(form({}), now), {
      ok: true,
      card: {
        number: '4111111111111111',
        expiryMonth: '12',
        expiryYear: '2028',
        cvc: '123',
        holder: 'Anna Test',
      },
    });
  });

  it('names each field in error and keeps only the expiry and the name', () => {
    const checked = checkCardForm(
      form({ number: '4111111111111112', expiry: '10/26', cvc: '12', holder: '' }),
      now,
    );
    assert.deepEqual(checked, {
      ok: false,
      errors: { number: 'number', expiry: 'expired', cvc: 'cvc', holder: 'holder' },
      kept: { expiry: '10/26', holder: '' },
    });
  });

  it('takes a card valid through the end of its expiry month', () => {
    assert.equal(checkCardForm(form({ expiry: '11/26' }), now).ok, true);
    assert.equal(parseExpiry('13/26'), undefined);
    assert.deepEqual(parseExpiry('0730'), { month: 7, year: 2030 });
  });
});
