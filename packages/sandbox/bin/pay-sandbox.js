#!/usr/bin/env node
// Runs the built CLI (`npm run build -w @pay-checkout/sandbox` produces dist/cli.js).
// During development use `npm start -w @pay-checkout/sandbox`, which runs src/cli.ts through tsx.
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('pay-sandbox: dist/cli.js is missing; run `npm run build -w @pay-checkout/sandbox` first.');
  } else {
    console.error(error);
  }
  process.exit(1);
});
