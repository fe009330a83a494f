import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { GlobalRegistrator } from '@happy-dom/global-registrator';
import type { OptionsResponse } from '@pay-checkout/contract';
import type { ReactNode } from 'react';
import type { Root } from 'react-dom/client';
import type { PayCheckoutElement, ReadyDetail, SubmitDetail } from '../src/index.js';

// A real DOM (happy-dom) and React 19's client renderer, run with the `browser` export condition
// (package.json) so @lit/react and lit load their browser builds, as a bundler would pick them: the wrapper must set properties (not
// `[object Object]` attributes) and call its callbacks from the element's own events. The options are
// handed over inline, so the element renders without asking any server.
GlobalRegistrator.register({ url: 'http://127.0.0.1/' });
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const { act, createRef } = await import('react');
const { createRoot } = await import('react-dom/client');
const { PayCheckout } = await import('../src/index.js');

const OPTIONS = {
  mode: 'sandbox',
  amount: { value: 1999, currency: 'EUR' },
  methods: [{ id: 'card', label: 'Card' }],
  banks: [],
  languages: ['en'],
} as OptionsResponse;

describe('<PayCheckout> (React 19, happy-dom)', () => {
  let root: Root;
  let host: HTMLElement;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    host.remove();
  });
  after(() => GlobalRegistrator.unregister());

  const render = (node: ReactNode) => act(async () => root.render(node));

  it('sets properties, calls onReady with the typed detail, and lets onSubmit veto a payment', async () => {
    const ready: ReadyDetail[] = [];
    const submits: SubmitDetail[] = [];
    const ref = createRef<PayCheckoutElement>();
    let readyFired = () => {};
    const readyOnce = new Promise<void>((resolve) => {
      readyFired = resolve;
    });
    await render(
      <PayCheckout
        ref={ref}
        id="checkout"
        endpoint="/checkout"
        order="ord-1"
        language="en"
        options={OPTIONS}
        messages={{ pay: 'Buy now for {amount}' }}
        onReady={(event) => {
          ready.push(event.detail);
          readyFired();
        }}
        onSubmit={(event) => {
          submits.push(event.detail);
          event.preventDefault(); // vetoed: no session is opened, nothing leaves the page
        }}
      />,
    );
    await readyOnce;
    const el = ref.current!;
    assert.equal(el.localName, 'pay-checkout');
    assert.equal(el.id, 'checkout');
    assert.equal(el.endpoint, '/checkout');
    assert.deepEqual(el.messages, { pay: 'Buy now for {amount}' });
    assert.equal(el.getAttribute('messages'), null); // a property, never "[object Object]"
    assert.deepEqual(ready, [{ methods: ['card'], amount: OPTIONS.amount, mode: 'sandbox' }]);
    assert.equal(el.getAttribute('phase'), 'ready');

    await el.submit();
    assert.deepEqual(submits, [{ order: 'ord-1', method: 'card', bank: undefined }]);
    assert.equal(el.phase, 'ready');
  });

  it('swaps a callback on re-render without adding a second listener', async () => {
    const calls: string[] = [];
    const ref = createRef<PayCheckoutElement>();
    const props = { ref, endpoint: '/checkout', order: 'ord-1', language: 'en', options: OPTIONS };
    await render(<PayCheckout {...props} onChange={() => calls.push('first')} />);
    await render(<PayCheckout {...props} onChange={() => calls.push('second')} />);
    ref.current!.dispatchEvent(new CustomEvent('pay-checkout-change', { detail: { language: 'en' } }));
    assert.deepEqual(calls, ['second']);
  });
});

// Types only (checked by `npm run typecheck`): wrong props and callback shapes do not compile.
export const typeChecks = [
  // @ts-expect-error endpoint is a string
  <PayCheckout key={1} endpoint={1} />,
  // @ts-expect-error phase is read-only state, not a prop
  <PayCheckout key={2} phase="ready" />,
  // @ts-expect-error a ready detail has no url
  <PayCheckout key={3} onReady={(event) => event.detail.url} />,
  <PayCheckout
    key={4}
    onRedirect={(event) => event.detail.url}
    onError={(event) => event.detail.retryable}
  />,
];
