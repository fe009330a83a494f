import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// Builds <pay-checkout> (packages/checkout-element); the element's package.json calls this file:
// `vite build -c ../../vite.config.ts`               -> dist/pay-checkout.js: ESM for npm, lit external
// `vite build -c ../../vite.config.ts --mode bundle` -> dist/pay-checkout.bundle.js: one minified ES module with
//                                                      lit bundled, for a <script type="module"> tag
// Both builds emit the same self-contained locale chunks to dist/locales/<tag>.js (pure data, no imports),
// so either entry loads them relative to itself and the script-tag file stays a single file.
const element = fileURLToPath(new URL('./packages/checkout-element/', import.meta.url));

/**
 * Shrinks the text inside the element's html``, css`` and unsafeCSS(``) templates, which minifiers leave alone
 * (what rollup-plugin-minify-html-literals does, in a few lines). JS never depends on indentation, so
 * indentation goes everywhere; a newline alone renders like the indented one in HTML, and an html``
 * attribute on its own line joins its tag's line (no JS line starts with `name="` or `.prop=${`). CSS without
 * `${}` loses the spaces around punctuation. Keeps the script-tag file inside its 15 KB gzip budget.
 */
function minifyTemplates(): Plugin {
  const minifyCss = (text: string) =>
    text
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]|:(?!has|focus)) ?/g, '$1')
      .replace(/;}/g, '}')
      .replace(/ ([*/]) | (!important)/g, '$1$2') // `calc(a * 2)` needs no spaces around * and /
      // `[role='listbox']` needs no quotes around a plain word; `0.7` is `.7`
      .replace(/\[([\w-]+)='([\w-]+)'\]/g, '[$1=$2]')
      .replace(/([:,( ])0\./g, '$1.');
  return {
    name: 'pay-checkout:minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(`${element}src/`) || !id.endsWith('.ts')) return null;
      return code
        .replace(/\n[ \t]+(?=[?.@]?[a-z-]+=[$"])/g, ' ') // an attribute on its own line in html``
        .replace(/\n[ \t]+/g, '\n')
        .replace(/\n(?=\/?>)/g, '') // a tag's closing `>` or `/>` on its own line
        .replace(
          /(css|unsafeCSS\()`([^`$]*)`/g,
          (_whole, tag: string, text: string) => `${tag}\`${minifyCss(text)}\``,
        );
    },
  };
}

export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle';
  return {
    root: element,
    plugins: bundle ? [minifyTemplates()] : [],
    build: {
      target: 'es2022',
      outDir: `${element}dist`,
      emptyOutDir: !bundle, // the 2nd build must not wipe the 1st
      sourcemap: !bundle,
      minify: bundle,
      lib: {
        entry: `${element}src/index.ts`,
        formats: ['es'],
        fileName: () => (bundle ? 'pay-checkout.bundle.js' : 'pay-checkout.js'),
      },
      rolldownOptions: {
        external: bundle ? [] : [/^lit($|\/)/, /^@lit\//],
        output: {
          chunkFileNames: 'locales/[name].js',
          // lib mode keeps whitespace in ES output; force a full minify for the script-tag file (§6.3)
          // and no comments: the `@__PURE__` annotations help only a bundler, and nothing bundles this file again
          ...(bundle ? { minify: true, comments: false } : {}),
        },
      },
    },
  };
});
