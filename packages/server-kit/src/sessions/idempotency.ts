import { IDEMPOTENCY_KEY_MAX } from '@pay-checkout/contract';
import {
  IdempotencyInProgressError,
  IdempotencyKeyError,
  IdempotencyMismatchError,
} from '../http/http-errors.js';
import type { StoredResponse, UnclaimedKey } from '../store/store.js';
import { answerFromBoundSession, boundSessionId } from './bound-key.js';
import type { KitContext } from './kit-context.js';

/** Validates the `Idempotency-Key` header: required on `POST sessions`, 1–255 characters. */
export function parseIdempotencyKey(value: string | null): string {
  if (value === null || value.length === 0) {
    throw new IdempotencyKeyError('The Idempotency-Key header is required (1–255 characters).');
  }
  if (value.length > IDEMPOTENCY_KEY_MAX) {
    throw new IdempotencyKeyError(
      `The Idempotency-Key header must be at most ${IDEMPOTENCY_KEY_MAX} characters.`,
    );
  }
  return value;
}

export interface IdempotentResult {
  response: StoredResponse;
  replayed: boolean;
}

/**
 * The answer for a key another request holds or held (Stripe's model, IETF draft "The Idempotency-Key
 * HTTP Header Field"): its stored response (status and body) once it completed, 409 while it runs, and
 * 422 when the same key comes with another body. A key bound to a session whose provider outcome was
 * unknown answers from that session (bound-key.ts).
 */
export async function answerHeldKey(
  context: KitContext,
  key: string,
  held: UnclaimedKey,
): Promise<IdempotentResult> {
  switch (held.kind) {
    case 'replay': {
      const bound = boundSessionId(held.response);
      if (bound !== undefined) return answerFromBoundSession(context, key, bound);
      return { response: held.response, replayed: true };
    }
    case 'mismatch':
      throw new IdempotencyMismatchError();
    case 'in_progress':
      throw new IdempotencyInProgressError();
    default: {
      const unexpected: never = held;
      throw new Error(`Unknown idempotency claim ${JSON.stringify(unexpected)}`);
    }
  }
}
