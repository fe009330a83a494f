import { expect, fixture, html } from '@open-wc/testing';
import '../src/pay-checkout.js';
import type { ReadyDetail, SubmitDetail } from '../src/events.js';
import type { PayCheckout } from '../src/pay-checkout.js';
import { captureNavigation, mount, next, until, useFakeKit } from './helpers.js';

// The public contract frameworks bind to (issue 15): colon-free event names, their deprecated
// `pay-checkout:*` aliases for one release, and the `phase` property reflected as an attribute.
describe('<pay-checkout> events and phase for frameworks', () => {
  const kit = useFakeKit({ apple: 'absent', google: 'absent' });

  const checkout = (attrs = '') =>
    mount(
      `<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en" ${attrs}></pay-checkout>`,
    );

  /** Records the names of every element event, new and deprecated, in the order they reach document. */
  const record = (names: string[]): (() => void) => {
    const seen: string[] = [];
    const push = (e: Event) => seen.push(e.type);
    for (const name of names) document.addEventListener(name, push);
    return () => {
      for (const name of names) document.removeEventListener(name, push);
      names.splice(0, names.length, ...seen);
    };
  };

  describe('phase', () => {
    it('is loading, reflected, while the options load, and fires pay-checkout-loading once', async () => {
      kit.server.optionsReply = 'hang';
      const loading = next(document, 'pay-checkout-loading');
      const el = await fixture<PayCheckout>(
        html`<pay-checkout endpoint="/checkout" order="ord-1" language="en"></pay-checkout>`,
      );
      const event = await loading;
      expect(event.target).to.equal(el);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(el.phase).to.equal('loading');
      expect(el.getAttribute('phase')).to.equal('loading');
    });

    it('fires loading before ready and reflects ready once interactive', async () => {
      const names = ['pay-checkout-loading', 'pay-checkout-ready'];
      const stop = record(names);
      const el = await checkout();
      stop();
      expect(names).to.deep.equal(['pay-checkout-loading', 'pay-checkout-ready']);
      expect(el.phase).to.equal('ready');
      expect(el.getAttribute('phase')).to.equal('ready');
    });

    it('does not fire loading when the page handed the options over', async () => {
      const names = ['pay-checkout-loading', 'pay-checkout-ready'];
      const stop = record(names);
      const el = document.createElement('pay-checkout');
      el.options = {
        mode: 'live',
        amount: { value: 4200, currency: 'EUR' },
        methods: [{ id: 'card', label: 'Card' }],
        banks: [],
        languages: ['en'],
      } as PayCheckout['options'];
      const ready = next(el, 'pay-checkout-ready');
      Object.assign(el, { endpoint: '/checkout', order: 'ord-1', language: 'en' });
      document.body.append(el);
      await ready;
      stop();
      el.remove();
      expect(names).to.deep.equal(['pay-checkout-ready']);
    });

    it('reflects submitting while the session is opened', async () => {
      kit.server.sessionReplies.push('hang');
      const el = await checkout('method="card"');
      captureNavigation(el);
      void el.submit();
      await until(() => el.getAttribute('phase') === 'submitting', 'phase=submitting');
      expect(el.phase).to.equal('submitting');
    });

    it('is redirecting when the redirect event fires, and reflects it', async () => {
      const el = await checkout('method="card"');
      captureNavigation(el);
      const redirect = next(el, 'pay-checkout-redirect').then(() => el.phase);
      await el.submit();
      expect(await redirect).to.equal('redirecting');
      await el.updateComplete;
      expect(el.getAttribute('phase')).to.equal('redirecting');
    });

    it('reflects error when the options fail', async () => {
      kit.server.optionsReply = { status: 404, body: { error: { code: 'order_not_found', message: 'x' } } };
      const el = await mount(
        '<pay-checkout endpoint="/checkout" order="ord-1" language="en"></pay-checkout>',
        'pay-checkout-error',
      );
      expect(el.phase).to.equal('error');
      expect(el.getAttribute('phase')).to.equal('error');
    });
  });

  describe('deprecated pay-checkout:* aliases', () => {
    it('fires each alias right after its new name, with the same detail', async () => {
      const names = [
        'pay-checkout-ready',
        'pay-checkout:ready',
        'pay-checkout-loading',
        'pay-checkout:loading',
      ];
      const alias = next<ReadyDetail>(document, 'pay-checkout:ready');
      const current = next<ReadyDetail>(document, 'pay-checkout-ready');
      const stop = record(names);
      await checkout();
      stop();
      // loading is new in this release: it has no colon alias
      expect(names).to.deep.equal(['pay-checkout-loading', 'pay-checkout-ready', 'pay-checkout:ready']);
      expect((await alias).detail).to.equal((await current).detail);
      expect((await alias).bubbles && (await alias).composed).to.equal(true);
    });

    it('lets a listener of the old name still veto a submit', async () => {
      const el = await checkout('method="card"');
      const submit = next<SubmitDetail>(el, 'pay-checkout-submit');
      el.addEventListener('pay-checkout:submit', (e) => e.preventDefault());
      await el.submit();
      expect((await submit).detail.method).to.equal('card');
      expect(kit.server.sessionRequests()).to.have.length(0);
    });
  });
});
