import { fork } from 'node:child_process';
import {
  Agent,
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A round-robin HTTP load balancer for the load test, on 127.0.0.1, behaving as a real one (nginx's
 * `proxy_next_upstream`, an ALB's health checks) does:
 * - an instance that refuses a connection or drops one before answering is taken out of rotation
 *   until its health check (`GET {healthPath}`) answers 200 again. A restarting kit listens before it
 *   is ready (its requests wait for the store's migrations), so the port being open is not enough;
 * - a request refused by an instance goes to another (nothing reached the first); a GET or HEAD
 *   (idempotent) that an instance dropped before its answer's headers is resent to another, a POST is
 *   not (the client sees the reset and retries with its Idempotency-Key);
 * - an answer cut after its headers (an SSE stream on a killed instance) cuts the client's connection,
 *   so the client reconnects.
 * Bodies are small (buffered first, so a request can be resent); answers, SSE included, are piped.
 */
export interface Balancer {
  url: string;
  /** What happened to each request whose path contains `fragment` (for the run's report on streams). */
  trace(fragment: string): ForwardTrace[];
  close(): Promise<void>;
}

/** One request through the balancer: when it came, where it went, when the answer started and ended. */
export interface ForwardTrace {
  at: number;
  method: string;
  path: string;
  tries: Array<{ port: number; at: number; outcome?: string }>;
  headersAt?: number;
  status?: number;
  endedAt?: number;
}

/** How often an instance out of rotation is health-checked, and how long one check may take. */
const HEALTH_EVERY_MS = 250;
const HEALTH_TIMEOUT_MS = 2000;
const IDEMPOTENT = new Set(['GET', 'HEAD']);

export async function startBalancer(upstreams: readonly number[], healthPath: string): Promise<Balancer> {
  const down = new Set<number>();
  let closed = false;
  // Upstream connections are kept alive, as a balancer's are; a stream holds its own socket.
  const agent = new Agent({ keepAlive: true });
  let next = 0;
  const pick = (avoid: Set<number>): number | undefined => {
    for (let i = 0; i < upstreams.length; i++) {
      const port = upstreams[(next + i) % upstreams.length];
      if (avoid.has(port) || down.has(port)) continue;
      next = (next + i + 1) % upstreams.length;
      return port;
    }
    // Every instance out of rotation (health checks slow on a saturated machine): try one anyway.
    return upstreams.find((port) => !avoid.has(port));
  };
  const healthy = (port: number): Promise<boolean> =>
    new Promise((resolve) => {
      const probe = request({ host: '127.0.0.1', port, path: healthPath, agent: false }, (answer) => {
        answer.resume();
        resolve(answer.statusCode === 200);
      });
      probe.setTimeout(HEALTH_TIMEOUT_MS, () => probe.destroy());
      probe.on('error', () => resolve(false));
      probe.end();
    });
  const takeOut = (port: number) => {
    if (down.has(port)) return;
    down.add(port);
    void (async () => {
      while (!closed) {
        await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
        if (await healthy(port)) break;
      }
      down.delete(port);
    })();
  };

  const traces: ForwardTrace[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const trace: ForwardTrace = { at: Date.now(), method: req.method ?? '', path: req.url ?? '', tries: [] };
    traces.push(trace);
    res.on('close', () => {
      trace.endedAt = Date.now();
    });
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set(), trace));
    req.on('error', () => res.destroy());
  });
  const forward = (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    tried: Set<number>,
    trace: ForwardTrace,
  ) => {
    const port = pick(tried);
    if (port === undefined) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"no_upstream","message":"No instance is up."}}');
      return;
    }
    tried.add(port);
    const attempt: ForwardTrace['tries'][number] = { port, at: Date.now() };
    trace.tries.push(attempt);
    let answered = false;
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer: IncomingMessage) => {
        answered = true;
        trace.headersAt = Date.now();
        trace.status = answer.statusCode;
        // `x-upstream` says which instance answered (the load test's report on streams).
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-upstream': String(port) });
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      attempt.outcome = error.code ?? error.message;
      if (answered || res.destroyed) return res.destroy();
      takeOut(port);
      const resend = error.code === 'ECONNREFUSED' || IDEMPOTENT.has(req.method ?? '');
      if (resend) return forward(req, res, body, tried, trace);
      res.destroy();
    });
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  };
  // A deep accept queue: at the kill, every stream of the dead instance reconnects at the same moment.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    trace: (fragment) => traces.filter((trace) => trace.path.includes(fragment)),
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The balancer as the run uses it: in its own process (balancer-process.ts). */
export interface BalancerProcess {
  url: string;
  trace(fragment: string): Promise<ForwardTrace[]>;
  close(): Promise<void>;
}

const BALANCER_PROCESS = new URL('./balancer-process.ts', import.meta.url);

export async function forkBalancer(
  upstreams: readonly number[],
  healthPath: string,
): Promise<BalancerProcess> {
  const child = fork(BALANCER_PROCESS, [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
    env: { ...process.env, UPSTREAMS: upstreams.join(','), HEALTH_PATH: healthPath },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`balancer exited early (${code})`)));
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message?.type === 'ready' && message.url) resolve(message.url);
    });
  });
  return {
    url,
    trace: (fragment) =>
      new Promise((resolve) => {
        const onMessage = (message: { type?: string; traces?: ForwardTrace[] }) => {
          if (message?.type !== 'trace') return;
          child.off('message', onMessage);
          resolve(message.traces ?? []);
        };
        child.on('message', onMessage);
        child.send({ type: 'trace', fragment });
      }),
    close: async () => {
      child.disconnect();
      await exited;
    },
  };
}
