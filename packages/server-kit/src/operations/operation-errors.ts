import { CheckoutError } from '../errors.js';
import type { OperationRefusal } from '../store/store.js';

/**
 * The errors of merchant operations and the merchant API, each with its own code. (Kept here until
 * the kit's error modules carry them; the codes and statuses are the contract's.)
 */

/** The merchant API was called without the merchant key, or with another one. */
export class UnauthorizedError extends CheckoutError {
  constructor() {
    super('unauthorized', 401, 'A valid merchant key is required: Authorization: Bearer <merchantKey>.');
  }
}

/** The merchant API is off because no `merchantKey` is configured. */
export class MerchantApiDisabledError extends CheckoutError {
  constructor() {
    super('merchant_api_disabled', 404, 'The merchant API is disabled: configure merchantKey to enable it.');
  }
}

/** The session's provider cannot do this operation (or not for a part of the amount). */
export class OperationUnsupportedError extends CheckoutError {
  constructor(message: string) {
    super('operation_unsupported', 409, message);
  }
}

/** The first request with this Idempotency-Key is still waiting for the provider. */
export class OperationInProgressError extends CheckoutError {
  constructor() {
    super(
      'operation_in_progress',
      409,
      'An operation with this Idempotency-Key is still waiting for the provider; retry shortly.',
    );
  }
}

/** Refusals about the amount answer 422 (the request is wrong); the others 409 (the payment's state). */
const REFUSAL_STATUS: Record<OperationRefusal, 409 | 422> = {
  payment_not_final: 409,
  payment_failed: 409,
  already_captured: 409,
  already_voided: 409,
  not_capturable: 409,
  amount_exceeds_authorized: 422,
  amount_exceeds_refundable: 422,
  nothing_to_refund: 409,
};

/** The amount rules (`operations/settlement.ts`) refused an operation; nothing was sent or stored. */
export class OperationRefusedError extends CheckoutError {
  constructor(code: OperationRefusal, message: string) {
    super(code, REFUSAL_STATUS[code], message);
  }
}
