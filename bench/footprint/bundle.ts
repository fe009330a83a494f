// Bundles kit-server.ts into plain JavaScript, as a host deploys a server: the entry and its relative
// imports in one file, every package external, so server-kit, zod and pino load from node_modules
// (server-kit from its dist/) with no TypeScript loader in the measured process.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Under the root node_modules (ignored by git), so the bundle resolves the workspaces' packages. */
const OUT_DIR = fileURLToPath(new URL('../../node_modules/.cache/pay-checkout-footprint/', import.meta.url));

/** Writes the bundle and returns its path. */
export async function bundleKitServer(): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = `${OUT_DIR}kit-server.mjs`;
  await build({
    entryPoints: [fileURLToPath(new URL('./kit-server.ts', import.meta.url))],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}
