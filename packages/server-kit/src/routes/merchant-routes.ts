import { createHash, timingSafeEqual } from 'node:crypto';
import { IDEMPOTENCY_HEADER, type OperationKind, OperationRequest } from '@pay-checkout/contract';
import { ValidationError } from '../errors.js';
import { readBodyLimited, readJsonBody } from '../http/body.js';
import {
  MerchantApiDisabledError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from '../http/http-errors.js';
import { jsonResponse } from '../http/json.js';
import type { RouteHandler } from '../http/router.js';
import { merchantView } from '../operations/merchant-view.js';
import { orderView } from '../operations/order-view.js';
import { runOperation } from '../operations/run-operation.js';
import { parseIdempotencyKey } from '../sessions/idempotency.js';
import { loadSession } from '../sessions/load-session.js';
import type { RouteDeps } from './route-deps.js';
import { zodMessage } from './zod-message.js';

/** An operation request is `{amount?}`; anything bigger is not one. */
const OPERATION_BODY_LIMIT = 4 * 1024;

/**
 * `POST merchant/sessions/:id/capture|void|refund` (JSON `{amount?}` in minor units, `Idempotency-Key`
 * required): 201 with the operation and the merchant view, 200 when the key replays an earlier one.
 * A back office in any language calls it with `Authorization: Bearer <merchantKey>`.
 */
export function merchantOperationRoute(deps: RouteDeps, kind: OperationKind): RouteHandler {
  const authorize = merchantAuth(deps.config.merchantKey);
  return async ({ request, params }) => {
    authorize(request);
    const key = parseIdempotencyKey(request.headers.get(IDEMPOTENCY_HEADER));
    const parsed = OperationRequest.safeParse(await readOperationBody(request));
    if (!parsed.success) throw new ValidationError(zodMessage(parsed.error));
    const { replayed, response } = await runOperation(deps, params.id ?? '', kind, {
      ...parsed.data,
      idempotencyKey: key,
    });
    return jsonResponse(
      replayed ? 200 : 201,
      response,
      replayed ? { 'idempotent-replayed': 'true' } : undefined,
    );
  };
}

/** `GET merchant/sessions/:id`: the shopper view plus amounts, operations and provider tries. */
export function merchantSessionRoute(deps: RouteDeps): RouteHandler {
  const authorize = merchantAuth(deps.config.merchantKey);
  return async ({ request, params }) => {
    authorize(request);
    const session = await loadSession(deps, params.id ?? '');
    return jsonResponse(200, await merchantView(deps, session));
  };
}

/** `GET merchant/orders/:orderId`: the order's payment attempts and the one that paid it. */
export function merchantOrderRoute(deps: RouteDeps): RouteHandler {
  const authorize = merchantAuth(deps.config.merchantKey);
  return async ({ request, params }) => {
    authorize(request);
    return jsonResponse(200, await orderView(deps, params.orderId ?? ''));
  };
}

/**
 * The merchant key check, first on every merchant route (before the session is looked up, so the
 * API tells nobody without the key which sessions exist). Without a configured key the routes do not
 * exist (404). Both keys are hashed before the constant-time comparison: `timingSafeEqual` wants equal
 * lengths, and comparing digests keeps the key's length from leaking through an early return.
 */
function merchantAuth(merchantKey: string | undefined): (request: Request) => void {
  if (merchantKey === undefined) {
    return () => {
      throw new MerchantApiDisabledError();
    };
  }
  const expected = digest(merchantKey);
  return (request) => {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '');
    if (match === null || !timingSafeEqual(digest(match[1] ?? ''), expected)) throw new UnauthorizedError();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** `{amount?}` as JSON; an empty body (a whole capture from `curl -X POST`) is `{}`. */
async function readOperationBody(request: Request): Promise<unknown> {
  if (request.headers.has('content-type')) return readJsonBody(request, OPERATION_BODY_LIMIT);
  const raw = await readBodyLimited(request, OPERATION_BODY_LIMIT);
  if (raw.byteLength === 0) return {};
  throw new UnsupportedMediaTypeError('application/json');
}
