import { unsafeCSS } from 'lit';

// Colours come from --pay-checkout-* custom properties, light and dark, picked with light-dark(): the
// element follows prefers-color-scheme unless the page sets `color-scheme` on it. Logical properties
// only (inline/block), so RTL locales mirror without extra rules. Served as an adopted stylesheet:
// nothing inline, so a strict CSP (no 'unsafe-inline') needs no exception. unsafeCSS on a constant with no
// `${}` is as safe as css`` and the same stylesheet, and it spares the script-tag bundle css``'s code and
// error text (~0.1 KB gzip).
// The language picker has a definite width: an auto-sized select measures the text of every option to
// size itself, and the languages are named in their own scripts (a dozen of them), each a cold font
// fallback: tens of ms of layout in the first frame, more than the rest of the form (measured with
// bench/element/profile-first-render.ts). 11em fits the longest name, "Português (Brasil)".
export const styles = unsafeCSS(`
  :host {
    display: block;
    color-scheme: light dark;
    --_accent: light-dark(var(--pay-checkout-accent, #0b57d0), var(--pay-checkout-accent-dark, #a8c7fa));
    --_on-accent: light-dark(var(--pay-checkout-on-accent, #fff), var(--pay-checkout-on-accent-dark, #062e6f));
    --_bg: light-dark(var(--pay-checkout-bg, #fff), var(--pay-checkout-bg-dark, #1f1f1f));
    --_fg: light-dark(var(--pay-checkout-fg, #1f1f1f), var(--pay-checkout-fg-dark, #e3e3e3));
    --_muted: light-dark(var(--pay-checkout-muted, #545454), var(--pay-checkout-muted-dark, #c4c7c5));
    --_border: light-dark(var(--pay-checkout-border, #747775), var(--pay-checkout-border-dark, #8e918f));
    --_error: light-dark(var(--pay-checkout-error, #b3261e), var(--pay-checkout-error-dark, #f2b8b5));
    --_radius: var(--pay-checkout-radius, 8px);
    --_gap: var(--pay-checkout-spacing, 12px);
    font: var(--pay-checkout-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .base {
    display: grid;
    gap: var(--_gap);
    padding: var(--_gap);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: center;
    justify-content: space-between;
  }
  .amount {
    font-size: 1.25em;
  }
  .badge {
    justify-self: start;
    margin: 0;
    padding-inline: 8px;
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_muted);
  }
  fieldset {
    display: grid;
    gap: 4px;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend,
  label {
    font-weight: 600;
  }
  .method {
    display: flex;
    gap: 8px;
    align-items: center;
    min-block-size: 44px;
    padding-inline: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 400;
    cursor: pointer;
  }
  .method:has(:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  input[type='radio'] {
    inline-size: 20px;
    block-size: 20px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .field {
    display: grid;
    gap: 4px;
  }
  .combo {
    position: relative;
    display: flex;
  }
  input[type='text'],
  select {
    flex: 1;
    min-block-size: 44px;
    padding-inline: var(--_gap);
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  #language {
    inline-size: 11em;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .combo::after {
    content: '▾';
    position: absolute;
    inset-inline-end: var(--_gap);
    inset-block-start: 12px;
    pointer-events: none;
  }
  [role='listbox'] {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 100%;
    z-index: 1;
    max-block-size: 260px;
    overflow-y: auto;
    margin: 4px 0 0;
    padding: 4px;
    list-style: none;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [role='option'] {
    display: flex;
    gap: 8px;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 8px;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  [role='option'].active {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  [aria-selected='true'] {
    font-weight: 600;
  }
  .initials,
  img {
    display: inline-grid;
    place-items: center;
    inline-size: 24px;
    block-size: 24px;
    border-radius: 4px;
    font-size: 0.7em;
    background: var(--_border);
    color: var(--_bg);
    object-fit: contain;
  }
  .recent {
    margin-inline-start: auto;
    font-size: 0.85em;
    color: var(--_muted);
  }
  .hint,
  .note {
    margin: 0;
    color: var(--_muted);
  }
  .invalid,
  .error {
    margin: 0;
    color: var(--_error);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  button {
    min-block-size: 44px;
    font: inherit;
  }
  .pay,
  .retry {
    padding-inline: calc(var(--_gap) * 2);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .pay {
    color: var(--_on-accent);
    background: var(--_accent);
    font-weight: 600;
  }
  .retry {
    color: var(--_accent);
    background: none;
  }
  [aria-disabled='true'],
  :disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .skeleton {
    display: grid;
    gap: var(--_gap);
  }
  .skeleton span {
    block-size: 44px;
    border-radius: var(--_radius);
    background: var(--_border);
    opacity: 0.3;
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.12;
    }
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    .method:has(:checked),
    [aria-selected='true'] {
      outline: 2px solid Highlight;
    }
    .skeleton span {
      background: GrayText;
    }
    .pay {
      forced-color-adjust: none;
      color: ButtonFace;
      background: ButtonText;
    }
  }
`);
