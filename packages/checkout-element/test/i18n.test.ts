import { expect } from '@open-wc/testing';
import '../src/pay-checkout.js';
import { directionOf, LOCALES, loadLocale, localeChain, resolveLocale } from '../src/locale.js';
import { formatMessage, SOURCE_MESSAGES } from '../src/messages.js';
import type { PayCheckout } from '../src/pay-checkout.js';
import { $, $$, fakeWallets, mount, text, until, useFakeKit } from './helpers.js';

describe('<pay-checkout> i18n', () => {
  const kit = useFakeKit();

  const checkout = (language: string, extra = '') =>
    mount(
      `<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="${language}" ${extra}></pay-checkout>`,
    );
  const label = (el: PayCheckout) => text($(el, '[part=pay-button]'));

  describe('locales', () => {
    it('ships at least 30 locales, including the RTL ones ar, he and fa', () => {
      expect(LOCALES.length).to.be.at.least(30);
      expect(LOCALES).to.include.members(['en', 'ar', 'he', 'fa', 'pt', 'pt-BR', 'zh-Hans']);
    });

    it('falls back along a chain for any BCP 47 tag', () => {
      expect(localeChain('pt-BR')).to.deep.equal(['pt-BR', 'pt-Latn', 'pt', 'en']);
      expect(resolveLocale('pt-BR')).to.equal('pt-BR');
      expect(resolveLocale('pt-PT')).to.equal('pt');
      expect(resolveLocale('de-AT')).to.equal('de');
      expect(resolveLocale('zh-CN')).to.equal('zh-Hans');
      expect(resolveLocale('zh-TW')).to.equal('en'); // Traditional Chinese readers get English, not Simplified
      expect(resolveLocale('no')).to.equal('nb');
      expect(resolveLocale('sw')).to.equal('en');
      expect(resolveLocale('not a tag!')).to.equal('en');
    });

    it('translates every message in every locale, not copying the English', async () => {
      for (const locale of LOCALES.filter((tag) => tag !== 'en')) {
        const { templates } = await loadLocale(locale);
        const ids = Object.keys(SOURCE_MESSAGES) as (keyof typeof SOURCE_MESSAGES)[];
        expect(Object.keys(templates), locale).to.have.members(ids);
        const copied = ids.filter((id) => templates[id] === SOURCE_MESSAGES[id]);
        // a few words are the same in some languages ("Bank", "Total"); sentences never are
        expect(copied.length, `${locale}: ${copied.join(', ')}`).to.be.at.most(3);
        for (const id of ids) {
          const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join();
          expect(placeholders(templates[id] ?? ''), `${locale} ${id}`).to.equal(
            placeholders(SOURCE_MESSAGES[id]),
          );
        }
      }
    });

    it('knows the writing direction of a language', () => {
      expect(['ar', 'he', 'fa', 'ar-EG'].map(directionOf)).to.deep.equal(['rtl', 'rtl', 'rtl', 'rtl']);
      expect(['en', 'de', 'zh-Hans'].map(directionOf)).to.deep.equal(['ltr', 'ltr', 'ltr']);
    });
  });

  describe('the element', () => {
    it('loads the language lazily and renders it, with the amount in local format', async () => {
      const el = await checkout('de');
      await until(() => label(el) === '19,99 € bezahlen', 'German');
      expect(text($(el, 'legend'))).to.equal('Zahlungsart');
    });

    it('follows a BCP 47 tag down its fallback chain: pt-BR, then pt, then en', async () => {
      const br = await checkout('pt-BR');
      await until(() => text($(br, 'legend')) === 'Forma de pagamento', 'pt-BR');
      const pt = await checkout('pt-AO');
      await until(() => text($(pt, 'legend')) === 'Método de pagamento', 'pt');
      const sw = await checkout('sw-KE');
      await until(() => text($(sw, 'legend')) === 'Payment method', 'en');
    });

    for (const [language, legend] of [
      ['ar', 'طريقة الدفع'],
      ['he', 'אמצעי תשלום'],
      ['fa', 'روش پرداخت'],
    ]) {
      it(`lays out right to left in ${language}`, async () => {
        const el = await checkout(language);
        await until(() => text($(el, 'legend')) === legend, language);
        const base = $(el, '[part=base]');
        expect(base.getAttribute('dir')).to.equal('rtl');
        expect(base.getAttribute('lang')).to.equal(language);
        // logical properties: the first method's radio sits on the right in RTL
        const method = $(el, '.method');
        const radio = method.querySelector('input')!;
        expect(radio.getBoundingClientRect().left).to.be.greaterThan(
          method.getBoundingClientRect().left + method.clientWidth / 2,
        );
      });
    }

    it('lets the merchant override any message, with placeholders', async () => {
      const el = await checkout('en');
      el.messages = { pay: 'Buy now for {amount}', testMode: 'Sandbox' };
      await el.updateComplete;
      expect(label(el)).to.equal('Buy now for €19.99');
      expect(text($(el, '[part=badge]'))).to.equal('Sandbox');
      expect(text($(el, 'legend'))).to.equal('Payment method'); // the rest stays translated
    });

    it('keeps merchant overrides when the language changes', async () => {
      const el = await checkout('en');
      el.messages = { pay: 'Jetzt kaufen: {amount}' };
      el.language = 'de';
      await until(() => text($(el, 'legend')) === 'Zahlungsart', 'German');
      expect(label(el)).to.equal('Jetzt kaufen: 19,99 €');
    });

    it('ignores a language attribute that is not a BCP 47 tag and uses the browser language', async () => {
      await checkout('english please');
      expect(kit.server.optionsRequests()[0].query.get('language')).to.equal(navigator.languages[0]);
    });

    it('sends the language to server-kit and labels the methods from its own catalog, not the server', async () => {
      const el = await checkout('de');
      await until(() => text($(el, '[part~=method]')) === 'Banküberweisung', 'catalog labels');
      expect($$(el, '[part~=method]').map(text)).to.deep.equal(['Banküberweisung', 'Karte']);
      expect(kit.server.optionsRequests()[0].query.get('language')).to.equal('de');
    });

    it('keeps the server label for a method the catalog does not name (brand names)', async () => {
      kit.server.methods = ['pis', 'googlepay'];
      // The fake stays until the wallet joined: the element asks after its first frame, not at ready.
      const restore = fakeWallets({ google: true });
      try {
        const el = await mount(
          '<pay-checkout endpoint="/checkout" order="ord-1" language="ar" country="DE"></pay-checkout>',
        );
        await until(
          () => text($(el, '[part~=method]')) === 'الدفع عبر البنك' && $$(el, '[part~=method]').length === 2,
          'Arabic labels and the wallet',
        );
        expect($$(el, '[part~=method]').map(text)).to.deep.equal(['الدفع عبر البنك', 'Google Pay']);
      } finally {
        restore();
      }
    });

    it('picks plural cases by Intl.PluralRules in every locale, falling back to other', () => {
      const count = '{count, plural, one {# bank} few {# banki} many {# banków} other {# banku}}';
      expect([1, 2, 5, 1.5].map((n) => formatMessage(count, { count: n }, 'pl'))).to.deep.equal([
        '1 bank',
        '2 banki',
        '5 banków',
        '1,5 banku',
      ]);
      expect(formatMessage('{count, plural, other {# 件}}', { count: 1 }, 'ja')).to.equal('1 件');
      expect(formatMessage(SOURCE_MESSAGES.bankCount, { count: 1 }, 'en')).to.equal('1 bank found.');
    });

    it('has a bank count in every locale that covers the plural categories of its language', async () => {
      for (const locale of LOCALES.filter((tag) => tag !== 'en')) {
        const { templates } = await loadLocale(locale);
        const text = templates.bankCount ?? '';
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const category of categories.filter((c) => c !== 'other' && c !== 'many')) {
          expect(text, `${locale} ${category}`).to.contain(` ${category} {`);
        }
        expect(text, locale).to.contain(' other {');
      }
    });
  });
});
