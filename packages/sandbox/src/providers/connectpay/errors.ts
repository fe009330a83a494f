import { ConflictError, NotFoundError } from '../../shared/http/errors.js';
import { PaymentNotFoundError } from './book.js';
import { IllegalTransitionError } from './model.js';

/**
 * The payment book raises its own errors (it knows nothing of HTTP); at the stage boundary they become
 * the API's: an illegal state change → 409 `illegal_state_transition`, an unknown payment → 404.
 */
export function translateBookError(error: unknown): unknown {
  if (error instanceof IllegalTransitionError) {
    return new ConflictError('illegal_state_transition', error.message, { cause: error });
  }
  if (error instanceof PaymentNotFoundError) return new NotFoundError('payment_not_found', error.message);
  return error;
}
