import { randomBytes } from 'node:crypto';

/**
 * Session ids are capabilities: whoever knows one can watch its status. So they are 128 random bits
 * (base64url, 22 characters), never sequential or derived from the order (docs/architecture.md, "Security rules").
 */
export function newSessionId(): string {
  if (poolOffset + SESSION_ID_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  const id = pool.toString('base64url', poolOffset, poolOffset + SESSION_ID_BYTES);
  poolOffset += SESSION_ID_BYTES;
  return id;
}

const SESSION_ID_BYTES = 16;
/**
 * Random bytes are drawn 256 ids at a time (as `crypto.randomUUID` caches its own): one call into the
 * CSPRNG per id cost about as much as the rest of building the session (bench/README.md). Each byte
 * is handed out once.
 */
const POOL_BYTES = SESSION_ID_BYTES * 256;
let pool = Buffer.alloc(0);
let poolOffset = 0;

const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

/** Cheap shape check before touching the store: anything else cannot be a session id. */
export function isSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}

/** Our reference at the provider for a session: unique, and how we find a payment after a timeout. */
export function providerReference(sessionId: string): string {
  return `pc-${sessionId}`;
}
