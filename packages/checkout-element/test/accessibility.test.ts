import { expect, fixture } from '@open-wc/testing';
import '../src/pay-checkout.js';
import type { PayCheckout } from '../src/pay-checkout.js';
import type { FakeServer } from './fake-server.js';
import { $, captureNavigation, mount, text, until, useFakeKit } from './helpers.js';

/** Every state the shopper can see, reached the way a shopper reaches it. */
const states: [string, (el: PayCheckout, server: FakeServer) => Promise<void>][] = [
  ['ready', async () => {}],
  [
    'bank list open',
    async (el) => {
      $(el, '#bank').click();
      await el.updateComplete;
      expect($(el, '#bank').getAttribute('aria-expanded')).to.equal('true');
    },
  ],
  [
    'validation message',
    async (el) => {
      await el.submit();
      await el.updateComplete;
      expect($(el, '[part=validation]')).to.exist;
    },
  ],
  [
    'submitting',
    async (el, server) => {
      server.sessionReplies.push('hang');
      el.bank = 'de-fake';
      void el.submit();
      await until(() => $(el, '[part=pay-button]').getAttribute('aria-disabled') === 'true', 'submitting');
    },
  ],
  [
    'redirecting',
    async (el) => {
      el.bank = 'de-fake';
      await el.submit();
      await el.updateComplete;
    },
  ],
  [
    'no bank matches the search',
    async (el) => {
      const input = $<HTMLInputElement>(el, '#bank');
      input.focus();
      input.value = 'zzz';
      input.dispatchEvent(new InputEvent('input'));
      await el.updateComplete;
      expect($(el, '[part=no-match]')).to.exist;
    },
  ],
  [
    'no country chosen yet',
    async (el) => {
      el.country = 'US';
      await until(() => $<HTMLSelectElement>(el, '[part=country]')?.value === '', 'country asked');
      expect($(el, '[part=no-match]')).to.exist;
    },
  ],
  [
    'error with retry',
    async (el, server) => {
      server.sessionReplies.push({ status: 502, body: { error: { code: 'provider_error', message: 'x' } } });
      el.bank = 'de-fake';
      await el.submit();
      await el.updateComplete;
      expect($(el, '[part=retry]')).to.exist;
    },
  ],
];

for (const language of ['en', 'ar']) {
  describe(`<pay-checkout> is axe-clean in every state (${language === 'ar' ? 'RTL' : 'LTR'})`, () => {
    const kit = useFakeKit();

    it('loading', async () => {
      kit.server.optionsReply = 'hang';
      const el = await fixture<PayCheckout>(
        `<pay-checkout endpoint="/checkout" order="ord-1" language="${language}"></pay-checkout>`,
      );
      await until(() => $(el, '[part=skeleton]') && text($(el, '[part=status]')), 'loading');
      await expect(el).to.be.accessible();
    });

    it('options failed to load', async () => {
      kit.server.optionsReply = 'network-error';
      const el = await mount(
        `<pay-checkout endpoint="/checkout" order="ord-1" language="${language}"></pay-checkout>`,
        'pay-checkout-error',
      );
      expect($(el, '[part=retry]')).to.exist;
      await expect(el).to.be.accessible();
    });

    for (const [name, reach] of states) {
      it(name, async () => {
        const el = await mount(
          `<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="${language}"></pay-checkout>`,
        );
        captureNavigation(el);
        await until(
          () => $(el, '[part=base]').getAttribute('dir') === (language === 'ar' ? 'rtl' : 'ltr'),
          'dir',
        );
        if (language === 'ar') await until(() => text($(el, 'legend')) === 'طريقة الدفع', 'Arabic');
        await reach(el, kit.server);
        await expect(el).to.be.accessible();
      });
    }
  });
}
