/**
 * `POST …/payments/{paymentId}` with `paymentType` CP (capture, partial allowed, once), RV (reverse a
 * preauthorization, full only), RF (refund, once, at most the captured amount) or IN (inquiry), each
 * with its checksum; `GET …/payments/{paymentId}` reads the status. A refused operation is answered 200
 * with `transactionStatus: "N"` and the generic failure code, as the gateway reports a business
 * failure; `status` is always the payment's long status afterwards.
 */
import { jsonResponse } from '../../shared/http/responses.js';
import { parseOrThrow } from '../../shared/http/validation.js';
import { paymentAnswer } from './answers.js';
import { amountOperationChecksum, checksumsMatch, paymentIdChecksum } from './checksum.js';
import type { CardGatewayContext } from './context.js';
import { GATEWAY_ERROR_CODES, GatewayError } from './errors.js';
import type { GatewayFields } from './fields.js';
import type { CardGatewayMerchant } from './merchants.js';
import { type CardGatewayPayment, FAILURE_CODE, RESULT } from './model.js';
import { requireOwnMember } from './payments.js';
import { backOfficeRequestSchema } from './schema.js';

export function ownPayment(
  context: CardGatewayContext,
  merchant: CardGatewayMerchant,
  paymentId: string,
): CardGatewayPayment {
  const payment = context.book.get(paymentId);
  if (!payment || payment.memberId !== merchant.memberId) {
    throw new GatewayError(404, GATEWAY_ERROR_CODES.notFound, 'Record not found.');
  }
  return payment;
}

export function backOfficeCall(
  context: CardGatewayContext,
  merchant: CardGatewayMerchant,
  paymentId: string,
  fields: GatewayFields,
): Response {
  const body = parseOrThrow(backOfficeRequestSchema, fields);
  requireOwnMember(merchant, body['authentication.memberId']);
  const payment = ownPayment(context, merchant, paymentId);
  const withAmount = body.paymentType === 'CP' || body.paymentType === 'RF';
  if (withAmount && body.amount === undefined) {
    throw new GatewayError(400, GATEWAY_ERROR_CODES.invalidRequest, 'Invalid request: amount is required.');
  }
  const expected = withAmount
    ? amountOperationChecksum(merchant.memberId, merchant.secureKey, paymentId, body.amount ?? '')
    : paymentIdChecksum(merchant.memberId, merchant.secureKey, paymentId);
  if (!checksumsMatch(expected, body['authentication.checksum'])) {
    throw new GatewayError(400, GATEWAY_ERROR_CODES.checksumMismatch, 'Checksum mismatch.');
  }
  const amount = body.amount === undefined ? 0 : Math.round(Number(body.amount) * 100);
  switch (body.paymentType) {
    case 'IN':
      return jsonResponse(200, { ...paymentAnswer(payment), result: RESULT.found });
    case 'CP':
      return operation(payment, () => capture(payment, amount));
    case 'RV':
      return operation(payment, () => reverse(payment));
    case 'RF':
      return operation(payment, () => refund(payment, amount));
    default: {
      const unsupported: never = body.paymentType;
      throw new GatewayError(400, GATEWAY_ERROR_CODES.invalidRequest, `Unknown paymentType ${unsupported}.`);
    }
  }
}

/** Runs one operation: a refusal (a string) answers `N` and changes nothing. */
function operation(payment: CardGatewayPayment, run: () => { code: string; description: string } | string) {
  const outcome = run();
  if (typeof outcome === 'string') {
    return jsonResponse(200, {
      ...paymentAnswer(payment),
      transactionStatus: 'N',
      result: { code: FAILURE_CODE, description: outcome },
    });
  }
  return jsonResponse(200, { ...paymentAnswer(payment), transactionStatus: 'Y', result: outcome });
}

function capture(payment: CardGatewayPayment, amount: number) {
  if (payment.paymentType !== 'PA' || payment.status !== 'authsuccessful') {
    return 'Transaction is not in a capturable state.';
  }
  if (amount <= 0 || amount > payment.amount) return 'Capture amount exceeds the authorized amount.';
  payment.status = 'capturesuccess';
  payment.captured = amount;
  return RESULT.captured;
}

function reverse(payment: CardGatewayPayment) {
  if (payment.paymentType !== 'PA' || payment.status !== 'authsuccessful') {
    return 'Only an authorized, uncaptured transaction can be reversed.';
  }
  payment.status = 'cancelled';
  return RESULT.reversed;
}

function refund(payment: CardGatewayPayment, amount: number) {
  if (payment.status === 'reversed') return 'Transaction already refunded.';
  if (payment.status !== 'capturesuccess' && payment.status !== 'settled') {
    return 'Transaction is not in a refundable state.';
  }
  if (amount <= 0 || amount > payment.captured) return 'Refund amount exceeds the captured amount.';
  payment.status = 'reversed';
  payment.refunded = amount;
  return RESULT.refunded;
}
