import { OperationRefusedError } from '../errors.js';
import type { OperationRefusal } from '../store/store.js';

/** What each refusal of the amount rules tells the merchant. */
const REFUSAL_MESSAGES: Record<OperationRefusal, string> = {
  payment_not_final: 'The payment is not authorized yet; operations wait for an authorized or paid payment.',
  payment_failed: 'The payment failed, was cancelled or expired: there is nothing to operate on.',
  already_captured: 'The payment is already captured (or being captured); refund it instead of voiding it.',
  already_voided: 'The payment is voided (or being voided); nothing more can be done with it.',
  not_capturable:
    'The payment was taken at once (a sale), so there is nothing to capture; refund it instead.',
  amount_exceeds_authorized: 'The amount exceeds what is left to capture of the authorization.',
  amount_exceeds_refundable: 'The amount exceeds what is left to refund (captured minus refunded).',
  nothing_to_refund:
    'Nothing was captured yet, so there is nothing to refund; void the authorization instead.',
};

export function refusalError(refusal: OperationRefusal): OperationRefusedError {
  return new OperationRefusedError(refusal, REFUSAL_MESSAGES[refusal]);
}
