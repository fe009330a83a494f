// Checks that the load generator survives a reset socket and counts it (issue 14: 2 of 8 bench runs
// died on an unhandled ECONNRESET): a local server answers most requests and resets the connection
// of every fifth, with no answer. Run: `npx tsx bench/server/check-reset.ts` (from the repository
// root); it prints PASS or FAIL and exits 1 on FAIL. Loopback only, a few hundred ms.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPool, runFixedLoad } from './http-load.js';

let seen = 0;
const server = createServer((req, res) => {
  const n = ++seen;
  req.resume();
  req.on('end', () => {
    if (n % 5 === 0) req.socket.resetAndDestroy();
    else res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const agent = createPool(8);
const count = 200;
const result = await runFixedLoad({
  agent,
  count,
  concurrency: 8,
  expected: 201,
  makeTarget: () => ({ url, headers: { 'content-type': 'application/json' }, body: '{}' }),
});
agent.destroy();
server.closeAllConnections();
server.close();
const resets = result.errors.ECONNRESET ?? 0;
const answered = result.latencies.length;
const pass = resets === count / 5 && answered === count - resets && result.failures === resets;
console.log(
  `${pass ? 'PASS' : 'FAIL'}: ${count} requests, ${answered} answered, errors ${JSON.stringify(result.errors)}, ` +
    `${result.failures} failures (every fifth connection reset by the server)`,
);
process.exitCode = pass ? 0 : 1;
