import { readBodyText } from '../../shared/http/body.js';
import type { FieldError } from '../../shared/http/errors.js';
import {
  InjectedError,
  MethodNotAllowedError,
  NotFoundError,
  SandboxError,
  ValidationFailedError,
} from '../../shared/http/errors.js';
import { parseJsonBody } from '../../shared/http/json-body.js';
import { safeDecode } from '../../shared/http/path.js';
import { jsonResponse } from '../../shared/http/responses.js';
import { parseOrThrow } from '../../shared/http/validation.js';
import type { PaymentKnobsPatch } from '../../shared/knobs/knob-board.js';
import { readKnobHeaders } from '../../shared/knobs/knob-headers.js';
import { sleep } from '../../shared/sleep.js';
import { checkCreditorAccount, compactIban } from './accounts.js';
import { checkSignedRequest, claimedClientId, identifyClient } from './auth.js';
import { findBank } from './banks.js';
import type { ConnectPayClient } from './clients.js';
import type { ConnectPayContext } from './context.js';
import { toDetails } from './details.js';
import { CONNECTPAY_METHODS, type ConnectPayMethod, type SandboxPayment } from './model.js';
import {
  amountToMinor,
  type InitiatePaymentBody,
  initiatePaymentSchema,
  minorToAmount,
  type TopUpBody,
  topUpSchema,
} from './schema.js';

type Family = 'merchant' | 'baas';

interface ApiRoute {
  family: Family;
  name: 'initiate' | 'topUp' | 'details' | 'list' | 'providers';
  method: 'GET' | 'POST';
  paymentId?: string;
  brandId?: string;
}

/** Matches the API v2 paths (relative to the prefix); undefined = not an API path. */
function matchRoute(path: string): ApiRoute | undefined {
  if (path === '/merchant/payments') return { family: 'merchant', name: 'list', method: 'GET' };
  if (path === '/baas/merchant/payments') return { family: 'baas', name: 'list', method: 'GET' };
  if (path === '/baas/merchant/topup/pis/payments') return { family: 'baas', name: 'topUp', method: 'POST' };
  if (path === '/merchant/providers') return { family: 'merchant', name: 'providers', method: 'GET' };
  const details = /^\/(merchant|baas\/merchant)\/payments\/([^/]+)$/.exec(path);
  if (details) {
    return {
      family: details[1] === 'merchant' ? 'merchant' : 'baas',
      name: 'details',
      method: 'GET',
      paymentId: safeDecode(details[2]),
    };
  }
  const brands = /^\/baas\/merchant\/brands\/([^/]+)\/providers$/.exec(path);
  if (brands) return { family: 'baas', name: 'providers', method: 'GET', brandId: safeDecode(brands[1]) };
  return undefined;
}

/**
 * The ConnectPay API v2 (merchant payments + BaaS top-up), as the wire contract describes it. Order of
 * checks: latency knob, credentials (401), injected failures (knobs), signature / request id / version,
 * then the endpoint itself.
 */
