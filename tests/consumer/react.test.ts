import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

// React 18 and React 19 through `@pay-checkout/react` and through the raw `<pay-checkout>` tag, in the
// project tests/consumer installed from our packed tarballs (CONSUMER_DIR, outside the workspace; its
// package.json is tests/consumer/project/package.json). A page is bundled with esbuild as a merchant's
// bundler would (browser conditions; React 18 by aliasing `react` to the project's `react18`), then
// rendered with React's client renderer in happy-dom, one child process per React version. The types
// are checked with the project's own `tsc` against the generated `@pay-checkout/element/jsx`.

const consumer = process.env.CONSUMER_DIR;
const run = promisify(execFile);

/** The page: the wrapper and the raw tag side by side; resolves with what each one did. */
const PAGE = `
import { createElement as h, version } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { PayCheckout } from '@pay-checkout/react';

const OPTIONS = {
  mode: 'sandbox',
  amount: { value: 1999, currency: 'EUR' },
  methods: [{ id: 'card', label: 'Card' }],
  banks: [],
  languages: ['en'],
};
const MESSAGES = { pay: 'Buy now for {amount}' };

/** Resolves when the element is ready (seen on the document, whatever React attached), or fails after 5 s. */
const readyOf = (id) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(id + ' never became ready')), 5000);
    document.addEventListener('pay-checkout-ready', (event) => {
      if (event.target.id === id) clearTimeout(timer), resolve();
    });
  });

export async function run() {
  const seen = { wrapperReady: 0, wrapperSubmit: 0, rawReady: 0 };
  const ready = [readyOf('wrapper'), readyOf('raw')];
  const host = document.createElement('div');
  document.body.append(host);
  flushSync(() =>
    createRoot(host).render([
      h(PayCheckout, {
        key: 'wrapper',
        id: 'wrapper',
        endpoint: '/checkout',
        order: 'ord-1',
        language: 'en',
        options: OPTIONS,
        messages: MESSAGES,
        onReady: () => seen.wrapperReady++,
        onSubmit: (event) => {
          seen.wrapperSubmit++;
          event.preventDefault(); // vetoed: nothing leaves the page
        },
      }),
      // the raw tag takes its options from a JSON child, which needs no property support
      h(
        'pay-checkout',
        {
          key: 'raw',
          id: 'raw',
          endpoint: '/checkout',
          order: 'ord-1',
          language: 'en',
          messages: MESSAGES,
          'onpay-checkout-ready': () => seen.rawReady++,
        },
        h('script', { type: 'application/json', dangerouslySetInnerHTML: { __html: JSON.stringify(OPTIONS) } }),
      ),
    ]),
  );
  await Promise.all(ready);
  const wrapper = document.getElementById('wrapper');
  const raw = document.getElementById('raw');
  await wrapper.submit();
  const state = (el) => ({
    endpoint: el.endpoint,
    phase: el.getAttribute('phase'),
    messages: el.messages,
    messagesAttribute: el.getAttribute('messages'),
    pay: el.shadowRoot.querySelector('[part=pay-button]').textContent.trim(),
  });
  return { react: version, seen, wrapper: state(wrapper), raw: state(raw) };
}
`;

/** Registers happy-dom, runs the bundled page and prints its result as JSON. */
const RUNNER = `
import { GlobalRegistrator } from '@happy-dom/global-registrator';
GlobalRegistrator.register({ url: 'http://127.0.0.1/' });
const { run } = await import(process.argv[2]);
console.log(JSON.stringify(await run()));
process.exit(0); // no teardown: the page stays mounted, as a page does until it is closed
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    jsx: 'react-jsx',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
    // declaration files are not re-checked (fast); a broken typing still fails the positive usage or
    // leaves an @ts-expect-error below unused
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['*.tsx'],
};

/** A merchant's TSX: the raw tag typed by the generated IntrinsicElements, and the wrapper. */
const TSX = `
import type {} from '@pay-checkout/element/jsx';
import '@pay-checkout/element';
import { PayCheckout } from '@pay-checkout/react';
import { useRef } from 'react';
import type { PayCheckout as PayCheckoutElement } from '@pay-checkout/element';

