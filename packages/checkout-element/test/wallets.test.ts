import { expect } from '@open-wc/testing';
import '../src/pay-checkout.js';
import type { ReadyDetail, WalletAvailableDetail, WalletUnavailableDetail } from '../src/events.js';
import type { PayCheckout } from '../src/pay-checkout.js';
import { FakeServer } from './fake-server.js';
import { $$, fakeWallets, mount, text, until } from './helpers.js';

describe('<pay-checkout> wallets', () => {
  let server: FakeServer;
  let restoreWallets: () => void = () => {};
  let unavailable: WalletUnavailableDetail[];
  let available: WalletAvailableDetail[];
  let ready: ReadyDetail[];
  const recordUnavailable = (e: Event) =>
    unavailable.push((e as CustomEvent<WalletUnavailableDetail>).detail);
  const recordAvailable = (e: Event) => available.push((e as CustomEvent<WalletAvailableDetail>).detail);
  const recordReady = (e: Event) => ready.push((e as CustomEvent<ReadyDetail>).detail);
  beforeEach(() => {
    unavailable = [];
    available = [];
    ready = [];
    server = new FakeServer().install();
    document.addEventListener('pay-checkout-wallet-unavailable', recordUnavailable);
    document.addEventListener('pay-checkout-wallet-available', recordAvailable);
    document.addEventListener('pay-checkout-ready', recordReady);
  });
  afterEach(() => {
    server.uninstall();
    restoreWallets();
    document.removeEventListener('pay-checkout-wallet-unavailable', recordUnavailable);
    document.removeEventListener('pay-checkout-wallet-available', recordAvailable);
    document.removeEventListener('pay-checkout-ready', recordReady);
  });

  const shown = (el: PayCheckout) =>
    $$(el, '[part~=method] input').map((input) => (input as HTMLInputElement).value);

  /** Mounts the element and waits until the browser answered for both wallets. */
  const mounted = async (attributes = '') => {
    const el = await mount(
      `<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en" ${attributes}></pay-checkout>`,
    );
    await until(() => available.length + unavailable.length === 2, 'both wallet answers');
    await el.updateComplete;
    return el;
  };

  /**
   * Replaces Google Pay's probe with one the test answers once the element asked (`asked`); `paintedWhenAsked`
   * says whether a frame was rendered between ready and the question.
   */
  const slowGooglePay = () => {
    let answer: ((canPay: boolean) => void) | undefined;
    let painted = false;
    const probe = { asked: false, paintedWhenAsked: false };
    // Registered before the element's own frame callback (this listener runs inside its ready event).
    document.addEventListener('pay-checkout-ready', () => requestAnimationFrame(() => (painted = true)), {
      once: true,
    });
    (globalThis as Record<string, unknown>).PaymentRequest = class {
      constructor() {
        probe.asked = true;
        probe.paintedWhenAsked = painted;
      }
      canMakePayment() {
        return new Promise<boolean>((resolve) => {
          answer = resolve;
        });
      }
    };
    return Object.assign(probe, {
      answer: async (canPay: boolean) => {
        await until(() => answer, 'the question to the browser');
        answer!(canPay);
      },
    });
  };

  it('shows Apple Pay and Google Pay where the browser can pay with them, after ready, in the server order', async () => {
    restoreWallets = fakeWallets({ apple: true, google: true });
    const el = await mounted();
    expect(shown(el)).to.deep.equal(['pis', 'card', 'googlepay', 'applepay']);
    expect(ready.map((r) => r.methods)).to.deep.equal([['pis', 'card']]);
    expect(available).to.deep.equal([{ method: 'googlepay' }, { method: 'applepay' }]);
    expect(unavailable).to.deep.equal([]);
  });

  it('hides them where the APIs are missing and says which and why', async () => {
    restoreWallets = fakeWallets({ apple: 'absent', google: 'absent' });
    const el = await mounted();
    expect(shown(el)).to.deep.equal(['pis', 'card']);
    expect(unavailable).to.deep.equal([
      { method: 'googlepay', reason: 'unsupported' },
      { method: 'applepay', reason: 'unsupported' },
    ]);
    expect(available).to.deep.equal([]);
  });

  it('hides Apple Pay when ApplePaySession.canMakePayments() is false', async () => {
    restoreWallets = fakeWallets({ apple: false, google: true });
    const el = await mounted();
    expect(shown(el)).to.deep.equal(['pis', 'card', 'googlepay']);
    expect(unavailable).to.deep.equal([{ method: 'applepay', reason: 'cannot-make-payments' }]);
  });

  it('hides Google Pay when the browser cannot pay with it', async () => {
    restoreWallets = fakeWallets({ apple: true, google: false });
    const el = await mounted();
    expect($$(el, '[part~=method]').map(text)).to.deep.equal(['Bank payment', 'Card', 'applepay']);
    expect(unavailable).to.deep.equal([{ method: 'googlepay', reason: 'cannot-make-payments' }]);
  });

  it('is ready before the browser answered; a wallet it then says yes to is appended and announced', async () => {
    restoreWallets = fakeWallets({ apple: 'absent' });
    const googlePay = slowGooglePay();
    const el = await mount(
      '<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en"></pay-checkout>',
    );
    expect(ready.map((r) => r.methods)).to.deep.equal([['pis', 'card']]);
    expect(shown(el)).to.deep.equal(['pis', 'card']);
    // Asked only after the form's first frame: the PaymentRequest is not on the way to the paint.
    expect(googlePay.asked, 'asked before the form was painted').to.equal(false);
    const first = $$(el, '[part~=method]');
    await googlePay.answer(true);
    expect(googlePay.paintedWhenAsked, 'a frame rendered before the question').to.equal(true);
    await until(() => available.length === 1, 'wallet-available');
    expect(available).to.deep.equal([{ method: 'googlepay' }]);
    expect(shown(el)).to.deep.equal(['pis', 'card', 'googlepay']);
    // The methods already on screen are the same nodes: the wallet was appended, nothing re-created.
    expect($$(el, '[part~=method]').slice(0, 2)).to.deep.equal(first);
  });

  it('waits for the answer about a preselected wallet, then selects it', async () => {
    restoreWallets = fakeWallets({ apple: 'absent' });
    const googlePay = slowGooglePay();
    const el = document.createElement('pay-checkout');
    Object.assign(el, {
      endpoint: '/checkout',
      order: 'ord-1',
      country: 'DE',
      language: 'en',
      method: 'googlepay',
    });
    document.body.append(el);
    await until(() => $$(el, '[part~=method]').length === 2, 'the form without the wallet');
    expect(ready, 'no ready while the preselected wallet is unanswered').to.deep.equal([]);
    await googlePay.answer(true);
    await until(() => ready.length === 1, 'ready');
    expect(ready[0].methods).to.deep.equal(['pis', 'card', 'googlepay']);
    expect(el.method).to.equal('googlepay');
    expect($$<HTMLInputElement>(el, '[part~=method] input').find((input) => input.checked)?.value).to.equal(
      'googlepay',
    );
    el.remove();
  });

  it('selects the first method when the browser says no to the preselected wallet', async () => {
    restoreWallets = fakeWallets({ apple: 'absent', google: false });
    const el = await mount(
      '<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en" method="googlepay"></pay-checkout>',
    );
    expect(ready[0].methods).to.deep.equal(['pis', 'card']);
    expect(el.method).to.equal('pis');
  });
});
