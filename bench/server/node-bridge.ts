// The node:http → fetch bridge alone (`npx tsx --conditions=source bench/server/node-bridge.ts` from the
// repository root, about 1 min): CPU per request of one POST as the element sends it, answered 201 JSON,
// through three servers in this process, interleaved round by round so a busy machine moves all alike:
//   raw     node:http reading the body and writing the answer itself (the floor);
//   own     toNodeHandler over a checkout object the kit registered (its bodies read from node's
//           request, its JSON answers written from their text: src/node-handler.ts);
//   foreign toNodeHandler over a plain fetch wrapper (the generic bridge: a web stream per body).
// The handler reads the body with readJsonBody and answers with jsonResponse, as POST sessions does.
// Prints the median of 7 rounds (CPU of this process, client included: read the differences).
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Checkout } from '../../packages/server-kit/src/checkout.js';
import { readJsonBody } from '../../packages/server-kit/src/http/body.js';
import { jsonResponse } from '../../packages/server-kit/src/http/json.js';
import { registerNodeHooks } from '../../packages/server-kit/src/http/node-hooks.js';
import { toNodeHandler } from '../../packages/server-kit/src/node-handler.js';

const ROUNDS = 7;
const PER_ROUND = 3000;
const CONCURRENCY = 8;
const ANSWER = {
  sessionId: 'x'.repeat(22),
  redirectUrl: 'http://127.0.0.1:1/widget/abcdef',
  status: 'pending',
};

function fetchHandler(): Checkout {
  return {
    fetch: async (req: Request) => {
      const body = (await readJsonBody(req, 16 * 1024)) as object;
      return jsonResponse(201, { ...body, ...ANSWER });
    },
  } as Checkout;
}

function raw(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString()) as object;
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ...body, ...ANSWER }));
  });
}

const own = fetchHandler();
registerNodeHooks(own, { allowedMethods: () => [], log: console as never });
const handlers = { raw, own: toNodeHandler(own), foreign: toNodeHandler(fetchHandler()) };
const ports: Record<string, number> = {};
for (const [name, handler] of Object.entries(handlers)) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ports[name] = (server.address() as AddressInfo).port;
  server.unref();
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const body = JSON.stringify({ order: 'order-1', method: 'card' });
const headers = {
  'content-type': 'application/json',
  origin: 'https://shop.test',
  'idempotency-key': 'k1',
  'content-length': String(body.length),
};

function post(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { port, host: '127.0.0.1', path: '/checkout/sessions', method: 'POST', agent, headers },
      (res) => {
        if (res.statusCode !== 201) reject(new Error(`answered ${res.statusCode}`));
        res.resume();
        res.on('end', resolve);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(port: number, count: number): Promise<void> {
  let sent = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent++ < count) await post(port);
    }),
  );
}

const cpuMicros: Record<string, number[]> = { raw: [], own: [], foreign: [] };
for (const name of Object.keys(handlers)) await run(ports[name], 1000); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const name of Object.keys(handlers)) {
    const before = process.cpuUsage();
    await run(ports[name], PER_ROUND);
    const used = process.cpuUsage(before);
    cpuMicros[name].push((used.user + used.system) / PER_ROUND);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const floor = median(cpuMicros.raw);
for (const [name, values] of Object.entries(cpuMicros))
  console.log(
    `${name.padEnd(8)} ${median(values).toFixed(1).padStart(7)} µs CPU per request` +
      (name === 'raw' ? ' (floor)' : `, bridge ${(median(values) - floor).toFixed(1)} µs over raw`),
  );
agent.destroy();
