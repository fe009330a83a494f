/**
 * The hosted pages' stylesheet, sent in one `<style nonce>` block (the CSP allows no inline `style=`).
 * Logical properties only (`margin-inline`, `inset-inline-start` …) so Arabic, Hebrew and Persian mirror
 * by `dir` alone; system colours for light, dark and forced-colors; the spinner stops under
 * `prefers-reduced-motion`. Merchants theme with the same `--pay-checkout-*` properties as the element.
 */
export const PAGE_STYLES = `
:root {
  color-scheme: light dark;
  --pay-checkout-accent: #1f5fbf;
  --pay-checkout-accent-text: #ffffff;
  --pay-checkout-radius: 0.5rem;
  --pay-checkout-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --pay-checkout-accent: #8ab4f8; --pay-checkout-accent-text: #0b1b33; }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
body {
  margin: 0;
  min-block-size: 100vh;
  display: grid;
  place-items: start center;
  padding-block: 3rem;
  padding-inline: 1rem;
  font-family: var(--pay-checkout-font);
  line-height: 1.5;
  background: Canvas;
  color: CanvasText;
}
main {
  inline-size: min(100%, 32rem);
  padding: 2rem;
  border: 1px solid color-mix(in srgb, CanvasText 15%, transparent);
  border-radius: var(--pay-checkout-radius);
  border-block-start-width: 0.375rem;
  text-align: start;
}
main[data-status='succeeded'] { border-block-start-color: #1e7d34; }
main[data-status='failed'], main[data-status='expired'], main[data-status='cancelled'] {
  border-block-start-color: #b3261e;
}
h1 { font-size: 1.5rem; margin-block: 0 0.75rem; }
p { margin-block: 0 0.75rem; }
.merchant { margin-block-end: 1rem; opacity: 0.8; }
.reason { font-weight: 600; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; margin-block: 1.25rem; }
dt { opacity: 0.8; }
dd { margin: 0; font-variant-numeric: tabular-nums; }
.progress { display: flex; align-items: center; gap: 0.75rem; margin-block: 1rem; }
.spinner {
  inline-size: 1.5rem;
  block-size: 1.5rem;
  flex: none;
  border: 0.1875rem solid color-mix(in srgb, CanvasText 20%, transparent);
  border-block-start-color: var(--pay-checkout-accent);
  border-radius: 50%;
  animation: pay-checkout-spin 0.9s linear infinite;
}
@keyframes pay-checkout-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) {
  .spinner { animation: none; border-color: var(--pay-checkout-accent); }
}
.button {
  display: inline-block;
  margin-block-start: 0.5rem;
  padding-block: 0.625rem;
  padding-inline: 1.25rem;
  border-radius: var(--pay-checkout-radius);
  background: var(--pay-checkout-accent);
  color: var(--pay-checkout-accent-text);
  font-weight: 600;
  text-decoration: none;
}
.button:focus-visible { outline: 0.1875rem solid CanvasText; outline-offset: 0.1875rem; }
.sr-only {
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
.forward { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; margin-block: 1rem; }
.forward p { margin: 0; }
button, select { font: inherit; min-block-size: 2.75rem; padding-inline: 0.75rem; }
.language { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin-block-start: 1.5rem; }
@media (forced-colors: active) {
  .button { border: 1px solid LinkText; color: LinkText; background: Canvas; }
  .spinner { border-color: CanvasText; }
}
`;
