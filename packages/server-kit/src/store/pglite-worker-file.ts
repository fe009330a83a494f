import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The worker's package export (package.json `exports`), built to `dist/store/pglite-worker.js`. */
export const WORKER_EXPORT = '@pay-checkout/server-kit/pglite-worker';

/**
 * Where the PGlite worker's file is, or undefined when it cannot be found:
 * 1. beside the running file, with the running file's extension: server-kit's own `dist/index.js` and
 *    `dist/conformance.js` have it at `dist/store/pglite-worker.js`, and from TypeScript source (tsx)
 *    this folder has `pglite-worker.ts`;
 * 2. through Node's resolver, from the running file: a merchant's bundle (esbuild, Next.js) inlines
 *    server-kit, so the file beside it is the bundle; the installed package still has the worker, and
 *    from TypeScript source (`--conditions=source`, tests and the benchmark) the `source` condition
 *    names `src/store/pglite-worker.ts`.
 * A bundle deployed without `node_modules` finds neither: pglite-thread.ts then runs PGlite in-thread.
 */
export function locatePgliteWorker(): URL | undefined {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  for (const relative of [`./pglite-worker${extension}`, `./store/pglite-worker${extension}`]) {
    const beside = new URL(relative, import.meta.url);
    if (beside.protocol === 'file:' && existsSync(fileURLToPath(beside))) return beside;
  }
  try {
    const resolved = new URL(import.meta.resolve(WORKER_EXPORT));
    return resolved.protocol === 'file:' && existsSync(fileURLToPath(resolved)) ? resolved : undefined;
  } catch {
    return undefined;
  }
}