export async function handleApi(
  request: Request,
  url: URL,
  context: ConnectPayContext,
): Promise<Response | undefined> {
  const path = url.pathname.slice(context.prefix.length);
  let route = matchRoute(path);
  // POST /merchant/payments initiates; GET on the same path lists.
  if (route?.name === 'list' && route.family === 'merchant' && request.method === 'POST') {
    route = { family: 'merchant', name: 'initiate', method: 'POST' };
  }
  if (!route) return undefined;
  if (request.method !== route.method) throw new MethodNotAllowedError(request.method);

  const rawBody = await readBodyText(request);
  await sleep(latencyFor(request, route, context), context.signal);
  const client = identifyClient(request, context.clients);
  const injected = context.knobs.injectedFailure(client.clientId);
  if (injected !== undefined) throw new InjectedError(injected);
  checkSignedRequest(request, url, rawBody, client);
  const headerKnobs = readKnobHeaders(request.headers);
  if (headerKnobs.errors.length > 0) throw new ValidationFailedError(headerKnobs.errors);
  // Queued after this call is accepted: "the next N calls of this client answer those statuses".
  if (headerKnobs.failNext.length > 0) context.knobs.queueFailures(client.clientId, headerKnobs.failNext);

  switch (route.name) {
    case 'initiate': {
      const body = parseOrThrow(initiatePaymentSchema, parseJsonBody(request, rawBody));
      return initiate(url, context, client, body, headerKnobs.knobs, 'merchant');
    }
    case 'topUp': {
      const body = parseOrThrow(topUpSchema, parseJsonBody(request, rawBody));
      return initiate(url, context, client, body, headerKnobs.knobs, 'topup');
    }
    case 'details': {
      const payment = ownPayment(context, client, route.paymentId!, route.family);
      return jsonResponse(200, detailsOf(context, payment));
    }
    case 'list': {
      const reference = url.searchParams.get('merchantReference');
      const kind = route.family === 'merchant' ? 'merchant' : 'topup';
      const payments = context.book
        .list(
          (payment) =>
            payment.clientId === client.clientId &&
            payment.kind === kind &&
            (reference === null || payment.merchantReference === reference),
        )
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return jsonResponse(200, { payments: payments.map((payment) => detailsOf(context, payment)) });
    }
    case 'providers': {
      if (route.brandId !== undefined && route.brandId !== client.brandId) {
        throw new NotFoundError('brand_not_found', 'This client has no brand with that id.');
      }
      const countryCode = url.searchParams.get('countryCode');
      if (countryCode !== null && !/^[A-Za-z]{2}$/.test(countryCode)) {
        throw new ValidationFailedError([
          { path: 'query.countryCode', message: 'must be an ISO 3166-1 alpha-2 code' },
        ]);
      }
      const banks = context.book.banks(countryCode?.toUpperCase());
      return jsonResponse(200, {
        // `bic` from the shared bank directory: a fallback provider is matched to the same bank by it.
        providers: banks.map((bank) => ({
          providerId: bank.providerId,
          name: bank.name,
          countryCode: bank.countryCode,
          bic: bank.bic,
        })),
      });
    }
    default: {
      const unsupported: never = route.name;
      throw new SandboxError('internal_error', 500, `Unrouted API call ${String(unsupported)}`);
    }
  }
}

/**
 * The request's own header (initiations), or the payment's latency (set at initiation) for calls about
 * it, or the calling client's latency knob, or the global one. The client is the one the request claims
 * to be: latency comes before the credentials are checked, as a slow network would.
 */
function latencyFor(request: Request, route: ApiRoute, context: ConnectPayContext): number {
  const header = Number(request.headers.get('x-sandbox-latency-ms'));
  const own = route.paymentId ? context.knobs.paymentLatency(route.paymentId) : undefined;
  if ((route.name === 'initiate' || route.name === 'topUp') && Number.isInteger(header) && header > 0) {
    return Math.min(header, 120_000);
  }
  return own ?? context.knobs.latencyFor(claimedClientId(request));
}

function ownPayment(context: ConnectPayContext, client: ConnectPayClient, paymentId: string, family: Family) {
  const payment = context.book.get(paymentId);
  // Another client's payment, or a top-up asked for on the merchant path, is "not found", not "forbidden":
  // the answer must not reveal that the id exists.
  if (
    !payment ||
    payment.clientId !== client.clientId ||
    (payment.kind === 'topup') !== (family === 'baas')
  ) {
    throw new NotFoundError('payment_not_found', `No payment ${paymentId} for this client.`);
  }
  return payment;
}

/** The details body (also the notification body); needs only the stage's clients and top-up consumers. */
export function detailsOf(
  context: Pick<ConnectPayContext, 'clients' | 'topUpConsumers'>,
  payment: SandboxPayment,
) {
  const client = context.clients.get(payment.clientId);
  return toDetails(payment, {
    brandId: client?.brandId ?? 'unknown-brand',
    consumerId: context.topUpConsumers.get(payment.paymentId),
  });
}