export function Checkout({ order }: { order: string }) {
  const ref = useRef<PayCheckoutElement>(null);
  return (
    <>
      <pay-checkout
        ref={ref}
        endpoint="/checkout"
        order={order}
        messages={{ pay: 'Buy now for {amount}' }}
        onpay-checkout-ready={(event) => event.detail.amount.currency}
        onpay-checkout-redirect={(event) => {
          event.preventDefault();
          return event.detail.url;
        }}
      />
      <PayCheckout
        endpoint="/checkout"
        order={order}
        messages={{ pay: 'Buy now for {amount}' }}
        onReady={(event) => event.detail.methods}
        onWalletUnavailable={(event) => event.detail.reason}
      />
    </>
  );
}

export const wrong = [
  // @ts-expect-error endpoint is a string
  <pay-checkout key="a" endpoint={1} />,
  // @ts-expect-error a ready event has no url
  <pay-checkout key="b" onpay-checkout-ready={(event) => event.detail.url} />,
  // @ts-expect-error messages are keyed by message id
  <PayCheckout key="c" messages={{ notAMessage: 'x' }} />,
  // @ts-expect-error phase is read-only state
  <PayCheckout key="d" phase="ready" />,
];
`;

describe('React consumer of the packed packages', {
  skip: !consumer && 'CONSUMER_DIR is not set',
  concurrency: true,
}, () => {
  let dir = '';
  let esbuild: typeof import('esbuild');

  before(async () => {
    const require = createRequire(join(consumer!, 'package.json'));
    esbuild = require('esbuild');
    // inside the project, so bare imports resolve against its node_modules (the installed tarballs)
    dir = mkdtempSync(join(consumer!, 'react-check-'));
    writeFileSync(join(dir, 'page.js'), PAGE);
    writeFileSync(join(dir, 'runner.mjs'), RUNNER);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Bundles the page for one React version and runs it in its own process. */
  async function render(react: 18 | 19) {
    const outfile = join(dir, `page-react${react}.js`);
    await esbuild.build({
      entryPoints: [join(dir, 'page.js')],
      outfile,
      absWorkingDir: dir, // where the aliases resolve: the project's node_modules
      bundle: true,
      format: 'esm',
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"production"' },
      alias: react === 18 ? { react: 'react18', 'react-dom': 'react-dom18' } : {},
      logLevel: 'silent',
    });
    const { stdout } = await run(process.execPath, [join(dir, 'runner.mjs'), outfile], {
      cwd: dir,
      timeout: 30_000,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!);
  }

  for (const react of [18, 19] as const) {
    it(`React ${react}: the wrapper sets properties and calls its callbacks`, async () => {
      const result = await render(react);
      assert.match(result.react, new RegExp(`^${react}\\.`), 'the bundle carries that React');
      assert.equal(result.wrapper.endpoint, '/checkout');
      assert.deepEqual(result.wrapper.messages, { pay: 'Buy now for {amount}' });
      assert.equal(
        result.wrapper.messagesAttribute,
        null,
        'messages must be a property, not "[object Object]"',
      );
      assert.equal(result.wrapper.pay, 'Buy now for €19.99');
      assert.equal(result.seen.wrapperReady, 1);
      assert.equal(result.seen.wrapperSubmit, 1);
      assert.equal(result.wrapper.phase, 'ready', 'the vetoed submit opened no session');
      // the raw tag works with strings and the JSON child under both versions
      assert.equal(result.raw.endpoint, '/checkout');
      assert.equal(result.raw.phase, 'ready');
      if (react === 19) {
        // React 19 sets known properties and adds on<event> props as listeners on custom elements
        assert.deepEqual(result.raw.messages, { pay: 'Buy now for {amount}' });
        assert.equal(result.raw.messagesAttribute, null);
        assert.equal(result.seen.rawReady, 1);
      }
    });
  }

  it('type-checks a TSX file using the raw tag (generated IntrinsicElements) and the wrapper', async () => {
    const types = join(dir, 'types');
    rmSync(types, { recursive: true, force: true });
    mkdirSync(types);
    writeFileSync(join(types, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(join(types, 'checkout.tsx'), TSX);
    const tsc = join(consumer!, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', types], { cwd: types }).catch((error) => error);
    assert.equal(result.stdout ?? '', '', 'tsc reported errors');
  });
});
