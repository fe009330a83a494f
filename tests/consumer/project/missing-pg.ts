// `pg` is an optional peer of server-kit and this project does not install it: the PostgreSQL store must
// say so by name when it opens, and importing server-kit must work without it.
import { postgresStore, StoreDependencyMissingError } from '@pay-checkout/server-kit';

const store = postgresStore('postgres://127.0.0.1:1/none');
try {
  await store.migrate();
  console.log('RESULT {"opened":true}');
} catch (error) {
  const missing = error instanceof StoreDependencyMissingError;
  console.log(`RESULT ${JSON.stringify({ missing, message: (error as Error).message })}`);
}
