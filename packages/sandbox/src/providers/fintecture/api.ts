/**
 * The Fintecture API on the stage, under `{prefix}` (OAuth and API share the base, as the issue asks):
 *
 * - `POST /oauth/accesstoken`: client credentials, `Authorization: Basic base64(app_id:app_secret)`,
 *   form body `grant_type=client_credentials&scope=PIS&app_id=…` (not signed, as the SDK sends it);
 * - `POST /pis/v2/connect?origin_uri=…&redirect_uri=…&state=…`: opens a payment session;
 * - `GET /pis/v1/payments/{session_id}`, `GET /pis/v1/payments[?filter[end_to_end_id]=…]`;
 * - `POST /pis/v1/refund`;
 * - `GET /res/v1/providers` (filters `filter[country]`, `filter[psu_type]`, `filter[pis]`) and
 *   `GET /res/v1/testaccounts`, with the `app_id` header or a token.
 *
 * Every call but the token call needs the signature headers (request-signature.ts). Order of checks:
 * route, body, latency knob, credentials (401), injected failures, signature, then the endpoint.
 */
import { readBodyBytes } from '../../shared/http/body.js';
import {
  BadRequestError,
  InjectedError,
  MethodNotAllowedError,
  NotFoundError,
  UnauthorizedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
} from '../../shared/http/errors.js';
import { parseJsonBody } from '../../shared/http/json-body.js';
import { safeDecode } from '../../shared/http/path.js';
import { jsonResponse } from '../../shared/http/responses.js';
import { parseOrThrow } from '../../shared/http/validation.js';
import { readKnobHeaders } from '../../shared/knobs/knob-headers.js';
import { sleep } from '../../shared/sleep.js';
import { FINTECTURE_COUNTRIES, searchFintectureBanks } from './banks.js';
import type { FintectureContext } from './context.js';
import type { FintectureSession } from './model.js';
import { PSU_TYPES, type PsuType } from './model.js';
import { verifyFintectureRequest } from './request-signature.js';
import {
  connectBodySchema,
  connectHeadersSchema,
  connectQuerySchema,
  refundBodySchema,
  tokenFormSchema,
} from './schema.js';
import { fintectureTestApp } from './test-app.js';
import { FINTECTURE_SCA_CODE, FINTECTURE_TEST_ACCOUNTS } from './test-data.js';

/** The stage knows one application, the test app (`fintectureTestApp`). */
export function publicKeyOf(appId: string): string | undefined {
  return appId === fintectureTestApp.appId ? fintectureTestApp.publicKeyPem : undefined;
}

type Route =
  | { name: 'token'; method: 'POST' }
  | { name: 'connect'; method: 'POST' }
  | { name: 'payment'; method: 'GET'; sessionId: string }
  | { name: 'payments'; method: 'GET' }
  | { name: 'refund'; method: 'POST' }
  | { name: 'providers'; method: 'GET' }
  | { name: 'testaccounts'; method: 'GET' };

function matchRoute(path: string): Route | undefined {
  switch (path) {
    case '/oauth/accesstoken':
      return { name: 'token', method: 'POST' };
    case '/pis/v2/connect':
      return { name: 'connect', method: 'POST' };
    case '/pis/v1/payments':
      return { name: 'payments', method: 'GET' };
    case '/pis/v1/refund':
      return { name: 'refund', method: 'POST' };
    case '/res/v1/providers':
      return { name: 'providers', method: 'GET' };
    case '/res/v1/testaccounts':
      return { name: 'testaccounts', method: 'GET' };
  }
  const payment = /^\/pis\/v1\/payments\/([^/]+)$/.exec(path);
  if (payment) return { name: 'payment', method: 'GET', sessionId: safeDecode(payment[1]) };
  return undefined;
}

