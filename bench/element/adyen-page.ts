// Adyen Web v6 Drop-in as a merchant would ship it, for bench/element/cold-vs-adyen.ts: bundled with
// esbuild (one minified ES module, the components the page needs and nothing else) plus Adyen's own
// stylesheet, mounted offline with its payment-methods response inline in the page, the same methods
// our element shows (bench/element/cold-page.ts: bank payment with 40 banks, card, Google Pay, Apple Pay).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { COLUMN, OPTIONS } from './cold-page.js';

const require = createRequire(import.meta.url);

/** Adyen's paymentMethods answer for the same choice our element gets (Pay by Bank carries the banks). */
const PAYMENT_METHODS = {
  paymentMethods: [
    {
      type: 'paybybank',
      name: 'Pay by Bank',
      issuers: OPTIONS.banks.map((bank) => ({ id: bank.id, name: bank.name })),
    },
    { type: 'scheme', name: 'Cards', brands: ['visa', 'mc', 'amex'] },
    {
      type: 'googlepay',
      name: 'Google Pay',
      configuration: { merchantId: '1000', gatewayMerchantId: 'BenchMerchant' },
    },
    {
      type: 'applepay',
      name: 'Apple Pay',
      configuration: { merchantId: 'bench', merchantName: 'Bench' },
    },
  ],
};

// The page's entry: Adyen's documented v6 set-up (AdyenCheckout, then a Drop-in with the components
// it may show); `onReady` is Drop-in's "rendered and ready" callback, stamped like our
// `pay-checkout:ready`. Analytics off: it would post to Adyen.
const ENTRY = `
import { AdyenCheckout, ApplePay, Card, Dropin, GooglePay, PayByBank } from '@adyen/adyen-web';
const paymentMethodsResponse = JSON.parse(document.getElementById('payment-methods').textContent);
const checkout = await AdyenCheckout({
  environment: 'test',
  clientKey: 'test_BENCHBENCHBENCHBENCHBENCHBENCH',
  countryCode: 'DE',
  locale: 'en-US',
  amount: { value: ${OPTIONS.amount.value}, currency: '${OPTIONS.amount.currency}' },
  paymentMethodsResponse,
  analytics: { enabled: false },
  onSubmit() {},
  onAdditionalDetails() {},
});
new Dropin(checkout, {
  paymentMethodComponents: [PayByBank, Card, GooglePay, ApplePay],
  onReady() { window.readyAt = performance.now(); performance.mark('ready'); },
}).mount('#dropin');
`;

/**
 * The wallet SDKs Drop-in loads before it shows its list, by URL, stubbed as headless Chromium would
 * leave them: Google's pay.js defines a client that says Google Pay is not ready (what our element
 * hears from Chromium's Payment Request), Apple's SDK defines nothing (no ApplePaySession, as for our
 * element). Unanswered, Drop-in's script loader retries each for seconds.
 */
export const WALLET_SDK_STUBS: Record<string, string> = {
  'https://pay.google.com/gp/p/js/pay.js': `window.google = { payments: { api: { PaymentsClient: class {
  isReadyToPay() { return Promise.resolve({ result: false }); }
  prefetchPaymentData() {}
} } } };`,
  'https://applepay.cdn-apple.com/jsapi/1.latest/apple-pay-sdk.js': '// no Apple Pay in this browser',
};

/** The Drop-in bundle and stylesheet, built once per run. */
export async function adyenAssets(): Promise<{ script: string; css: string }> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return {
    script: result.outputFiles[0].text,
    css: readFileSync(require.resolve('@adyen/adyen-web/styles/adyen.css'), 'utf8'),
  };
}

/** Adyen's page: its stylesheet and bundle in the head, the payment methods inline, a mount point. */
export function adyenPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<link rel="stylesheet" href="/adyen.css">
<script type="module" src="/adyen.bundle.js"></script></head><body>
<script type="application/json" id="payment-methods">${JSON.stringify(PAYMENT_METHODS)}</script>
${COLUMN}<div id="dropin"></div></main></body></html>`;
}
