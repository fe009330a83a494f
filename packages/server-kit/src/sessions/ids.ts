import { randomBytes } from 'node:crypto';

/**
 * Session ids are capabilities: whoever knows one can watch its status. So they are 128 random bits
 * (base64url, 22 characters), never sequential or derived from the order (docs/architecture.md, "Security rules").
 */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;

/** Cheap shape check before touching the store: anything else cannot be a session id. */
export function isSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}

/** Our reference at the provider for a session: unique, and how we find a payment after a timeout. */
export function providerReference(sessionId: string): string {
  return `pc-${sessionId}`;
}
