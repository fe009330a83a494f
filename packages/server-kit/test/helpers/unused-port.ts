import { createServer } from 'node:net';

/**
 * A port nothing listens on right now: bound on 127.0.0.1, then released. For a process that must know
 * its port before it listens, and for a connection that must be refused.
 */
export async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
