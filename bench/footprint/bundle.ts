// Bundles kit-server.ts into plain JavaScript, as a host deploys a server: the entry and its relative
// imports in one file, every package external, so server-kit, zod and pino load from node_modules
// (server-kit from its dist/) with no TypeScript loader in the measured process. `--compare <ref>`
// also builds server-kit as it was at a git ref, into the same cache, for before/after runs side by side.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Under the root node_modules (ignored by git), so the bundles resolve the workspaces' packages. */
const OUT_DIR = fileURLToPath(new URL('../../node_modules/.cache/pay-checkout-footprint/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Writes the kit server's bundle and returns its path. `serverKit`: the entry file of another build of
 * server-kit (`buildServerKitAt`) to use instead of the installed package; it is bundled in, and the
 * bundle is written beside it, where server-kit looks for its PGlite worker first
 * (pglite-worker-file.ts): otherwise the installed package's worker would be found and measured.
 */
export async function bundleKitServer(serverKit?: string): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const outfile = serverKit ? join(dirname(serverKit), 'kit-server.mjs') : `${OUT_DIR}kit-server.mjs`;
  await build({
    entryPoints: [fileURLToPath(new URL('./kit-server.ts', import.meta.url))],
    outfile,
    bundle: true,
    packages: 'external',
    ...(serverKit ? { alias: { '@pay-checkout/server-kit': serverKit } } : {}),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Builds server-kit's src/ as it is at `ref` the way its package build does (index and PGlite worker,
 * packages external) and returns the index's path; the worker lands beside it, where the index
 * looks for it first.
 */
export async function buildServerKitAt(ref: string): Promise<string> {
  const dir = `${OUT_DIR}at-${ref.replace(/[^\w.-]/g, '_')}/`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', ref, 'packages/server-kit/src'], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  const src = `${dir}packages/server-kit/src/`;
  await build({
    entryPoints: [`${src}index.ts`, `${src}store/pglite-worker.ts`],
    outdir: `${dir}dist`,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return `${dir}dist/index.js`;
}
