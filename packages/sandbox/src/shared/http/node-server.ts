/**
 * The one node:http ↔ fetch adapter of the sandbox: every stage is a fetch-style handler, and this file
 * is the only place that speaks node's `IncomingMessage` / `ServerResponse`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_BODY_LIMIT_BYTES } from './body.js';
import { PayloadTooLargeError } from './errors.js';
import { errorResponse } from './responses.js';

export type RequestHandler = (request: Request, url: URL) => Promise<Response>;
export type SandboxLog = (message: string, error?: unknown) => void;

export interface ListeningServer {
  /** `http://host:port`, with IPv6 hosts in brackets. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open connections (keep-alive sockets would hold `close()` open). */
  close(): Promise<void>;
}

/** Serves `handle` on `host:port` (`0` = a free port). */
export async function listen(
  handle: RequestHandler,
  options: { port: number; host: string; log: SandboxLog },
): Promise<ListeningServer> {
  const server = createServer((req, res) => {
    void serveNode(req, res, handle, options.log);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Reads at most 64 KiB, builds a `Request`, writes the `Response`. */
async function serveNode(
  req: IncomingMessage,
  res: ServerResponse,
  handle: RequestHandler,
  log: SandboxLog,
): Promise<void> {
  let response: Response;
  try {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const body = await readNodeBody(req, API_BODY_LIMIT_BYTES);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    const method = req.method ?? 'GET';
    const request = new Request(url, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' || body.byteLength === 0 ? undefined : new Uint8Array(body),
    });
    response = await handle(request, url);
  } catch (error) {
    if (!(error instanceof PayloadTooLargeError))
      log(`pay-sandbox: ${req.method} ${pathOnly(req.url)} failed`, error);
    response = errorResponse(error);
  }
  try {
    const payload = Buffer.from(await response.arrayBuffer());
    if (res.destroyed) return;
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    res.writeHead(response.status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  } catch (error) {
    log('pay-sandbox: writing a response failed', error);
    res.destroy();
  }
}

function readNodeBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limitBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    // Drain the rest instead of destroying the socket, so that the client reads the 413 answer.
    req.on('end', () =>
      tooLarge ? reject(new PayloadTooLargeError(limitBytes)) : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

/** Query strings may carry references; logs get the path only. */
function pathOnly(url: string | undefined): string {
  return (url ?? '/').split('?')[0];
}
