import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findPackageDir } from './modules.js';

/**
 * The SRI hash the element build publishes for its script-tag file (`dist/integrity.json`, written by
 * `npm run build -w @pay-checkout/element`). Read per page so a rebuild while the demo runs is picked
 * up; `undefined` when the element has not been built (the page then loads the file without SRI).
 */
export async function readElementIntegrity(): Promise<string | undefined> {
  const dir = findPackageDir('@pay-checkout/element');
  if (!dir) return undefined;
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'dist', 'integrity.json'), 'utf8')) as {
      file?: string;
      integrity?: string;
    };
    const ok = manifest.file?.endsWith('pay-checkout.bundle.js') && manifest.integrity?.startsWith('sha');
    return ok ? manifest.integrity : undefined;
  } catch {
    return undefined;
  }
}
