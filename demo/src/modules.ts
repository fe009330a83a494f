import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Read-only access to a fixed allow-list of package folders under node_modules, for the checkout page
 * that imports the npm ESM build of `<pay-checkout>` the way an app without a bundler would (an
 * import map). Nothing outside these folders is served, whatever the URL says.
 */
export const MODULES_PATH = '/modules/';

/** Package → the only sub-folder served from it ('' = the package root). */
const ALLOWED_PACKAGES: Readonly<Record<string, string>> = {
  lit: '',
  'lit-html': '',
  'lit-element': '',
  '@lit/reactive-element': '',
  '@pay-checkout/element': 'dist',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The import map for `<script type="importmap">`: bare specifiers → files under `/modules/`. */
export const IMPORT_MAP: Readonly<Record<string, string>> = {
  lit: '/modules/lit/index.js',
  'lit/': '/modules/lit/',
  'lit-html': '/modules/lit-html/lit-html.js',
  'lit-html/': '/modules/lit-html/',
  'lit-element': '/modules/lit-element/index.js',
  'lit-element/': '/modules/lit-element/',
  '@lit/reactive-element': '/modules/@lit/reactive-element/reactive-element.js',
  '@lit/reactive-element/': '/modules/@lit/reactive-element/',
  '@pay-checkout/element': '/modules/@pay-checkout/element/dist/pay-checkout.js',
};

// Where a package is installed does not change while the shop runs: each is looked up once, not by a
// walk of synchronous file checks on every `/modules/` request and every checkout page.
const packageDirs = new Map<string, string | undefined>();

/** The folder of package `name` in the nearest node_modules (walking up from this file) that holds it. */
export function findPackageDir(name: string): string | undefined {
  if (!packageDirs.has(name)) packageDirs.set(name, lookUpPackageDir(name));
  return packageDirs.get(name);
}

function lookUpPackageDir(name: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface ModuleFile {
  body: Buffer;
  contentType: string;
}

/**
 * Resolves `/modules/<package>/<file>` to a file inside the package's allowed folder, or `undefined`.
 * Both the requested path and the real path (after symlinks) must stay inside that folder.
 */
export async function readModuleFile(pathname: string): Promise<ModuleFile | undefined> {
  if (!pathname.startsWith(MODULES_PATH)) return undefined;
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(MODULES_PATH.length));
  } catch {
    return undefined;
  }
  if (rest.includes('\\') || rest.includes('\0')) return undefined;
  const segments = rest.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) return undefined;
  const name = segments[0].startsWith('@') ? segments.slice(0, 2).join('/') : segments[0];
  const subFolder = ALLOWED_PACKAGES[name];
  if (subFolder === undefined || !Object.hasOwn(ALLOWED_PACKAGES, name)) return undefined;
  const contentType = CONTENT_TYPES[extname(rest)];
  if (!contentType) return undefined;
  const pkg = findPackageDir(name);
  if (!pkg) return undefined;
  try {
    const root = await realpath(join(pkg, subFolder));
    const file = await realpath(join(pkg, ...segments.slice(name.split('/').length)));
    if (!file.startsWith(root + sep)) return undefined;
    return { body: await readFile(file), contentType };
  } catch {
    return undefined;
  }
}
