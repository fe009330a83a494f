import path from 'node:path';
import type { Logger } from 'pino';
import { lockDataDir } from './data-dir-lock.js';
import { lazySqlClient } from './lazy-sql-client.js';
import { pgliteThreadClient } from './pglite-thread.js';
import { sqlStore } from './sql-store.js';
import type { CheckoutStore } from './store.js';

/**
 * The store `createCheckout` uses when the merchant names none: PGlite in `PAY_CHECKOUT_DATA`, else
 * `./.pay-checkout`, opened on first use, never when the checkout is constructed. A build step that
 * only imports the merchant's server module (Next.js collecting routes, a bundler, a type check)
 * then creates no data directory, and the log says where the data went the moment it does.
 */
export function defaultStore(log: Logger): CheckoutStore {
  const dataDir = path.resolve(process.env.PAY_CHECKOUT_DATA ?? './.pay-checkout');
  return sqlStore(
    lazySqlClient(async () => {
      log.info(
        { dataDir },
        'opening the default store (PGlite) on first use; set PAY_CHECKOUT_DATA or the `store` option to choose another',
      );
      // Taken before PGlite opens it: a second opener fails here, before touching any file.
      const release = lockDataDir(dataDir);
      return pgliteThreadClient(dataDir, release, log);
    }),
  );
}