export async function handleApi(
  request: Request,
  url: URL,
  context: FintectureContext,
): Promise<Response | undefined> {
  const route = matchRoute(url.pathname.slice(context.prefix.length));
  if (!route) return undefined;
  if (request.method !== route.method) throw new MethodNotAllowedError(request.method);
  const body = await readBodyBytes(request);
  if (route.name === 'token') return issueToken(request, body, context);

  const appId = identifyApp(request, context, route.name === 'providers' || route.name === 'testaccounts');
  await sleep(context.knobs.latencyFor(appId), context.signal);
  const injected = context.knobs.injectedFailure(appId);
  if (injected !== undefined) throw new InjectedError(injected);
  const signer = verifyFintectureRequest(
    { method: request.method, target: `${url.pathname}${url.search}`, headers: request.headers, body },
    { publicKeyOf, firstUse: context.replay.firstUse },
  );
  if (signer !== appId) {
    throw new UnauthorizedError(
      'invalid_signature',
      'The Signature keyId is not the app_id the token was issued to.',
    );
  }
  const text = new TextDecoder().decode(body);

  switch (route.name) {
    case 'connect':
      return connect(request, url, text, appId, context);
    case 'payment':
      return jsonResponse(200, paymentView(ownSession(context, appId, route.sessionId)));
    case 'payments': {
      const endToEndId = url.searchParams.get('filter[end_to_end_id]') ?? undefined;
      const sessions = context.book
        .list({ appId, endToEndId })
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return jsonResponse(200, {
        meta: { total: sessions.length },
        data: sessions.map((s) => paymentView(s).data),
      });
    }
    case 'refund':
      return refund(request, text, appId, context);
    case 'providers':
      return providers(url);
    case 'testaccounts':
      return jsonResponse(200, {
        data: FINTECTURE_TEST_ACCOUNTS.map((account) => ({
          id: account.username,
          type: 'testaccounts',
          attributes: {
            username: account.username,
            password: account.password,
            sca_code: FINTECTURE_SCA_CODE,
            expected_status: account.status,
            ...(account.statusReason ? { status_reason: account.statusReason } : {}),
            description: account.description,
          },
        })),
      });
    default: {
      const unsupported: never = route;
      throw new Error(`Unsupported Fintecture route ${JSON.stringify(unsupported)}`);
    }
  }
}

function issueToken(request: Request, body: Uint8Array, context: FintectureContext): Response {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  const [appId, secret] = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(/:(.*)/s) : [];
  if (!appId || appId !== fintectureTestApp.appId || secret !== fintectureTestApp.appSecret) {
    throw new UnauthorizedError(
      'unauthorized',
      'Authorization must be Basic base64(app_id:app_secret) of a known application.',
    );
  }
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded');
  }
  const form = parseOrThrow(
    tokenFormSchema,
    Object.fromEntries(new URLSearchParams(new TextDecoder().decode(body))),
  );
  if (form.app_id !== undefined && form.app_id !== appId) {
    throw new BadRequestError(
      'invalid_request',
      'app_id does not match the application of the Basic credentials.',
    );
  }
  const { token, expiresIn } = context.tokens.issue(appId);
  return jsonResponse(200, {
    access_token: token,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: 'PIS',
  });
}

/** The app of the bearer token; resources also take the `app_id` header, as the SDK sends it. */
function identifyApp(request: Request, context: FintectureContext, appIdHeaderAllowed: boolean): string {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  if (bearer) {
    const appId = context.tokens.appOf(bearer[1]);
    if (!appId) throw new UnauthorizedError('unauthorized', 'The access token is unknown or expired.');
    return appId;
  }
  const header = request.headers.get('app_id');
  if (appIdHeaderAllowed && header) {
    if (!publicKeyOf(header))
      throw new UnauthorizedError('unauthorized', 'The app_id header names no known application.');
    return header;
  }
  throw new UnauthorizedError(
    'unauthorized',
    appIdHeaderAllowed
      ? 'Authorization: Bearer <access_token> or an app_id header is required.'
      : 'Authorization: Bearer <access_token> is required (POST /oauth/accesstoken).',
  );
}

function connect(
  request: Request,
  url: URL,
  text: string,
  appId: string,
  context: FintectureContext,
): Response {
  const query = parseOrThrow(connectQuerySchema, Object.fromEntries(url.searchParams));
  const headers = parseOrThrow(
    connectHeadersSchema,
    Object.fromEntries(
      ['x-psu-type', 'x-country', 'x-language', 'x-provider'].flatMap((name) => {
        const value = request.headers.get(name);
        return value === null ? [] : [[name, value]];
      }),
    ),
  );
  const body = parseOrThrow(connectBodySchema, parseJsonBody(request, text));
  const knobHeaders = readKnobHeaders(request.headers);
  if (knobHeaders.errors.length > 0) throw new ValidationFailedError(knobHeaders.errors);
  if (knobHeaders.failNext.length > 0) context.knobs.queueFailures(appId, knobHeaders.failNext);
  const { attributes } = body.data;
  const session = context.book.create({
    appId,
    amount: attributes.amount,
    currency: attributes.currency,
    communication: attributes.communication,
    endToEndId: attributes.end_to_end_id,
    state: query.state,
    redirectUri: query.redirect_uri,
    originUri: query.origin_uri,
    provider: headers['x-provider'],
    psuType: headers['x-psu-type'] ?? 'retail',
    country: headers['x-country'],
    language: headers['x-language'],
    psuName: body.meta?.psu_name,
    psuEmail: body.meta?.psu_email,
    knobs: context.knobs.forNewPayment(knobHeaders.knobs),
  });
  if (knobHeaders.knobs.latencyMs !== undefined)
    context.knobs.setPaymentLatency(session.id, knobHeaders.knobs.latencyMs);
  return jsonResponse(200, {
    meta: {
      session_id: session.id,
      url: connectUrl(url.origin, context.prefix, session.id),
      code: 200,
      status: session.status,
    },
  });
}

