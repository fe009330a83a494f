import { PayloadTooLargeError } from './errors.js';

/** The APIs' body limit: the providers' payloads are a few hundred bytes; anything near this is abuse. */
export const API_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Reads a fetch-style request body, refusing more than `limitBytes` without buffering it all: a
 * declared Content-Length over the limit fails at once, a lying one as soon as the bytes pass it (the
 * node adapter already caps bodies, but handlers may be mounted elsewhere). `tooLarge` makes the error
 * the caller answers with (the API's JSON 413 by default; the hosted pages have their own page).
 */
export async function readBodyBytes(
  request: Request,
  limitBytes = API_BODY_LIMIT_BYTES,
  tooLarge: () => Error = () => new PayloadTooLargeError(limitBytes),
): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limitBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text, within the API's limit. */
export async function readBodyText(request: Request, limitBytes = API_BODY_LIMIT_BYTES): Promise<string> {
  return (await readBodyBytes(request, limitBytes)).toString('utf8');
}
