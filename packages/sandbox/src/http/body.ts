import { PayloadTooLargeError } from './errors.js';

/** The API's body limit: ConnectPay payloads are a few hundred bytes; anything near this is abuse. */
export const API_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Reads a fetch-style request body as UTF-8 text, refusing more than `limitBytes` without buffering it
 * all (the node adapter already caps bodies, but handlers may be mounted elsewhere).
 */
export async function readBodyText(request: Request, limitBytes = API_BODY_LIMIT_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limitBytes) throw new PayloadTooLargeError(limitBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
