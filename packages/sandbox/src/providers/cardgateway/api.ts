/**
 * The card gateway's REST API under `{prefix}/transactionServices/REST/v1/`: `authToken`, `payments`,
 * `payments/{paymentId}` (back office and status) and `inquiry` (by merchant transaction id). Order of
 * checks: latency knob, the token (401), injected failures (knobs), then the call with its checksum.
 */
import { InjectedError, MethodNotAllowedError } from '../../shared/http/errors.js';
import { safeDecode } from '../../shared/http/path.js';
import { jsonResponse } from '../../shared/http/responses.js';
import { parseOrThrow } from '../../shared/http/validation.js';
import { sleep } from '../../shared/sleep.js';
import { paymentAnswer } from './answers.js';
import { merchantForToken } from './auth-token.js';
import { backOfficeCall, ownPayment } from './back-office.js';
import { checksumsMatch, inquiryChecksum } from './checksum.js';
import type { CardGatewayContext } from './context.js';
import { GATEWAY_ERROR_CODES, GatewayError, gatewayTimestamp } from './errors.js';
import { readGatewayFields } from './fields.js';
import type { CardGatewayMerchant } from './merchants.js';
import { RESULT } from './model.js';
import { createPayment, requireOwnMember } from './payments.js';
import { inquiryRequestSchema } from './schema.js';

const API_ROOT = '/transactionServices/REST/v1';

type ApiRoute =
  | { name: 'authToken' }
  | { name: 'payments' }
  | { name: 'payment'; paymentId: string }
  | { name: 'inquiry' };

function matchRoute(path: string): ApiRoute | undefined {
  if (!path.startsWith(`${API_ROOT}/`)) return undefined;
  const rest = path.slice(API_ROOT.length + 1);
  if (rest === 'authToken') return { name: 'authToken' };
  if (rest === 'payments') return { name: 'payments' };
  if (rest === 'inquiry') return { name: 'inquiry' };
  const match = /^payments\/([^/]+)$/.exec(rest);
  if (match) return { name: 'payment', paymentId: safeDecode(match[1]) };
  return undefined;
}

export async function handleApi(
  request: Request,
  url: URL,
  context: CardGatewayContext,
): Promise<Response | undefined> {
  const route = matchRoute(url.pathname.slice(context.prefix.length));
  if (!route) return undefined;
  const getAllowed = route.name === 'payment';
  if (request.method !== 'POST' && !(getAllowed && request.method === 'GET')) {
    throw new MethodNotAllowedError(request.method);
  }
  if (route.name === 'authToken') {
    const merchant = merchantForToken(await readGatewayFields(request));
    await beforeCall(context, merchant);
    return jsonResponse(200, {
      partnerId: merchant.partnerId,
      memberId: merchant.memberId,
      result: { code: '200', description: 'Token generated successfully' },
      timestamp: gatewayTimestamp(),
      LoginName: merchant.username,
      AuthToken: context.tokens.issue(merchant),
    });
  }
  // Header names are case-insensitive: `AuthToken` and `authtoken` are the same header.
  const merchant = context.tokens.verify(request.headers.get('authtoken'));
  await beforeCall(context, merchant);
  switch (route.name) {
    case 'payments':
      return createPayment(url, context, merchant, await readGatewayFields(request));
    case 'payment':
      if (request.method === 'GET') {
        const payment = ownPayment(context, merchant, route.paymentId);
        return jsonResponse(200, { ...paymentAnswer(payment), result: RESULT.found });
      }
      return backOfficeCall(context, merchant, route.paymentId, await readGatewayFields(request));
    case 'inquiry':
      return inquiry(context, merchant, await readGatewayFields(request));
    default: {
      const unsupported: never = route;
      throw new GatewayError(404, GATEWAY_ERROR_CODES.notFound, `No route ${String(unsupported)}.`);
    }
  }
}

/** The member's latency knob, then its injected failures (`fail-next`, error rate). */
async function beforeCall(context: CardGatewayContext, merchant: CardGatewayMerchant): Promise<void> {
  await sleep(context.knobs.latencyFor(merchant.memberId), context.signal);
  const injected = context.knobs.injectedFailure(merchant.memberId);
  if (injected !== undefined) throw new InjectedError(injected);
}

/** `POST …/inquiry` with `idType=MID`: the payment the merchant opened under that transaction id. */
function inquiry(context: CardGatewayContext, merchant: CardGatewayMerchant, fields: Record<string, string>) {
  const body = parseOrThrow(inquiryRequestSchema, fields);
  requireOwnMember(merchant, body['authentication.memberId']);
  const expected = inquiryChecksum(merchant.memberId, merchant.secureKey, body.merchantTransactionId);
  if (!checksumsMatch(expected, body['authentication.checksum'])) {
    throw new GatewayError(400, GATEWAY_ERROR_CODES.checksumMismatch, 'Checksum mismatch.');
  }
  const payment = context.book.byMerchantTransactionId(merchant.memberId, body.merchantTransactionId);
  if (!payment) throw new GatewayError(404, GATEWAY_ERROR_CODES.notFound, 'Record not found.');
  return jsonResponse(200, { ...paymentAnswer(payment), result: RESULT.found });
}
