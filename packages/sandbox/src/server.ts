import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_BODY_LIMIT_BYTES } from './http/body.js';
import { NotFoundError, PayloadTooLargeError } from './http/errors.js';
import { errorResponse, jsonResponse } from './http/responses.js';
import { type ConnectPayStage, createConnectPayStage } from './providers/connectpay/index.js';
import { createProviderRegistry } from './providers/registry.js';

export interface SandboxOptions {
  /** TCP port; `0` picks a free one (tests). Default `0`. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1` (the sandbox is a local test tool). */
  host?: string;
  /** Notification retry base delay in ms (default 200, doubled per attempt); tests shorten it. */
  notificationRetryBaseMs?: number;
  /** Logs unexpected handler errors; default `console.error`. Pass `() => {}` to silence. */
  log?: (message: string, error?: unknown) => void;
}

export interface RunningSandbox {
  /** Root URL, e.g. `http://127.0.0.1:3100`. ConnectPay is under `${url}/connectpay`. */
  readonly url: string;
  /** `${url}/connectpay`: the base URL a ConnectPay client is configured with. */
  readonly connectPayUrl: string;
  readonly port: number;
  /** The ConnectPay stage (its payment book), for in-process tests that want to look inside. */
  readonly connectPay: ConnectPayStage;
  /** Stops listening, cancels notification timers and latency sleeps, drops open connections. */
  close(): Promise<void>;
}

/** Starts the sandbox HTTP server with every provider stage mounted under its prefix. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''));
  const connectPay = createConnectPayStage({
    prefix: '/connectpay',
    notificationRetryBaseMs: options.notificationRetryBaseMs,
    log,
  });
  const registry = createProviderRegistry([connectPay]);

  async function handle(request: Request, url: URL): Promise<Response> {
    if (url.pathname === '/' || url.pathname === '') {
      return jsonResponse(200, {
        sandbox: '@pay-checkout/sandbox',
        providers: registry.stages.map((stage) => ({
          name: stage.name,
          baseUrl: `${url.origin}${stage.prefix}`,
        })),
      });
    }
    const stage = registry.find(url.pathname);
    const response = stage ? await stage.handle(request, url) : undefined;
    return response ?? errorResponse(new NotFoundError('not_found', `Nothing at ${url.pathname}.`));
  }

  const server = createServer((req, res) => {
    void serveNode(req, res, handle, log);
  });
  // Keep-alive sockets would hold `close()` open; the sandbox drops them itself on close.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    connectPayUrl: `${url}${connectPay.prefix}`,
    port,
    connectPay,
    close: () => {
      closing ??= (async () => {
        await registry.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

/** The one node:http ↔ fetch adapter: reads at most 64 KiB, builds a `Request`, writes the `Response`. */
async function serveNode(
  req: IncomingMessage,
  res: ServerResponse,
  handle: (request: Request, url: URL) => Promise<Response>,
  log: (message: string, error?: unknown) => void,
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
