import { expect } from '@open-wc/testing';
import '../src/pay-checkout.js';
import type { WalletUnavailableDetail } from '../src/events.js';
import { FakeServer } from './fake-server.js';
import { $$, fakeWallets, mount, text, until } from './helpers.js';

describe('<pay-checkout> wallets', () => {
  let server: FakeServer;
  let restoreWallets: () => void = () => {};
  let unavailable: WalletUnavailableDetail[];
  const record = (e: Event) => unavailable.push((e as CustomEvent<WalletUnavailableDetail>).detail);
  beforeEach(() => {
    unavailable = [];
    server = new FakeServer().install();
    document.addEventListener('pay-checkout-wallet-unavailable', record);
  });
  afterEach(() => {
    server.uninstall();
    restoreWallets();
    document.removeEventListener('pay-checkout-wallet-unavailable', record);
  });

  const shownMethods = async () => {
    const el = await mount(
      '<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en"></pay-checkout>',
    );
    return $$(el, '[part~=method] input').map((input) => (input as HTMLInputElement).value);
  };

  it('shows Apple Pay and Google Pay where the browser can pay with them', async () => {
    restoreWallets = fakeWallets({ apple: true, google: true });
    expect(await shownMethods()).to.deep.equal(['pis', 'card', 'googlepay', 'applepay']);
    expect(unavailable).to.deep.equal([]);
  });

  it('hides them where the APIs are missing and says which and why', async () => {
    restoreWallets = fakeWallets({ apple: 'absent', google: 'absent' });
    expect(await shownMethods()).to.deep.equal(['pis', 'card']);
    expect(unavailable).to.deep.equal([
      { method: 'googlepay', reason: 'unsupported' },
      { method: 'applepay', reason: 'unsupported' },
    ]);
  });

  it('hides Apple Pay when ApplePaySession.canMakePayments() is false', async () => {
    restoreWallets = fakeWallets({ apple: false, google: true });
    expect(await shownMethods()).to.deep.equal(['pis', 'card', 'googlepay']);
    expect(unavailable).to.deep.equal([{ method: 'applepay', reason: 'cannot-make-payments' }]);
  });

  it('shows the form before the browser answered, and fires ready with the wallet once it has', async () => {
    restoreWallets = fakeWallets({ apple: 'absent' });
    let answer: (canPay: boolean) => void = () => {};
    const g = globalThis as Record<string, unknown>;
    g.PaymentRequest = class {
      canMakePayment() {
        return new Promise<boolean>((resolve) => {
          answer = resolve;
        });
      }
    };
    let ready: string[] | undefined;
    document.addEventListener(
      'pay-checkout:ready',
      (e) => {
        ready = (e as CustomEvent<{ methods: string[] }>).detail.methods;
      },
      { once: true },
    );
    const el = document.createElement('pay-checkout');
    Object.assign(el, { endpoint: '/checkout', order: 'ord-1', country: 'DE', language: 'en' });
    document.body.append(el);
    await until(() => $$(el, '[part~=method]').length === 2, 'the form without the wallet');
    expect(ready, 'no ready while a wallet is unanswered').to.equal(undefined);
    answer(true);
    await until(() => ready !== undefined, 'ready');
    expect(ready).to.deep.equal(['pis', 'card', 'googlepay']);
    expect($$(el, '[part~=method] input').map((input) => (input as HTMLInputElement).value)).to.deep.equal([
      'pis',
      'card',
      'googlepay',
    ]);
    el.remove();
  });

  it('hides Google Pay when the browser cannot pay with it', async () => {
    restoreWallets = fakeWallets({ apple: true, google: false });
    const el = await mount(
      '<pay-checkout endpoint="/checkout" order="ord-1" country="DE" language="en"></pay-checkout>',
    );
    expect($$(el, '[part~=method]').map(text)).to.deep.equal(['Bank payment', 'Card', 'applepay']);
    expect(unavailable).to.deep.equal([{ method: 'googlepay', reason: 'cannot-make-payments' }]);
  });
});
