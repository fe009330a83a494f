import type { IncomingMessage } from 'node:http';

/** The request body was larger than the route accepts. */
export class BodyTooLargeError extends Error {
  readonly code = 'body_too_large';
  readonly status = 413;
  constructor(limit: number) {
    super(`Request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The body could not be parsed as the route's content type. */
export class BadBodyError extends Error {
  readonly code = 'invalid_body';
  readonly status = 400;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BadBodyError';
  }
}

/** Reads the whole body, refusing more than `limit` bytes (the shop's forms and JSON are tiny). */
export async function readBody(req: IncomingMessage, limit = 16 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new BadBodyError('Content-Type must be application/json');
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadBodyError('Body is not valid JSON', { cause: error });
  }
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req));
}
