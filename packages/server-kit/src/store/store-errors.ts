import { CheckoutError, NotFoundError } from '../errors.js';

/** A write collided with a unique key (session id, our reference, or a provider's payment id). */
export class StoreConflictError extends CheckoutError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store_conflict', 409, message, options);
  }
}

/** A store call named a session that does not exist. */
export class SessionNotFoundError extends NotFoundError {
  constructor(sessionId: string) {
    super('session_not_found', `No session ${sessionId.slice(0, 64)}.`);
  }
}

/** A store call named an operation that does not exist. */
export class OperationNotFoundError extends NotFoundError {
  constructor(operationId: string) {
    super('operation_not_found', `No operation ${operationId.slice(0, 64)}.`);
  }
}

/** PostgreSQL's SQLSTATE for unique_violation, the same from PGlite and node-postgres. */
const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION
  );
}

/** The PGlite data directory is already open, in this process or in another live one. */
export class StoreLockedError extends CheckoutError {
  constructor(message: string) {
    super('store_locked', 500, message);
  }
}
