import { randomBytes } from 'node:crypto';

/**
 * A new operation id: `op_` and 128 random bits (base64url). Providers see it as the idempotency key
 * or reference of the capture, void or refund, so it must be unique and must never be reused.
 */
export function newOperationId(): string {
  return `op_${randomBytes(16).toString('base64url')}`;
}