async function initiate(
  url: URL,
  context: ConnectPayContext,
  client: ConnectPayClient,
  body: InitiatePaymentBody | TopUpBody,
  headerKnobs: PaymentKnobsPatch,
  kind: 'merchant' | 'topup',
): Promise<Response> {
  const fields: FieldError[] = [];
  if (body.merchant.brandId !== client.brandId) {
    fields.push({ path: 'merchant.brandId', message: 'is not a brand of this client' });
  }
  const bank = body.payment.providerId ? findBank(body.payment.providerId) : undefined;
  if (body.payment.providerId && !bank) {
    fields.push({
      path: 'payment.providerId',
      message: 'is not a known provider; see GET merchant/providers',
    });
  }
  if (bank && body.payment.providerCountryCode && bank.countryCode !== body.payment.providerCountryCode) {
    fields.push({
      path: 'payment.providerCountryCode',
      message: `does not match the provider's country ${bank.countryCode}`,
    });
  }
  if (fields.length > 0) throw new ValidationFailedError(fields);

  let creditorIban: string | undefined;
  let consumerId: string | undefined;
  if (kind === 'topup') {
    const topUp = body as TopUpBody;
    consumerId = topUp.consumer.consumerId;
    creditorIban = checkCreditorAccount(compactIban(topUp.payment.creditorAccount.iban), consumerId).iban;
  }
  const allowedMethods: ConnectPayMethod[] = body.payment.paymentMethod
    ? [...new Set(body.payment.paymentMethod)]
    : kind === 'topup'
      ? ['PIS']
      : [...CONNECTPAY_METHODS];
  const consumer = pickConsumer(body.consumer);
  const payment = context.book.create({
    kind,
    clientId: client.clientId,
    allowedMethods,
    ...(body.payment.providerCountryCode ? { providerCountryCode: body.payment.providerCountryCode } : {}),
    ...(bank ? { providerId: bank.providerId } : {}),
    language: body.merchant.language ?? 'EN',
    amount: minorToAmount(amountToMinor(body.payment.instructedAmount.amount)),
    currency: body.payment.instructedAmount.currency,
    ...(body.payment.remittanceInformationUnstructured !== undefined
      ? { remittanceInformationUnstructured: body.payment.remittanceInformationUnstructured }
      : {}),
    ...(body.identifiers?.merchantReference !== undefined
      ? { merchantReference: body.identifiers.merchantReference }
      : {}),
    ...(body.identifiers?.endToEndId !== undefined ? { endToEndId: body.identifiers.endToEndId } : {}),
    generic: pickGeneric(body.merchant),
    redirectUrl: body.merchant.redirectUrl,
    ...(body.merchant.notificationUrl ? { notificationUrl: body.merchant.notificationUrl } : {}),
    ...(creditorIban ? { creditorIban } : {}),
    ...(consumer ? { consumer } : {}),
    knobs: context.knobs.forNewPayment(headerKnobs),
  });
  if (consumerId) context.topUpConsumers.set(payment.paymentId, consumerId);
  if (headerKnobs.latencyMs !== undefined)
    context.knobs.setPaymentLatency(payment.paymentId, headerKnobs.latencyMs);
  return jsonResponse(201, {
    merchant: { brandId: client.brandId, ...pickGeneric(body.merchant) },
    payment: {
      paymentId: payment.paymentId,
      redirectUrl: widgetUrl(url.origin, context.prefix, payment.key),
    },
  });
}

export function widgetUrl(origin: string, prefix: string, key: string): string {
  return `${origin}${prefix}/widget?key=${encodeURIComponent(key)}`;
}

function pickGeneric(merchant: { generic1?: string; generic2?: string; generic3?: string }) {
  return {
    ...(merchant.generic1 !== undefined ? { generic1: merchant.generic1 } : {}),
    ...(merchant.generic2 !== undefined ? { generic2: merchant.generic2 } : {}),
    ...(merchant.generic3 !== undefined ? { generic3: merchant.generic3 } : {}),
  };
}

/** The shopper fields the book keeps (a top-up's `consumerId` is kept beside it, in the context). */
function pickConsumer(consumer: { firstName?: string; lastName?: string; ipAddress?: string } | undefined) {
  if (!consumer) return undefined;
  const picked = {
    ...(consumer.firstName !== undefined ? { firstName: consumer.firstName } : {}),
    ...(consumer.lastName !== undefined ? { lastName: consumer.lastName } : {}),
    ...(consumer.ipAddress !== undefined ? { ipAddress: consumer.ipAddress } : {}),
  };
  return Object.keys(picked).length > 0 ? picked : undefined;
}
