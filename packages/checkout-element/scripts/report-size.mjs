// Prints the gzip size of every built file and the SRI hash of the script-tag bundle, and writes
// dist/integrity.json ({file, integrity, gzipBytes}) for server-kit, which serves the bundle as element.js.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const BUNDLE = 'pay-checkout.bundle.js';
const BUNDLE_BUDGET = 15 * 1024;
const LOCALE_BUDGET = 2 * 1024;

const gzipBytes = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

const files = [
  'pay-checkout.js',
  BUNDLE,
  ...readdirSync(join(dist, 'locales')).map((f) => `locales/${f}`),
].filter((f) => f.endsWith('.js'));
let over = 0;
console.log('\nfile                              raw        gzip');
for (const file of files) {
  const raw = readFileSync(join(dist, file)).length;
  const gz = gzipBytes(file);
  const budget = file === BUNDLE ? BUNDLE_BUDGET : file.startsWith('locales/') ? LOCALE_BUDGET : Infinity;
  if (gz > budget) over++;
  console.log(
    `${file.padEnd(32)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)}${gz > budget ? '  OVER BUDGET' : ''}`,
  );
}
const integrity = `sha384-${createHash('sha384')
  .update(readFileSync(join(dist, BUNDLE)))
  .digest('base64')}`;
const gz = gzipBytes(BUNDLE);
writeFileSync(
  join(dist, 'integrity.json'),
  `${JSON.stringify({ file: BUNDLE, integrity, gzipBytes: gz }, null, 2)}\n`,
);
console.log(
  `\n${BUNDLE}: ${kb(gz)} gzip (budget ${kb(BUNDLE_BUDGET)}), locale chunks budget ${kb(LOCALE_BUDGET)} each`,
);
console.log(`SRI: ${integrity}`);
if (over) {
  console.error(`${over} file(s) over budget`);
  process.exitCode = 1;
}
