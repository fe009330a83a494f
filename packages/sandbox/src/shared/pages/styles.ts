import { Html } from './html.js';

/**
 * The look of every stage's hosted pages: a calm card on a grey page. Inline in a `<style>` block because
 * the sandbox serves these pages itself (no CSP to satisfy, no asset route); no JavaScript anywhere.
 */
const PAGE_CSS = `
:root { color-scheme: light; --ink: #1b2330; --muted: #5b6576; --line: #d7dce4; --brand: #0b5fff;
  --brand-ink: #ffffff; --danger: #b42318; --danger-bg: #fef3f2; --ok: #067647; --page: #f2f4f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: var(--page); }
a { color: var(--brand); }
:focus-visible { outline: 3px solid #ffb020; outline-offset: 2px; }
header.top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between;
  padding: .75rem 1.25rem; background: #0d1b2e; color: #fff; }
header.top .brand { font-weight: 700; letter-spacing: .01em; }
nav.languages ul { display: flex; gap: .25rem; list-style: none; margin: 0; padding: 0; }
nav.languages a { color: #fff; padding: .25rem .5rem; border-radius: .375rem; text-decoration: none; }
nav.languages a[aria-current="true"] { background: rgba(255,255,255,.18); font-weight: 600; }
main { max-width: 34rem; margin: 2rem auto; padding: 0 1rem; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: .75rem; padding: 1.5rem;
  box-shadow: 0 1px 2px rgba(16,24,40,.06); }
.summary { display: flex; justify-content: space-between; gap: 1rem; margin: 0 0 1.25rem; padding-bottom: 1rem;
  border-bottom: 1px solid var(--line); }
.summary dt { color: var(--muted); font-size: .8125rem; }
.summary dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.summary .amount dd { font-size: 1.25rem; }
h1 { font-size: 1.375rem; margin: 0 0 .5rem; }
p.intro { color: var(--muted); margin-top: 0; }
.field { margin: 0 0 1rem; }
.field label { display: block; font-weight: 600; margin-bottom: .25rem; }
.field .hint { display: block; color: var(--muted); font-size: .875rem; margin-bottom: .25rem; }
input[type="text"], input[type="password"], input[type="search"], select { width: 100%; font: inherit;
  padding: .625rem .75rem; border: 1px solid #98a2b3; border-radius: .5rem; background: #fff; }
input[aria-invalid="true"] { border-color: var(--danger); }
.error { color: var(--danger); background: var(--danger-bg); border-left: 4px solid var(--danger);
  padding: .5rem .75rem; margin: .375rem 0 0; border-radius: .25rem; }
/* Hints of different lengths above the two inputs: align the inputs, not the labels. */
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; align-items: end; }
button, .button { display: inline-block; font: inherit; font-weight: 600; text-align: center; text-decoration: none;
  border-radius: .5rem; padding: .6875rem 1.25rem; border: 1px solid var(--brand); background: var(--brand);
  color: var(--brand-ink); cursor: pointer; }
button.secondary { background: #fff; color: var(--ink); border-color: #98a2b3; }
button.danger { background: #fff; color: var(--danger); border-color: var(--danger); }
button.wide, .button.wide { width: 100%; }
ul.choices { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
ul.choices button { width: 100%; text-align: left; background: #fff; color: var(--ink); border-color: var(--line);
  display: flex; justify-content: space-between; gap: 1rem; }
ul.choices button:hover { border-color: var(--brand); }
ul.choices .bic { color: var(--muted); font-weight: 400; font-size: .875rem; }
form.search { display: grid; gap: .75rem; margin-bottom: 1rem; }
form.search .inline { display: flex; gap: .5rem; align-items: end; }
form.search .inline .field { flex: 1; margin: 0; }
.count { color: var(--muted); font-size: .875rem; }
.hintbox { margin-top: 1.25rem; padding: .75rem 1rem; border: 1px dashed #98a2b3; border-radius: .5rem;
  font-size: .875rem; color: var(--muted); }
.hintbox h2 { font-size: .875rem; margin: 0 0 .25rem; color: var(--ink); }
.cancel { margin-top: 1.25rem; padding-top: 1rem; border-top: 1px solid var(--line); }
.cancel p { color: var(--muted); font-size: .875rem; margin: 0 0 .5rem; }
.issuer { border-top: 6px solid #7a2e8e; }
.issuer .issuer-name { color: #7a2e8e; font-weight: 700; text-transform: uppercase; font-size: .75rem;
  letter-spacing: .08em; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1rem; }
.sheet { border-radius: 1rem; }
.sheet.applepay { background: #111; color: #fff; border-color: #111; }
.sheet.applepay p.intro, .sheet.applepay .summary dt { color: #c7c7cc; }
.sheet.applepay .summary, .sheet.applepay .cancel { border-color: #333; }
.sheet.applepay .cancel p { color: #c7c7cc; }
.sheet.applepay button.pay { background: #fff; color: #111; border-color: #fff; }
.sheet.googlepay button.pay { background: #202124; border-color: #202124; }
.sheet .wallet-card { padding: .75rem 1rem; border: 1px solid var(--line); border-radius: .5rem; }
.status-icon { font-size: 2rem; line-height: 1; margin-bottom: .5rem; }
.status-ok .status-icon { color: var(--ok); }
.status-bad .status-icon { color: var(--danger); }
.status-wait .status-icon { color: #b54708; }
`;

/** Trusted markup: a constant of ours, so it is inserted as is (escaping would break `[type="text"]`). */
export const PAGE_STYLE = new Html(PAGE_CSS);
