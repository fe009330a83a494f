import { expect, fixture, html } from '@open-wc/testing';
import '../src/pay-checkout.js';
import type { ChangeDetail, ErrorDetail, ReadyDetail, RedirectDetail, SubmitDetail } from '../src/events.js';
import { PayCheckout } from '../src/pay-checkout.js';
import { BANKS } from './fake-server.js';
import { $, $$, captureNavigation, mount, next, text, until, useFakeKit } from './helpers.js';

describe('<pay-checkout>', () => {
  const kit = useFakeKit({ apple: 'absent', google: 'absent' });

  const checkout = (attrs = '') =>
    mount(
      `<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en" ${attrs}></pay-checkout>`,
    );

  describe('defaults and accessibility', () => {
    it('is registered as pay-checkout and importing it twice does not throw', async () => {
      expect(customElements.get('pay-checkout')).to.equal(PayCheckout);
      await import('../src/pay-checkout.js');
    });

    it('shows a skeleton, busy and announced, while the options load', async () => {
      kit.server.optionsReply = 'hang';
      const el = await fixture<PayCheckout>(
        html`<pay-checkout endpoint="/checkout" order="ord-1" language="en"></pay-checkout>`,
      );
      await until(() => text($(el, '[part=status]')) === 'Loading payment options…', 'loading announcement');
      expect($(el, '[part=skeleton]')).to.exist;
      expect($(el, '[part=skeleton]').getAttribute('aria-hidden')).to.equal('true');
      expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[part=pay-button]')).to.be.null;
      await expect(el).to.be.accessible();
    });

    it('asks server-kit for the order, country and language, then shows the amount and methods', async () => {
      const el = await checkout();
      const [request] = kit.server.optionsRequests();
      expect(request.path).to.equal('/checkout/options');
      expect(request.query.get('order')).to.equal('ord-1');
      expect(request.query.get('country')).to.equal('DE');
      expect(request.query.get('language')).to.equal('en');
      expect(text($(el, '[part=amount]'))).to.equal('€19.99');
      expect(text($(el, '[part=pay-button]'))).to.equal('Pay €19.99');
      expect($$(el, '[part~=method]').map(text)).to.deep.equal(['Bank payment', 'Card']);
      expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('false');
      expect(text($(el, '[part=status]'))).to.equal('Payment options are ready.');
    });

    it('preselects the first method and is axe-clean when ready', async () => {
      const el = await checkout();
      expect(el.method).to.equal('pis');
      expect($<HTMLInputElement>(el, 'input[type=radio]').checked).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows a test mode badge only when server-kit reports sandbox mode', async () => {
      const el = await checkout();
      expect(text($(el, '[part=badge]'))).to.equal('Test mode');
      kit.server.mode = 'live';
      const live = await checkout();
      expect($(live, '[part=badge]')).to.be.null;
    });

    it('formats the amount from minor units with the currency exponent', async () => {
      kit.server.amount = { value: 1999, currency: 'JPY' };
      const el = await checkout();
      expect(text($(el, '[part=amount]'))).to.equal('¥1,999');
    });

    it('puts a part on every styleable node', async () => {
      const el = await checkout();
      for (const part of [
        'base',
        'badge',
        'amount',
        'amount-label',
        'methods',
        'legend',
        'method',
        'bank-input',
        'pay-button',
        'status',
        'language',
      ]) {
        expect(el.shadowRoot!.querySelector(`[part~="${part}"]`), part).to.exist;
      }
    });

    it('has touch targets of at least 24 by 24 px', async () => {
      const el = await checkout();
      for (const node of $$(el, '.method, [part=pay-button], [part=bank-input], [part=language]')) {
        const box = node.getBoundingClientRect();
        expect(box.height, node.getAttribute('part') ?? '').to.be.at.least(24);
        expect(box.width).to.be.at.least(24);
      }
    });
  });

  describe('options handed over by the page', () => {
    const inline = {
      mode: 'live',
      amount: { value: 4200, currency: 'EUR' },
      methods: [{ id: 'card', label: 'Card' }],
      banks: [],
      languages: ['en'],
    };

    it('renders from an inline JSON script without asking server-kit', async () => {
      const el = await mount(
        `<pay-checkout endpoint="/checkout" order="ord-1" language="en"><script type="application/json">${JSON.stringify(inline)}</script></pay-checkout>`,
      );
      expect(text($(el, '[part=amount]'))).to.equal('€42.00');
      expect(kit.server.optionsRequests()).to.have.length(0);
    });

    it('renders from the options property without asking server-kit, and fetches on a later change', async () => {
      const el = document.createElement('pay-checkout');
      el.options = inline as PayCheckout['options'];
      const ready = next(el, 'pay-checkout-ready');
      Object.assign(el, { endpoint: '/checkout', order: 'ord-1', language: 'en' });
      document.body.append(el);
      await ready;
      expect(kit.server.optionsRequests()).to.have.length(0);
      el.language = 'de';
      await until(() => kit.server.optionsRequests().length === 1, 'a fetch after a change');
      el.remove();
    });

    it('renders the form in its first update: no skeleton, no round trip (a cold first render)', async () => {
      const el = document.createElement('pay-checkout');
      el.innerHTML = `<script type="application/json">${JSON.stringify(inline)}</script>`;
      Object.assign(el, { endpoint: '/checkout', order: 'ord-1', language: 'en' });
      document.body.append(el);
      const seen: string[] = [];
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof Element) seen.push(node.getAttribute('part') ?? node.localName);
      }).observe(el.shadowRoot!, { childList: true, subtree: true });
      await el.updateComplete;
      expect($(el, '[part=pay-button]'), 'the form after the first update').to.exist;
      expect(seen).not.to.include('skeleton');
      expect(kit.server.optionsRequests()).to.have.length(0);
      el.remove();
    });

    it('falls back to the fetch when the inline JSON is broken', async () => {
      await mount(
        '<pay-checkout endpoint="/checkout" order="ord-1" language="en"><script type="application/json">{oops</script></pay-checkout>',
      );
      expect(kit.server.optionsRequests()).to.have.length(1);
    });
  });

  describe('events', () => {
    it('fires ready with the shown methods, the amount and the mode', async () => {
      const ready = next<ReadyDetail>(document, 'pay-checkout-ready');
      await checkout();
      const event = await ready;
      expect(event.detail).to.deep.equal({
        methods: ['pis', 'card'],
        amount: { value: 1999, currency: 'EUR' },
        mode: 'sandbox',
      });
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('fires change when the shopper picks a method', async () => {
      const el = await checkout();
      const change = next<ChangeDetail>(el, 'pay-checkout-change');
      $$<HTMLInputElement>(el, 'input[type=radio]')[1].click();
      expect((await change).detail).to.deep.equal({
        method: 'card',
        bank: undefined,
        language: 'en',
        country: 'DE',
      });
      expect(el.method).to.equal('card');
    });

    it('submits: fires submit, posts the choice without an amount, fires redirect and navigates', async () => {
      const el = await checkout('method="card"');
      const urls = captureNavigation(el);
      const submit = next<SubmitDetail>(el, 'pay-checkout-submit');
      const redirect = next<RedirectDetail>(el, 'pay-checkout-redirect');
      $(el, '[part=pay-button]').click();
      expect((await submit).detail).to.deep.equal({ order: 'ord-1', method: 'card', bank: undefined });
      const event = await redirect;
      expect(event.cancelable).to.equal(true);
      expect(event.detail.url).to.equal('https://bank.example/authorize?s=1');
      const [post] = kit.server.sessionRequests();
      expect(post.body).to.deep.equal({ order: 'ord-1', method: 'card', language: 'en', country: 'DE' });
      expect(post.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{32,36}$/);
      expect(urls).to.deep.equal(['https://bank.example/authorize?s=1']);
      await el.updateComplete;
      expect(text($(el, '[part=status]'))).to.equal('Taking you to complete the payment…');
    });

    it('lets the merchant veto a submit: nothing is posted', async () => {
      const el = await checkout('method="card"');
      el.addEventListener('pay-checkout-submit', (e) => e.preventDefault());
      await el.submit();
      expect(kit.server.sessionRequests()).to.have.length(0);
      expect($(el, '[part=pay-button]').getAttribute('aria-disabled')).to.equal('false');
    });

    it('lets an SPA cancel the redirect and navigate itself', async () => {
      const el = await checkout('method="card"');
      const urls = captureNavigation(el);
      el.addEventListener('pay-checkout-redirect', (e) => e.preventDefault());
      await el.submit();
      expect(kit.server.sessionRequests()).to.have.length(1);
      expect(urls).to.deep.equal([]);
    });

    it('shows submitting as aria-busy with the Pay button locked, then redirecting', async () => {
      kit.server.sessionReplies.push('hang');
      const el = await checkout('method="card"');
      captureNavigation(el);
      void el.submit();
      await until(() => text($(el, '[part=status]')) === 'Starting your payment…', 'submitting');
      expect($(el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[part=pay-button]').getAttribute('aria-disabled')).to.equal('true');
      expect($<HTMLFieldSetElement>(el, 'fieldset').disabled).to.equal(true);
      expect(text($(el, '[part=note]'))).to.equal('Starting your payment…'); // visible too
      expect($(el, '[part=status]').closest('[aria-busy=true]')).to.be.null; // heard, not held back
      await expect(el).to.be.accessible();
      // a second press while submitting sends nothing
      await el.submit();
      expect(kit.server.sessionRequests()).to.have.length(1);
    });

    it('fires error with code, translated message and retryable', async () => {
      kit.server.sessionReplies.push({
        status: 404,
        body: { error: { code: 'order_not_found', message: 'no order' } },
      });
      const el = await checkout('method="card"');
      const error = next<ErrorDetail>(el, 'pay-checkout-error');
      await el.submit();
      expect((await error).detail).to.deep.equal({
        code: 'order_not_found',
        message: 'This order was not found. Please return to the shop and start again.',
        retryable: false,
      });
    });
  });

  describe('validation', () => {
    it('requires a bank for bank payments, says so and focuses the bank input', async () => {
      const el = await checkout();
      $(el, '[part=pay-button]').click();
      await until(() => $(el, '[part=validation]'), 'validation message');
      expect(text($(el, '[part=validation]'))).to.equal('Choose your bank to continue.');
      const input = $(el, '#bank');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('bank-invalid');
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect(kit.server.sessionRequests()).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('sends the chosen bank for bank payments', async () => {
      const el = await checkout('bank="de-volks"');
      captureNavigation(el);
      await el.submit();
      expect(kit.server.sessionRequests()[0].body).to.include({ method: 'pis', bank: 'de-volks' });
    });

    it('sends a pinned provider instance, and none when the attribute is absent', async () => {
      const pinned = await checkout('method="card" provider="connectpay-b"');
      captureNavigation(pinned);
      await pinned.submit();
      expect(kit.server.sessionRequests()[0].body).to.include({ method: 'card', provider: 'connectpay-b' });
      const plain = await checkout('method="card"');
      captureNavigation(plain);
      await plain.submit();
      expect(kit.server.sessionRequests()[1].body).to.not.have.property('provider');
    });
  });

  describe('reactive attributes', () => {
    it('re-fetches on a new country, keeping the method and dropping a bank not offered there', async () => {
      const el = await checkout(`bank="${BANKS[0].id}"`);
      const shell = $(el, '[part=base]');
      el.setAttribute('country', 'LT');
      await until(() => kit.server.optionsRequests().length === 2 && !$(el, '[aria-busy=true]'), 'refetch');
      expect(kit.server.optionsRequests()[1].query.get('country')).to.equal('LT');
      expect($(el, '[part=base]')).to.equal(shell); // updated in place, not remounted
      expect(el.method).to.equal('pis');
      expect(el.bank).to.equal('');
    });

    it('keeps a bank that is still offered when the language changes', async () => {
      const el = await checkout('bank="de-spark"');
      el.language = 'de';
      await until(() => text($(el, '[part=pay-button]')) === '19,99 € bezahlen', 'German label');
      expect(el.bank).to.equal('de-spark');
      expect(kit.server.optionsRequests().at(-1)!.query.get('language')).to.equal('de');
      expect($<HTMLInputElement>(el, '#bank').value).to.equal('Sparkasse Köln');
    });

    it('narrows and orders the methods with the methods attribute, and follows method changes', async () => {
      const el = await checkout('methods="card pis"');
      expect($$(el, '[part~=method]').map(text)).to.deep.equal(['Card', 'Bank payment']);
      el.methods = 'pis';
      await el.updateComplete;
      expect($$(el, '[part~=method]').map(text)).to.deep.equal(['Bank payment']);
      expect(el.method).to.equal('pis');
      el.methods = '';
      el.method = 'card';
      await el.updateComplete;
      expect($<HTMLInputElement>(el, 'input[value=card]').checked).to.equal(true);
    });

    it('re-fetches for a new order and disables every control with disabled', async () => {
      const el = await checkout();
      el.order = 'ord-2';
      await until(() => kit.server.optionsRequests().length === 2, 'refetch');
      expect(kit.server.optionsRequests()[1].query.get('order')).to.equal('ord-2');
      el.disabled = true;
      await el.updateComplete;
      expect($<HTMLButtonElement>(el, '[part=pay-button]').disabled).to.equal(true);
      await el.submit();
      expect(kit.server.sessionRequests()).to.have.length(0);
    });
  });

  describe('reset()', () => {
    it('restores the preselection, clears the error and starts a new attempt', async () => {
      kit.server.sessionReplies.push('network-error');
      const el = await checkout('method="card"');
      captureNavigation(el);
      await el.submit();
      expect($(el, '[part=error]')).to.exist;
      $$<HTMLInputElement>(el, 'input[type=radio]')[0].click();
      el.reset();
      await el.updateComplete;
      expect(el.method).to.equal('card');
      expect($(el, '[part=error]')).to.be.null;
      await el.submit();
      const [first, second] = kit.server.sessionRequests();
      expect(second.headers.get('idempotency-key')).not.to.equal(first.headers.get('idempotency-key'));
    });
  });

  describe('works everywhere', () => {
    it('works inside another shadow root, and its events cross it', async () => {
      class Host extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML =
            '<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en" method="card"></pay-checkout>';
        }
      }
      if (!customElements.get('shop-host')) customElements.define('shop-host', Host);
      const ready = next(document, 'pay-checkout-ready');
      const host = await fixture<HTMLElement>(html`<shop-host></shop-host>`);
      await ready;
      const el = host.shadowRoot!.querySelector('pay-checkout')!;
      captureNavigation(el);
      const redirect = next(document, 'pay-checkout-redirect');
      $(el, '[part=pay-button]').click();
      expect((await redirect).composed).to.equal(true);
    });

    it('sits inside a <form> without submitting it', async () => {
      let submitted = 0;
      const form = await fixture<HTMLFormElement>(
        html`<form @submit=${(e: Event) => {
          submitted++;
          e.preventDefault();
        }}><pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en"></pay-checkout></form>`,
      );
      const el = form.querySelector('pay-checkout')!;
      await until(() => $(el, '[part=pay-button]'), 'ready');
      captureNavigation(el);
      $(el, '[part=pay-button]').click(); // validation: no bank
      const input = $<HTMLInputElement>(el, '#bank');
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      expect(submitted).to.equal(0);
    });

    it('needs no inline style: nothing in its shadow root carries a style attribute', async () => {
      const el = await checkout();
      expect($$(el, '[style]')).to.have.length(0);
      expect(el.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
      expect(el.shadowRoot!.querySelector('style')).to.be.null;
    });
  });
});
