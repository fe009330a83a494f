import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Checkout } from './checkout.js';
import { type CheckoutError, ValidationError } from './errors.js';
import { setClientAddress } from './http/client-address.js';
import { BodyAlreadyReadError, MethodNotAllowedError, RouteNotFoundError } from './http/http-errors.js';
import { errorResponse, unreadJsonText } from './http/json.js';
import { setNodeBody } from './http/node-body.js';
import { nodeHooksOf } from './http/node-hooks.js';

/** Express / Connect add these; plain node:http does not. */
interface MountedRequest extends IncomingMessage {
  originalUrl?: string;
}

export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/**
 * Adapts the fetch handler to node:http's `(req, res)`, as used by node:http, Express
 * (`app.use('/checkout', toNodeHandler(checkout))`, mounted before any body parser, because
 * notifications are verified over the raw bytes) and Fastify's raw handler. The full original URL is
 * used (`originalUrl` under Express), so routes match the `publicUrl` path wherever it is mounted.
 * When the client disconnects, the request's signal aborts and the response stream is cancelled
 * (ends SSE subscriptions).
 */
export function toNodeHandler(checkout: Checkout): NodeHandler {
  return (req, res, next) => {
    handleNode(checkout, req as MountedRequest, res).catch((error: unknown) => {
      if (next) return next(error);
      nodeHooksOf(checkout)?.log.error({ err: error, method: req.method }, 'request failed');
      if (res.headersSent) return res.destroy();
      writeResponse(req, res, errorResponse(error)).catch(() => res.destroy());
    });
  };
}

async function handleNode(checkout: Checkout, req: MountedRequest, res: ServerResponse): Promise<void> {
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const host = req.headers.host ?? 'localhost';
  let url: URL;
  try {
    url = new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${host}`);
  } catch {
    await refuse(
      checkout,
      req,
      res,
      new ValidationError('The Host header or the request path is malformed.'),
    );
    return;
  }
  // Methods a fetch `Request` cannot carry (the Fetch standard forbids them): 405 here, with `Allow`.
  if (FORBIDDEN_METHODS.has(req.method ?? '')) {
    const allow = nodeHooksOf(checkout)?.allowedMethods(url.pathname) ?? [];
    const error =
      allow.length > 0
        ? new MethodNotAllowedError(req.method ?? '', allow)
        : new RouteNotFoundError(url.pathname);
    await refuse(checkout, req, res, error);
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const hasBody = hasRequestBody(req);
  // A body parser mounted before the kit (`express.json()`, say) has read the bytes already: waiting for
  // them would hang the request forever, and notifications must be verified over exactly those bytes.
  if (hasBody && (req.readableDidRead || req.readableEnded)) {
    await writeResponse(req, res, errorResponse(new BodyAlreadyReadError()));
    return;
  }
  // The kit's own checkout reads bodies only through http/body.ts, which can read node's request
  // directly, and listens to the request's signal only on GET (live streams): its POSTs skip the web
  // stream and the abort wiring, a third of this bridge's CPU (bench/README.md). Anything else handed
  // to `toNodeHandler` (a wrapper of `fetch`) may read `request.body` or the signal itself: it gets both.
  const ownKit = nodeHooksOf(checkout) !== undefined;
  const streamBody = hasBody && !ownKit;
  const signal = ownKit && hasBody ? undefined : abortOnClientGone(res);
  const request = new Request(url, {
    method: req.method,
    headers,
    body: streamBody ? requestBody(req) : undefined,
    signal,
    // Node's fetch needs this to stream a request body.
    ...(streamBody ? { duplex: 'half' } : {}),
  } as RequestInit);
  if (hasBody && ownKit) setNodeBody(request, req);
  // Per-client rate limits key on the socket's address, which a fetch Request cannot carry.
  setClientAddress(request, req.socket.remoteAddress);
  await writeResponse(req, res, await checkout.fetch(request));
}

/** A signal that aborts when the client leaves before the answer is complete. */
function abortOnClientGone(res: ServerResponse): AbortSignal {
  const abort = new AbortController();
  // Only a client that left before the answer was complete aborts: after a finished answer nobody is
  // listening, and each abort builds a DOMException (with a stack), which costs CPU on every request.
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  return abort.signal;
}

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** Answers a request that never reaches the checkout's `fetch`, logged there as the kit logs its own. */
async function refuse(
  checkout: Checkout,
  req: IncomingMessage,
  res: ServerResponse,
  error: CheckoutError,
): Promise<void> {
  nodeHooksOf(checkout)?.log.info(
    { method: req.method, code: error.code, why: error.message },
    'request refused',
  );
  await writeResponse(req, res, errorResponse(error));
}

function hasRequestBody(req: IncomingMessage): boolean {
  return req.method !== 'GET' && req.method !== 'HEAD';
}

/** Copies a fetch Response onto node's `res`: status, headers, then the body. */
async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  // A response sent before the request body was read (413, 415, an early error): the rest of the body
  // is still on the socket, so this connection cannot carry another request. Close it cleanly.
  if (hasRequestBody(req) && !req.complete) {
    res.setHeader('connection', 'close');
    req.resume();
  }
  if (!response.body) {
    res.end();
    return;
  }
  // Every answer but a live stream is small and complete: sent in one write, headers included,
  // instead of a headers packet and then one per chunk. A JSON answer of the kit's is written from
  // its text, without reading it back through the response's stream.
  const json = unreadJsonText(response);
  if (json !== undefined) {
    res.end(json);
    return;
  }
  if (!isEventStream(response)) {
    res.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => {
    reader.cancel().catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value))
        await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
      if (res.destroyed) break;
    }
  } catch {
    // The client went away mid-stream; nothing more to send.
  }
  res.end();
}

function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
}

/**
 * The request body as a web stream with back-pressure. (Node 20's `Readable.toWeb` throws
 * "Controller is already closed" when the consumer cancels early, e.g. on a 413, and data still
 * arrives.) After a cancel the rest of the body is discarded.
 */
function requestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let finished = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (finished) return;
        finished = true;
        controller.close();
      });
      req.on('error', (error) => {
        if (finished) return;
        finished = true;
        controller.error(error);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      finished = true;
      req.resume();
    },
  });
}
