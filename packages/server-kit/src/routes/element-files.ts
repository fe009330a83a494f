import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The script-tag bundle inside the element's `dist/` (E1 build: ESM, lit bundled, minified). */
export const ELEMENT_BUNDLE = 'pay-checkout.bundle.js';

/**
 * Where the built element lives: the configured directory, else `@pay-checkout/element`'s `dist/`
 * when that package is installed (an optional peer dependency of this package). Node's resolver finds
 * it, from this file (or from the merchant's bundle that inlined it), as an `import` would: through
 * the element's `./package.json` export. Undefined when neither exists (routes answer 404
 * `element_not_built`).
 */
export function resolveElementDir(configured: string | undefined): string | undefined {
  if (configured) return path.resolve(configured);
  let manifest: string;
  try {
    manifest = fileURLToPath(import.meta.resolve('@pay-checkout/element/package.json'));
  } catch {
    return undefined;
  }
  const dist = path.join(path.dirname(manifest), 'dist');
  return existsSync(dist) ? dist : undefined;
}

/** The bundle's SRI hash from the build's `integrity.json`, when the build wrote one. */
export async function readElementIntegrity(dir: string | undefined): Promise<string | undefined> {
  if (!dir) return undefined;
  try {
    const parsed = JSON.parse(await readFile(path.join(dir, 'integrity.json'), 'utf8')) as {
      integrity?: unknown;
    };
    return typeof parsed.integrity === 'string' && /^sha(256|384|512)-[A-Za-z0-9+/=]+$/.test(parsed.integrity)
      ? parsed.integrity
      : undefined;
  } catch {
    return undefined;
  }
}

/** The locale tags the element ships chunks for (`dist/locales/<tag>.js`), English first. */
export async function readElementLanguages(dir: string | undefined): Promise<string[] | undefined> {
  if (!dir) return undefined;
  try {
    const tags = (await readdir(path.join(dir, 'locales')))
      .filter((file) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\.js$/.test(file))
      .map((file) => file.slice(0, -3));
    if (tags.length === 0) return undefined;
    const rest = tags.filter((tag) => tag !== 'en').sort();
    return ['en', ...rest];
  } catch {
    return undefined;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Reads a file below `dir` for serving, or undefined. Only plain relative names with a known
 * extension are served, so `..`, absolute paths and dotfiles never leave the directory.
 */
export async function readElementFile(
  dir: string,
  relative: string,
): Promise<{ body: Buffer; contentType: string } | undefined> {
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s.startsWith('.') || s.includes('\\') || s.includes('\0')))
    return undefined;
  const contentType = CONTENT_TYPES[path.extname(relative).toLowerCase()];
  if (!contentType) return undefined;
  const full = path.resolve(dir, ...segments);
  if (!full.startsWith(path.resolve(dir) + path.sep)) return undefined;
  try {
    return { body: await readFile(full), contentType };
  } catch {
    return undefined;
  }
}
