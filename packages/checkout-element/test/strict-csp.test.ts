import { expect } from '@open-wc/testing';
import { until } from './helpers.js';

// A page with a strict CSP: no inline style, no inline script, scripts only from this origin. The
// element must render and be styled there with no violation reported.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

describe('<pay-checkout> in a strict-CSP page', () => {
  it('renders styled, and the page reports no CSP violation', async () => {
    const frame = document.createElement('iframe');
    const entry = new URL('../src/index.ts', import.meta.url).pathname;
    const probe = new URL('./csp-probe.ts', import.meta.url).pathname;
    frame.srcdoc = `<!doctype html><html><head>
      <meta http-equiv="Content-Security-Policy" content="${CSP}">
      <script type="module" src="${probe}"></script>
      <script type="module" src="${entry}"></script></head>
      <body><pay-checkout endpoint="/no-such-kit" order="ord-1" language="en"></pay-checkout></body></html>`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as Window & { cspViolations: string[] };
      const el = win.document.querySelector('pay-checkout')!;
      // the endpoint answers 404 here: the element reaches its error state, styled
      await until(() => el.shadowRoot?.querySelector('[part=error]'), 'error state');
      const base = el.shadowRoot!.querySelector('[part=base]')!;
      expect(win.getComputedStyle(base).display).to.equal('grid');
      expect(win.cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
