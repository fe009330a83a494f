/**
 * `POST …/payments`: a card payment, debit (`DB`) or preauthorization (`PA`), decided by the stage's
 * test cards (`test-cards.ts`): synchronous success or decline, or a 3-D Secure challenge answered with
 * `redirect{url, method, parameters}` to the stage's ACS page. The card number and CVV are used for
 * the decision and dropped: the book keeps the brand, BIN and last four only.
 */
import { randomBytes } from 'node:crypto';
import { checkCard } from '../../shared/cards/card-rules.js';
import { findTestCard } from '../../shared/cards/test-cards.js';
import { jsonResponse } from '../../shared/http/responses.js';
import { parseOrThrow } from '../../shared/http/validation.js';
import { paymentAnswer } from './answers.js';
import { checksumsMatch, paymentChecksum } from './checksum.js';
import type { CardGatewayContext } from './context.js';
import { GATEWAY_ERROR_CODES, GatewayError } from './errors.js';
import type { GatewayFields } from './fields.js';
import type { CardGatewayMerchant } from './merchants.js';
import { type CardGatewayPayment, FAILURE_CODE, RESULT } from './model.js';
import { sendCallback } from './notifier.js';
import { paymentRequestSchema } from './schema.js';
import { CARDGATEWAY_TEST_CARDS, DECLINE_DESCRIPTIONS } from './test-cards.js';

export function createPayment(
  url: URL,
  context: CardGatewayContext,
  merchant: CardGatewayMerchant,
  fields: GatewayFields,
): Response {
  const body = parseOrThrow(paymentRequestSchema, fields);
  requireOwnMember(merchant, body['authentication.memberId']);
  const expected = paymentChecksum(
    merchant.memberId,
    merchant.secureKey,
    body.merchantTransactionId,
    body.amount,
  );
  if (!checksumsMatch(expected, body['authentication.checksum'])) {
    throw new GatewayError(400, GATEWAY_ERROR_CODES.checksumMismatch, 'Checksum mismatch.');
  }
  if (body['authentication.terminalId'] !== merchant.terminalId) {
    throw new GatewayError(400, GATEWAY_ERROR_CODES.invalidRequest, 'Unknown terminalId for this member.');
  }
  if (context.book.byMerchantTransactionId(merchant.memberId, body.merchantTransactionId)) {
    throw new GatewayError(
      409,
      GATEWAY_ERROR_CODES.duplicate,
      'A payment with this merchantTransactionId exists already.',
    );
  }
  const card = checkCard(
    {
      number: body['card.number'],
      expiry: `${body['card.expiryMonth']}/${body['card.expiryYear']}`,
      cvc: body['card.cvv'].slice(0, 3),
      name: body['card.holder'] ?? 'Card holder',
    },
    new Date(),
  );
  if (!card.ok && card.error !== 'card_expired') {
    throw new GatewayError(400, GATEWAY_ERROR_CODES.invalidRequest, `Invalid request: card ${card.error}.`);
  }
  const digits = body['card.number'];
  const payment: CardGatewayPayment = {
    paymentId: context.book.newPaymentId(),
    memberId: merchant.memberId,
    merchantTransactionId: body.merchantTransactionId,
    paymentType: body.paymentType,
    amount: Math.round(Number(body.amount) * 100),
    currency: body.currency,
    status: 'authstarted',
    transactionStatus: 'P',
    result: RESULT.success,
    card: { brand: card.ok ? card.brand : 'Card', bin: digits.slice(0, 6), last4: digits.slice(-4) },
    captured: 0,
    refunded: 0,
    notificationUrl: body.notificationUrl,
    merchantRedirectUrl: body.merchantRedirectUrl,
    createdAt: new Date().toISOString(),
  };
  context.book.add(payment);

  const testCard = findTestCard(CARDGATEWAY_TEST_CARDS, digits);
  if (!card.ok) {
    // A card past its expiry date is declined by the issuer, like the expired-card test card.
    decline(payment, DECLINE_DESCRIPTIONS.expired_card);
  } else if (testCard?.decline) {
    decline(payment, DECLINE_DESCRIPTIONS[testCard.decline]);
  } else if (testCard?.threeDs === 'challenge') {
    payment.status = '3D Authstarted';
    payment.transactionStatus = '3D';
    payment.result = RESULT.threeDs;
    payment.acsToken = randomBytes(18).toString('base64url');
    return jsonResponse(
      200,
      paymentAnswer(payment, {
        url: `${url.origin}${context.prefix}/acs/${payment.paymentId}`,
        method: 'POST',
        parameters: [{ name: 'PaReq', value: payment.acsToken }],
      }),
    );
  } else {
    approve(payment);
  }
  sendCallback(context.notifier, context.knobs, payment);
  return jsonResponse(200, paymentAnswer(payment));
}

/** The authorization succeeded: a debit is captured at once, a preauthorization waits for CP or RV. */
export function approve(payment: CardGatewayPayment): void {
  payment.transactionStatus = 'Y';
  payment.result = RESULT.success;
  if (payment.paymentType === 'DB') {
    payment.status = 'capturesuccess';
    payment.captured = payment.amount;
  } else {
    payment.status = 'authsuccessful';
  }
}

export function decline(payment: CardGatewayPayment, description: string): void {
  payment.status = 'authfailed';
  payment.transactionStatus = 'N';
  payment.result = { code: FAILURE_CODE, description };
}

/** The token's member must be the member the body names. */
export function requireOwnMember(merchant: CardGatewayMerchant, memberId: string): void {
  if (memberId !== merchant.memberId) {
    throw new GatewayError(401, GATEWAY_ERROR_CODES.unauthorized, 'The AuthToken belongs to another member.');
  }
}
