import type { IncomingMessage } from 'node:http';
import { PayloadTooLargeError, RequestTimeoutError } from './http-errors.js';

/**
 * Request bodies that `toNodeHandler` leaves on node's `IncomingMessage` instead of wrapping them in a
 * web `ReadableStream` (src/node-handler.ts says when). Wrapping cost a stream, a reader, a promise
 * and a timer per read, about a fifth of the bridge's CPU per request (bench/README.md, "node-handler");
 * `readBodyLimited` (body.ts) reads these directly, with the same limit, deadline and errors.
 */
const nodeBodies = new WeakMap<Request, IncomingMessage>();

export function setNodeBody(request: Request, source: IncomingMessage): void {
  nodeBodies.set(request, source);
}

/**
 * The node request whose body this `Request` stands for, if `toNodeHandler` left it there; handed out
 * once, as a stream can be read once (a second read finds no body).
 */
export function takeNodeBody(request: Request): IncomingMessage | undefined {
  const source = nodeBodies.get(request);
  if (source !== undefined) nodeBodies.delete(request);
  return source;
}

/**
 * Reads a node request's body whole, as `readBodyLimited` reads a stream: more than `limit` bytes →
 * 413 and the rest discarded; not all there within `timeoutMs` → 408 and the rest discarded; a client
 * that went away mid-body → an error, as the stream's was.
 */
export function readNodeBody(source: IncomingMessage, limit: number, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish(new RequestTimeoutError(timeoutMs)), timeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) finish(new PayloadTooLargeError(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(undefined);
    const onError = (error: Error) => finish(error);
    const onClose = () => {
      if (!source.complete) finish(new Error('The client closed the connection before the body ended.'));
    };
    function finish(error: Error | undefined): void {
      clearTimeout(timer);
      source.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error === undefined) {
        resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
        return;
      }
      // Whatever is still on its way is drained, not buffered: the answer closes the connection
      // (node-handler.ts, `writeResponse`).
      source.resume();
      reject(error);
    }
    if (source.readableEnded) {
      finish(undefined);
      return;
    }
    if (source.destroyed) {
      finish(new Error('The client closed the connection before the body was read.'));
      return;
    }
    source.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
