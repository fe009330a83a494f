#!/usr/bin/env node
// `pay-sandbox`: runs the built CLI (dist/cli.js, what the published package ships) when it exists;
// otherwise, as in a fresh clone right after `npm ci`, runs src/cli.ts through tsx's ESM loader (tsx is a
// devDependency of this repository), so no build step is needed. In the repository `npm start -w
// @pay-checkout/sandbox` always runs the source.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
const source = new URL('../src/cli.ts', import.meta.url);

async function run() {
  if (existsSync(built)) return import(built.href);
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.error(
      'pay-sandbox: dist/cli.js is missing and tsx is not installed to run the source; run `npm run build -w @pay-checkout/sandbox` first.',
    );
    process.exit(1);
  }
  register();
  return import(source.href);
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
