import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumExecutablePath } from './scripts/chromium.mjs';

// Element tests in real Chromium. Run from packages/checkout-element:
// `web-test-runner --config ../../web-test-runner.config.mjs`.
const element = new URL('./packages/checkout-element/', import.meta.url).pathname;

export default {
  rootDir: new URL('.', import.meta.url).pathname,
  files: `${element}test/**/*.test.ts`,
  nodeResolve: true,
  // The tsconfig makes esbuild honour experimentalDecorators (lit's decorators).
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${element}tsconfig.json` })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromiumExecutablePath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  testFramework: { config: { timeout: 5000 } },
};