function refund(request: Request, text: string, appId: string, context: FintectureContext): Response {
  const body = parseOrThrow(refundBodySchema, parseJsonBody(request, text));
  const session = ownSession(context, appId, body.meta.session_id);
  const amount = body.data?.attributes.amount ?? (session.amountCents / 100).toFixed(2);
  const result = context.book.refund(session.id, Math.round(Number(amount) * 100), amount);
  if (!result.ok) throw new UnprocessableError(result.error, result.message);
  return jsonResponse(200, {
    meta: {
      code: 200,
      session_id: result.refund.id,
      payment_session_id: session.id,
      status: result.refund.status,
      amount: result.refund.amount,
    },
  });
}

function providers(url: URL): Response {
  const country = (url.searchParams.get('filter[country]') ?? 'FR').toUpperCase();
  const psu = url.searchParams.get('filter[psu_type]');
  const pis = url.searchParams.get('filter[pis]');
  const fields = [];
  if (!FINTECTURE_COUNTRIES.includes(country))
    fields.push({ path: 'filter[country]', message: `must be one of ${FINTECTURE_COUNTRIES.join(', ')}` });
  if (psu !== null && !(PSU_TYPES as readonly string[]).includes(psu))
    fields.push({ path: 'filter[psu_type]', message: 'must be retail or corporate' });
  if (pis !== null && pis !== 'SEPA') fields.push({ path: 'filter[pis]', message: 'must be SEPA' });
  if (fields.length > 0) throw new ValidationFailedError(fields);
  const banks = searchFintectureBanks(country, (psu ?? undefined) as PsuType | undefined);
  return jsonResponse(200, {
    meta: { total: banks.length },
    data: banks.map((bank) => ({
      id: bank.id,
      type: 'providers',
      attributes: {
        name: bank.name,
        country: bank.country,
        ...(bank.bic ? { bic: bank.bic } : {}),
        psu_type: bank.psuTypes,
        pis: ['SEPA'],
        initials: bank.initials,
        test_bank: bank.testBank === true,
      },
    })),
  });
}

function ownSession(context: FintectureContext, appId: string, sessionId: string): FintectureSession {
  const session = context.book.get(sessionId);
  if (!session || session.appId !== appId)
    throw new NotFoundError('session_not_found', `No payment session ${sessionId.slice(0, 40)}.`);
  return session;
}

export function connectUrl(origin: string, prefix: string, sessionId: string): string {
  return `${origin}${prefix}/connect/${sessionId}`;
}

/** `GET /pis/v1/payments/{id}`: the status in `meta.status` (the SDK README reads it there) and in the attributes. */
export function paymentView(session: FintectureSession) {
  return {
    meta: {
      session_id: session.id,
      status: session.status,
      ...(session.statusReason ? { status_reason: session.statusReason } : {}),
      ...(session.provider ? { provider: session.provider } : {}),
    },
    data: {
      type: 'payments',
      id: session.id,
      attributes: {
        amount: session.amount,
        currency: session.currency,
        ...(session.communication ? { communication: session.communication } : {}),
        ...(session.endToEndId ? { end_to_end_id: session.endToEndId } : {}),
        status: session.status,
        ...(session.statusReason ? { status_reason: session.statusReason } : {}),
        ...(session.provider ? { provider: session.provider } : {}),
        psu_type: session.psuType,
        refunded_amount: (
          session.refunds.reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0) / 100
        ).toFixed(2),
        refunds: session.refunds.map((r) => ({
          id: r.id,
          amount: r.amount,
          status: r.status,
          created_at: r.createdAt,
        })),
        created_at: session.createdAt,
      },
    },
  };
}
