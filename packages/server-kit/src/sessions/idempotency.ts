import { IDEMPOTENCY_KEY_MAX } from '@pay-checkout/contract';
import {
  IdempotencyInProgressError,
  IdempotencyKeyError,
  IdempotencyMismatchError,
} from '../http/http-errors.js';
import type { CheckoutStore, StoredResponse } from '../store/store.js';

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
 * Runs `work` at most once per key (Stripe's model, IETF draft "The Idempotency-Key HTTP Header
 * Field"): the store's claim lets exactly one of several concurrent requests through; the others get
 * 409 while it runs, and the stored response (status and body) afterwards. The same key with another
 * body is 422. A request that fails in a way the client may retry (timeout, provider down, bug)
 * releases its claim, so the same key can try again; nothing about it was acknowledged.
 */
export async function runIdempotent(
  store: CheckoutStore,
  key: string,
  hash: string,
  work: () => Promise<StoredResponse>,
): Promise<IdempotentResult> {
  const claim = await store.claimIdempotencyKey(key, hash);
  switch (claim.kind) {
    case 'replay':
      return { response: claim.response, replayed: true };
    case 'mismatch':
      throw new IdempotencyMismatchError();
    case 'in_progress':
      throw new IdempotencyInProgressError();
    case 'claimed':
      break;
    default: {
      const unexpected: never = claim;
      throw new Error(`Unknown idempotency claim ${JSON.stringify(unexpected)}`);
    }
  }
  let response: StoredResponse;
  try {
    response = await work();
  } catch (error) {
    await store.releaseIdempotencyKey(key);
    throw error;
  }
  await store.completeIdempotencyKey(key, response);
  return { response, replayed: false };
}
