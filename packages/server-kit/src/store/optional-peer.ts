import { ConfigError } from '../errors.js';

/**
 * The stores' database drivers are optional peer dependencies of server-kit (its package.json
 * `peerDependenciesMeta`): a merchant on PostgreSQL never installs PGlite's WASM, and one on PGlite never
 * installs `pg`. They are imported only when a store opens, so the package loads without them.
 */
export class StoreDependencyMissingError extends ConfigError {
  /** The npm package that is missing, e.g. `pg`. */
  readonly packageName: string;
  constructor(packageName: string, store: string) {
    super(
      `${store} needs the package ${packageName}, which is not installed. ` +
        `Install it next to @pay-checkout/server-kit: npm install ${packageName}`,
    );
    this.packageName = packageName;
  }
}

/**
 * Runs `load` (an `import()` of `packageName`, written at the call site so bundlers see the literal) and
 * turns "cannot find that package" into `StoreDependencyMissingError`. Any other failure (a broken
 * install, an error inside the package) is rethrown as it is.
 */
export async function importPeer<T>(packageName: string, store: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissingPackage(error, packageName)) throw new StoreDependencyMissingError(packageName, store);
    throw error;
  }
}

function isMissingPackage(error: unknown, packageName: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    // Node names the package it could not find ("Cannot find package 'pg' imported from …"), not the
    // one it was loading when a dependency of that package is missing.
    (message.includes(`'${packageName}'`) || message.includes(`"${packageName}"`))
  );
}
