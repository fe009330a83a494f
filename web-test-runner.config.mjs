import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

// Element tests in real Chromium. Run from packages/checkout-element:
// `web-test-runner --config ../../web-test-runner.config.mjs`.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const element = new URL('./packages/checkout-element/', import.meta.url).pathname;

export default {
  rootDir: new URL('.', import.meta.url).pathname,
  files: `${element}test/**/*.test.ts`,
  nodeResolve: true,
  // The tsconfig makes esbuild honour experimentalDecorators (TOOLCHAIN.md §6.2).
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${element}tsconfig.json` })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 5000 } },
};
