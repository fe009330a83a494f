import type { PoolConfig } from 'pg';
import { lazySqlClient } from './lazy-sql-client.js';
import { importPeer } from './optional-peer.js';
import { postgresClient } from './postgres-client.js';
import { sqlStore } from './sql-store.js';
import type { CheckoutStore } from './store.js';

/**
 * node-postgres `PoolConfig` options, as this package's public types spell them: `pg` is an optional
 * peer, so its types must not be needed by a merchant who does not use this store.
 */
export interface PostgresStoreOptions {
  connectionString?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  ssl?: boolean | Record<string, unknown>;
  /** Pool size (node-postgres default: 10). */
  max?: number;
  idleTimeoutMillis?: number;
  connectionTimeoutMillis?: number;
  /** Any other node-postgres `PoolConfig` option, passed through as it is. */
  [option: string]: unknown;
}

/**
 * The store for several server-kit instances behind a load balancer: the same SQL as the PGlite
 * store, over a node-postgres pool. LISTEN/NOTIFY carries every committed status change to every
 * instance (docs/reliability.md 17). `config` is a connection string or a node-postgres pool config.
 * `pg` is loaded and the pool made on first use; a missing `pg` fails that call with
 * `StoreDependencyMissingError`.
 */
export function postgresStore(config: string | PostgresStoreOptions): CheckoutStore {
  return sqlStore(
    lazySqlClient(async () => {
      const pg = (await importPeer('pg', 'The PostgreSQL store', () => import('pg'))).default;
      const options = typeof config === 'string' ? { connectionString: config } : config;
      return postgresClient(new pg.Pool(options as PoolConfig));
    }),
  );
}
