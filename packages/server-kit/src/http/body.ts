import {
  InvalidJsonError,
  PayloadTooLargeError,
  RequestTimeoutError,
  UnsupportedMediaTypeError,
} from './http-errors.js';
import { readNodeBody, takeNodeBody } from './node-body.js';
import { assertSafeJson } from './safe-input.js';

/**
 * Reads a request body as raw bytes, refusing more than `limit` bytes. The declared
 * `content-length` is checked first and the stream is counted as it arrives, so an oversized
 * body is refused before anything parses it (docs/reliability.md 9) and without buffering it whole.
 */
export async function readBodyLimited(
  request: Request,
  limit: number,
  timeoutMs = BODY_TIMEOUT_MS,
): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw new PayloadTooLargeError(limit);
  }
  // Left on node's request by `toNodeHandler`: read from there, without a web stream (node-body.ts).
  const source = takeNodeBody(request);
  if (source !== undefined) return readNodeBody(source, limit, timeoutMs);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  // A client that sends its body slowly (or stops) must not hold the request: the whole body has
  // `timeoutMs` to arrive, then 408 (docs/reliability.md 22).
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { done, value } = await readBefore(reader, deadline, timeoutMs);
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** How long a body may take to arrive when the caller does not say (config `bodyTimeoutMs`). */
export const BODY_TIMEOUT_MS = 10_000;

/** One read, or 408 `request_timeout` (the stream cancelled) once `deadline` has passed. */
async function readBefore(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  deadline: number,
  timeoutMs: number,
): ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeoutError(timeoutMs)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([reader.read(), late]);
  } catch (error) {
    if (error instanceof RequestTimeoutError) await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** True when the request says its body is JSON (`application/json`, any parameters). */
function isJsonContentType(request: Request): boolean {
  const type = request.headers.get('content-type') ?? '';
  return /^application\/json\s*(;|$)/i.test(type.trim());
}

/**
 * Reads and parses a JSON body: 415 for another media type, 413 above `limit`, 400 for bad JSON, and
 * 400 for JSON nested too deep or carrying text no store or provider can take (safe-input.ts).
 */
export async function readJsonBody(
  request: Request,
  limit: number,
  timeoutMs = BODY_TIMEOUT_MS,
): Promise<unknown> {
  if (!isJsonContentType(request)) throw new UnsupportedMediaTypeError('application/json');
  const raw = await readBodyLimited(request, limit, timeoutMs);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (error) {
    throw new InvalidJsonError({ cause: error });
  }
  assertSafeJson(value);
  return value;
}
