import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A round-robin HTTP load balancer for the load test, on 127.0.0.1: each request goes to the next
 * instance; one that refuses the connection (killed, restarting) is skipped for a second and the
 * request goes to another, as a real balancer's health check would do. Bodies are small (buffered
 * first, so a refused request can be resent); answers, SSE included, are piped through.
 */
export interface Balancer {
  url: string;
  close(): Promise<void>;
}

export async function startBalancer(upstreams: readonly number[]): Promise<Balancer> {
  const downUntil = new Map<number, number>();
  let next = 0;
  const pick = (avoid: Set<number>): number | undefined => {
    for (let i = 0; i < upstreams.length; i++) {
      const port = upstreams[(next + i) % upstreams.length];
      if (avoid.has(port) || (downUntil.get(port) ?? 0) > Date.now()) continue;
      next = (next + i + 1) % upstreams.length;
      return port;
    }
    return upstreams.find((port) => !avoid.has(port));
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
    req.on('error', () => res.destroy());
  });
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tried: Set<number>) => {
    const port = pick(tried);
    if (port === undefined) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"no_upstream","message":"No instance is up."}}');
      return;
    }
    tried.add(port);
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (answer: IncomingMessage) => {
        // `x-upstream` says which instance answered (the load test's report on streams).
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-upstream': String(port) });
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && !res.headersSent) {
        downUntil.set(port, Date.now() + 1000);
        forward(req, res, body, tried);
        return;
      }
      res.destroy();
    });
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
