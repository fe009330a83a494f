// SSR-safe import check, run by `npm run build`: importing the npm entry in plain Node (no DOM, no
// window, no document) must not throw. Module code that touched the DOM at load would fail here.
const entry = new URL('../dist/pay-checkout.js', import.meta.url);
const module = await import(entry.href);
if (typeof module.PayCheckout !== 'function')
  throw new Error('dist/pay-checkout.js does not export PayCheckout');
if (typeof document !== 'undefined') throw new Error('a DOM leaked into this check');
console.log('SSR-safe import: dist/pay-checkout.js imports in Node without a DOM');
