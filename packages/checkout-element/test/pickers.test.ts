import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/pay-checkout.js';
import type { ChangeDetail } from '../src/events.js';
import type { PayCheckout } from '../src/pay-checkout.js';
import { rememberBank } from '../src/recent-banks.js';
import { BANKS } from './fake-server.js';
import { $, $$, captureNavigation, mount, next, text, until, useFakeKit } from './helpers.js';

const press = (key: string) => sendKeys({ press: key });
const focused = (el: PayCheckout) => el.shadowRoot!.activeElement;
const names = (el: PayCheckout) => $$(el, '[role=option] [part=bank-name]').map(text);

describe('<pay-checkout> pickers', () => {
  const kit = useFakeKit();

  const checkout = (attrs = 'country="DE"') =>
    mount(`<pay-checkout endpoint="/checkout" order="ord-1" ${attrs} language="en"></pay-checkout>`);

  describe('method picker (radio group)', () => {
    it('is a labelled group of radios that arrow keys move through', async () => {
      const el = await checkout();
      expect(text($(el, 'legend'))).to.equal('Payment method');
      $<HTMLInputElement>(el, 'input[value=pis]').focus();
      const change = next<ChangeDetail>(el, 'pay-checkout-change');
      await press('ArrowDown');
      expect((await change).detail.method).to.equal('card');
      expect(el.method).to.equal('card');
      expect($(el, '#bank')).to.be.null; // no bank picker for cards
      expect(text($(el, '[part=note]'))).to.contain('card details');
    });
  });

  describe('bank picker (combobox)', () => {
    it('is an ARIA combobox bound to a listbox', async () => {
      const el = await checkout();
      const input = $(el, '#bank');
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-controls')).to.equal('bank-list');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '#bank-list').getAttribute('role')).to.equal('listbox');
      expect(text($(el, 'label[for=bank]'))).to.equal('Bank');
    });

    it('lists only banks of the chosen country', async () => {
      const el = await checkout('country="LT"');
      $(el, '#bank').click();
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Swedbank', 'SEB bankas']);
    });

    it('filters as the shopper types, ignoring case and accents', async () => {
      const el = await checkout();
      $(el, '#bank').focus();
      await sendKeys({ type: 'koln' });
      await el.updateComplete;
      expect($(el, '#bank').getAttribute('aria-expanded')).to.equal('true');
      expect(names(el)).to.deep.equal(['Sparkasse Köln']);
      expect(text($(el, '.combo + .hint ~ [role=status]'))).to.equal('1 bank found.');
    });

    it('says so, visibly, when no bank matches, with the country picker in reach', async () => {
      const el = await checkout();
      $(el, '#bank').focus();
      await sendKeys({ type: 'zzz' });
      await el.updateComplete;
      expect($$(el, '[role=option]')).to.have.length(0);
      const line = 'No bank matches “zzz”. Check the country of your bank.';
      const visible = $(el, '[part=no-match]');
      expect(text(visible)).to.equal(line);
      expect(visible.getBoundingClientRect().height).to.be.greaterThan(0);
      expect($(el, '#bank').getAttribute('aria-describedby')).to.contain('bank-none');
      expect(text($(el, '.hint ~ [role=status]'))).to.equal(line);
      // an empty list draws no box over the hint
      expect($(el, '#bank-list').hidden).to.equal(true);
      expect($(el, '[part=country]')).to.exist;
    });

    it('counts the banks with the plural rules of the language', async () => {
      const el = await checkout('country="DE" language="ru"');
      await until(() => text($(el, 'legend')) === 'Способ оплаты', 'Russian');
      $(el, '#bank').focus();
      await sendKeys({ type: 'a' });
      await el.updateComplete;
      // three German banks have an "a": Russian "few"
      expect(text($(el, '.combo + .hint ~ [role=status]'))).to.equal('Найдено 3 банка.');
    });

    it('is keyboard-first: ArrowDown opens, moves the active option, Enter chooses, Escape closes', async () => {
      const el = await checkout();
      captureNavigation(el);
      const input = $<HTMLInputElement>(el, '#bank');
      input.focus();
      await press('ArrowDown');
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect(input.getAttribute('aria-activedescendant')).to.equal('bank-0');
      await press('ArrowDown');
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal('bank-1');
      expect($(el, '#bank-1').getAttribute('part')).to.contain('bank-option-active');
      await press('ArrowUp');
      await press('ArrowDown');
      const change = next<ChangeDetail>(el, 'pay-checkout-change');
      await press('Enter');
      expect((await change).detail).to.deep.equal({
        method: 'pis',
        bank: 'de-spark',
        language: 'en',
        country: 'DE',
      });
      await el.updateComplete;
      expect(input.value).to.equal('Sparkasse Köln');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(focused(el)).to.equal(input);
      await press('ArrowDown');
      await el.updateComplete;
      expect($(el, '#bank-1').getAttribute('aria-selected')).to.equal('true');
      await press('Escape');
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.value).to.equal('Sparkasse Köln');
    });

    it('Home/End return visual focus to the input and move the caret (APG, editable combobox)', async () => {
      const el = await checkout();
      const input = $<HTMLInputElement>(el, '#bank');
      input.focus();
      await sendKeys({ type: 'bank' });
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['Fake Bank with Client Keys', 'Volksbank Berlin']);
      expect(input.getAttribute('aria-activedescendant')).to.equal('bank-0');
      await press('Home');
      await el.updateComplete;
      expect(input.selectionStart).to.equal(0);
      expect(input.hasAttribute('aria-activedescendant')).to.be.false;
      expect($$(el, '[role=option].active')).to.have.length(0);
      expect(input.getAttribute('aria-expanded')).to.equal('true'); // the list stays open
      await press('Enter'); // no active option: nothing is chosen
      await el.updateComplete;
      expect(el.bank).to.equal('');
      await press('End');
      await el.updateComplete;
      expect(input.selectionStart).to.equal(4);
      expect(input.value).to.equal('bank');
      await press('ArrowDown'); // back into the list, from the top
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal('bank-0');
      await press('ArrowDown');
      await press('Enter');
      await el.updateComplete;
      expect(el.bank).to.equal('de-volks');
      await press('Home'); // closed: only the caret moves
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.selectionStart).to.equal(0);
      expect(input.value).to.equal('Volksbank Berlin');
    });

    it('PageDown/PageUp jump through the open list, clamped to its ends, and are left to the page when closed', async () => {
      const el = await checkout();
      const input = $<HTMLInputElement>(el, '#bank');
      const prevented: boolean[] = [];
      el.addEventListener('keydown', (event) => prevented.push(event.defaultPrevented));
      input.focus();
      await press('PageDown');
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(prevented).to.deep.equal([false]);
      await press('ArrowDown');
      await press('PageDown');
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal('bank-2');
      await press('PageUp');
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal('bank-0');
      expect(prevented).to.deep.equal([false, true, true, true]);
    });

    it('scrolls the highlighted option into view in a long list', async () => {
      const many = Array.from({ length: 30 }, (_, i) => ({
        id: `pl-${i}`,
        name: `Bank ${i + 1}`,
        country: 'PL',
      }));
      BANKS.push(...many);
      kit.server.countries = ['DE', 'LT', 'PL'];
      try {
        const el = await checkout('country="PL"');
        const input = $<HTMLInputElement>(el, '#bank');
        input.focus();
        await press('ArrowDown');
        await press('PageDown');
        await press('PageDown');
        await el.updateComplete;
        expect(input.getAttribute('aria-activedescendant')).to.equal('bank-20');
        const list = $(el, '#bank-list')!.getBoundingClientRect();
        const option = $(el, '#bank-20')!.getBoundingClientRect();
        expect(option.top).to.be.at.least(list.top - 1);
        expect(option.bottom).to.be.at.most(list.bottom + 1);
      } finally {
        BANKS.splice(BANKS.length - many.length, many.length);
      }
    });

    it('Escape drops what was typed; on a closed picker it keeps the bank and is left to the page', async () => {
      const el = await checkout('country="DE" bank="de-spark"');
      const input = $<HTMLInputElement>(el, '#bank');
      const prevented: boolean[] = [];
      el.addEventListener('keydown', (event) => prevented.push(event.defaultPrevented));
      input.focus();
      await sendKeys({ type: 'volks' });
      await press('Escape');
      await el.updateComplete;
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.value).to.equal('Sparkasse Köln');
      await press('Escape');
      await el.updateComplete;
      expect(el.bank).to.equal('de-spark');
      expect(input.value).to.equal('Sparkasse Köln');
      expect(prevented.slice(-2)).to.deep.equal([true, false]);
    });

    it('shows bank logos, or initials when a bank has none', async () => {
      const el = await checkout();
      $(el, '#bank').click();
      await el.updateComplete;
      const [fake, spark] = $$(el, '[role=option]');
      expect(text(fake.querySelector('[part=bank-logo]'))).to.equal('FB');
      expect(fake.querySelector('[part=bank-logo]')!.getAttribute('aria-hidden')).to.equal('true');
      expect(spark.querySelector('img[part=bank-logo]')!.getAttribute('alt')).to.equal('');
    });

    it('lists the recently used bank first, tagged', async () => {
      rememberBank('de-volks');
      const el = await checkout();
      $(el, '#bank').click();
      await el.updateComplete;
      const options = $$(el, '[role=option]');
      expect(names(el).slice(0, 2)).to.deep.equal(['Volksbank Berlin', 'Fake Bank with Client Keys']);
      expect(text(options[0].querySelector('[part=bank-recent]'))).to.equal('Recently used');
      expect(options[1].querySelector('[part=bank-recent]')).to.be.null;
    });

    it('remembers the bank used for a payment', async () => {
      const el = await checkout('country="DE" bank="de-fake"');
      captureNavigation(el);
      await el.submit();
      const again = await checkout();
      $(again, '#bank').click();
      await again.updateComplete;
      expect(text($$(again, '[role=option]')[0])).to.contain('Fake Bank with Client Keys');
      expect(text($$(again, '[role=option]')[0])).to.contain('Recently used');
    });

    it('chooses with a click on an option', async () => {
      const el = await checkout();
      $(el, '#bank').click();
      await el.updateComplete;
      $$(el, '[role=option]')[2].click();
      await el.updateComplete;
      expect(el.bank).to.equal('de-volks');
    });
  });

  describe('country picker', () => {
    it('lists the served countries by name in the shopper language, the bank country chosen', async () => {
      const el = await checkout('country="DE" language="de"');
      await until(() => text($(el, '[part=country-label]')) === 'Land Ihrer Bank', 'German label');
      const select = $<HTMLSelectElement>(el, '[part=country]');
      expect([...select.options].map((o) => [o.value, o.text])).to.deep.equal([
        ['DE', 'Deutschland'],
        ['LT', 'Litauen'],
      ]);
      expect(select.value).to.equal('DE');
      expect(text($(el, 'label[for=country]'))).to.equal('Land Ihrer Bank');
    });

    it('falls back to the merchant default country when the browser region is not served', async () => {
      kit.server.defaultCountry = 'LT';
      const el = await checkout('country="US"');
      expect(kit.server.optionsRequests()[0].query.get('country')).to.equal('US');
      expect(el.effectiveCountry).to.equal('LT');
      expect($<HTMLSelectElement>(el, '[part=country]').value).to.equal('LT');
    });

    it('asks for the country when neither the region nor a default is served, and shows why the list is empty', async () => {
      const el = await checkout('country="US"');
      const select = $<HTMLSelectElement>(el, '[part=country]');
      expect(select.value).to.equal('');
      expect(select.options[0].text).to.equal('Choose a country');
      expect(text($(el, '[part=no-match]'))).to.equal('Choose a country');
    });

    it('shows the banks of the country the shopper picks, and reports it in change', async () => {
      const el = await checkout('country="US"');
      captureNavigation(el);
      const select = $<HTMLSelectElement>(el, '[part=country]');
      const change = next<ChangeDetail>(el, 'pay-checkout-change');
      select.value = 'DE';
      select.dispatchEvent(new Event('change'));
      expect((await change).detail.country).to.equal(undefined); // not known before the kit answers
      await until(() => el.effectiveCountry === 'DE', 'German banks');
      expect(kit.server.optionsRequests().at(-1)!.query.get('country')).to.equal('DE');
      $(el, '#bank').click();
      await el.updateComplete;
      expect(names(el)).to.include('Fake Bank with Client Keys');
      expect($(el, '[part=no-match]')).to.equal(null);
      $$(el, '[role=option]')[0].click();
      await el.submit();
      expect(kit.server.sessionRequests()[0].body?.country).to.equal('DE');
    });

    it('shows no picker for a kit that sends no country list', async () => {
      kit.server.countries = undefined;
      const el = await checkout();
      expect($(el, '[part=country]')).to.equal(null);
    });
  });

  describe('language picker', () => {
    it('names each language in itself and switches the element when changed', async () => {
      const el = await checkout();
      const select = $<HTMLSelectElement>(el, '[part=language]');
      expect([...select.options].map((o) => o.text)).to.deep.equal([
        'English',
        'Deutsch',
        'Lietuvių',
        'العربية',
      ]);
      expect([...select.options].map((o) => o.lang)).to.deep.equal(['en', 'de', 'lt', 'ar']);
      select.focus();
      const change = next<ChangeDetail>(el, 'pay-checkout-change');
      await press('ArrowDown'); // native select: ArrowDown picks the next language
      expect((await change).detail.language).to.equal('de');
      await until(() => text($(el, 'legend')) === 'Zahlungsart', 'German legend');
      expect($(el, '[part=base]').getAttribute('lang')).to.equal('de');
    });
  });

  describe('keyboard walk-through', () => {
    it('reaches every control with Tab and pays with the keyboard alone', async () => {
      const el = await checkout();
      const urls = captureNavigation(el);
      const select = $<HTMLSelectElement>(el, '[part=language]');
      select.focus();
      await press('Tab');
      expect(focused(el)).to.equal($(el, 'input[value=pis]'));
      await press('Tab');
      expect(focused(el)).to.equal($(el, '[part=country]'));
      await press('Tab');
      expect(focused(el)).to.equal($(el, '#bank'));
      await sendKeys({ type: 'fake' });
      await press('ArrowDown');
      await press('Enter');
      await press('Tab');
      expect(focused(el)).to.equal($(el, '[part=pay-button]'));
      await press('Enter');
      await until(() => urls.length === 1, 'navigation');
      expect(kit.server.sessionRequests()[0].body).to.include({ method: 'pis', bank: 'de-fake' });
    });
  });
});
