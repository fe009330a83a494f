import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { PayCheckout } from '../src/pay-checkout.js';
import { FakeServer } from './fake-server.js';

/** Mounts a template and resolves once its <pay-checkout> fired `pay-checkout-ready` (or failed). */
export async function mount(
  template: TemplateResult | string,
  event = 'pay-checkout-ready',
): Promise<PayCheckout> {
  const settled = new Promise((resolve) => document.addEventListener(event, resolve, { once: true }));
  const root = await fixture<HTMLElement>(template as TemplateResult);
  await settled;
  const el = root.localName === 'pay-checkout' ? (root as PayCheckout) : findElement(root);
  await el.updateComplete;
  return el;
}

function findElement(root: Element): PayCheckout {
  return (root.querySelector('pay-checkout') ??
    root.shadowRoot?.querySelector('pay-checkout')) as PayCheckout;
}

/** A query inside the element's shadow root. */
export function $<T extends Element = HTMLElement>(el: PayCheckout, selector: string): T {
  return el.shadowRoot!.querySelector<T>(selector)!;
}

export function $$<T extends Element = HTMLElement>(el: PayCheckout, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

/** Text with whitespace collapsed, as a screen reader would read it. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Replaces the element's navigation seam and records where it would have gone. */
export function captureNavigation(el: PayCheckout): string[] {
  const urls: string[] = [];
  (el as unknown as { navigate(url: string): void }).navigate = (url) => urls.push(url);
  return urls;
}

/** Resolves with the next event of that name on `target`. */
export function next<T = unknown>(target: EventTarget, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) =>
    target.addEventListener(name, (e) => resolve(e as CustomEvent<T>), { once: true }),
  );
}

/** Waits until `check` holds, polling each animation frame (no fixed sleeps). */
export async function until(check: () => unknown, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Fakes the wallet APIs: Apple Pay via ApplePaySession, Google Pay via PaymentRequest.canMakePayment. */
export function fakeWallets(wallets: {
  apple?: boolean | 'absent';
  google?: boolean | 'absent';
}): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = { ApplePaySession: g.ApplePaySession, PaymentRequest: g.PaymentRequest };
  if (wallets.apple === undefined || wallets.apple === 'absent') delete g.ApplePaySession;
  else g.ApplePaySession = { canMakePayments: () => wallets.apple === true };
  if (wallets.google === undefined || wallets.google === 'absent') delete g.PaymentRequest;
  else {
    g.PaymentRequest = class {
      canMakePayment() {
        return Promise.resolve(wallets.google === true);
      }
    };
  }
  return () => {
    if (saved.ApplePaySession === undefined) delete g.ApplePaySession;
    else g.ApplePaySession = saved.ApplePaySession;
    g.PaymentRequest = saved.PaymentRequest;
  };
}

/**
 * The setup every element suite shares: before each test an empty localStorage (no recent banks left
 * by another test), a fresh FakeServer installed as the kit and the wallet APIs faked; after it, both
 * undone. Call inside a `describe`; read the test's server as `kit.server`.
 */
export function useFakeKit(wallets: Parameters<typeof fakeWallets>[0] = {}): { readonly server: FakeServer } {
  const kit = {} as { server: FakeServer };
  let restoreWallets = () => {};
  beforeEach(() => {
    localStorage.clear();
    kit.server = new FakeServer().install();
    restoreWallets = fakeWallets(wallets);
  });
  afterEach(() => {
    kit.server.uninstall();
    restoreWallets();
  });
  return kit;
}
