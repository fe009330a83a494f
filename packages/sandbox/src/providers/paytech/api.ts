/**
 * pay.tech's Gateway API under `{base}/api/v1` (reference: pay.tech API 1.0.61, "Payments"): create
 * (DEPOSIT, REFUND, WITHDRAWAL), find, list with its filters, capture, void and the operations list.
 * Order of checks: the shop's latency knob, the Shop API Key (401), injected failures, the `X-Sandbox-*`
 * knob headers, then the endpoint. Every answer is the `{timestamp, status, result}` envelope.
 */
import { readBodyText } from '../../shared/http/body.js';
import {
  InjectedError,
  MethodNotAllowedError,
  UnauthorizedError,
  ValidationFailedError,
} from '../../shared/http/errors.js';
import { parseJsonBody } from '../../shared/http/json-body.js';
import { safeDecode } from '../../shared/http/path.js';
import { parseOrThrow } from '../../shared/http/validation.js';
import type { NotificationKnobs } from '../../shared/knobs/knob-board.js';
import { readKnobHeaders } from '../../shared/knobs/knob-headers.js';
import { sleep } from '../../shared/sleep.js';
import { toMinor } from './amounts.js';
import type { PaytechContext } from './context.js';
import { PaytechApiError } from './errors.js';
import type { PaytechPayment } from './model.js';
import {
  type CreatePaymentBody,
  captureSchema,
  createPaymentSchema,
  PAYMENT_ID,
  WIRE_TIME,
} from './schema.js';
import type { PaytechShop } from './shops.js';
import { envelope, toWire, toWireOperations } from './wire.js';

const API = '/api/v1/payments';
const DAY_MS = 24 * 60 * 60 * 1000;

type Route =
  | { name: 'payments' }
  | { name: 'payment'; id: string }
  | { name: 'capture' | 'void' | 'operations'; id: string };

function matchRoute(path: string): Route | undefined {
  if (path === API) return { name: 'payments' };
  const match = /^\/api\/v1\/payments\/([^/]+)(?:\/(capture|void|operations))?$/.exec(path);
  if (!match) return undefined;
  const id = safeDecode(match[1]);
  const action = match[2] as 'capture' | 'void' | 'operations' | undefined;
  return action ? { name: action, id } : { name: 'payment', id };
}

const METHODS: Record<Route['name'], readonly string[]> = {
  payments: ['GET', 'POST'],
  payment: ['GET'],
  capture: ['POST'],
  void: ['POST'],
  operations: ['GET'],
};

export async function handleApi(
  request: Request,
  url: URL,
  context: PaytechContext,
): Promise<Response | undefined> {
  const path = url.pathname.slice(context.prefix.length);
  const route = matchRoute(path);
  if (!route) return undefined;
  if (!METHODS[route.name].includes(request.method)) throw new MethodNotAllowedError(request.method);

  const rawBody = await readBodyText(request);
  const shop = shopOf(request, context);
  const paymentLatency = 'id' in route ? context.knobs.paymentLatency(route.id) : undefined;
  await sleep(paymentLatency ?? context.knobs.latencyFor(shop?.shopId), context.signal);
  if (!shop)
    throw new UnauthorizedError(
      'unauthorized',
      'Authorization: Bearer <Shop API Key> is missing or unknown.',
    );
  const injected = context.knobs.injectedFailure(shop.shopId);
  if (injected !== undefined) throw new InjectedError(injected);
  const headerKnobs = readKnobHeaders(request.headers);
  if (headerKnobs.errors.length > 0) throw new ValidationFailedError(headerKnobs.errors);
  if (headerKnobs.failNext.length > 0) context.knobs.queueFailures(shop.shopId, headerKnobs.failNext);
  const origin = url.origin;
  const wire = (payment: PaytechPayment) => toWire(payment, context.prefix);

  switch (route.name) {
    case 'payments': {
      if (request.method === 'GET') return list(url, context, shop, wire);
      const body = parseOrThrow(createPaymentSchema, parseJsonBody(request, rawBody));
      const knobs = context.knobs.forNewPayment(headerKnobs.knobs);
      const payment = create(context, shop, body, knobs, origin);
      // `X-Sandbox-Latency-Ms` at creation slows the later calls about this payment.
      if (headerKnobs.knobs.latencyMs !== undefined) {
        context.knobs.setPaymentLatency(payment.id, headerKnobs.knobs.latencyMs);
      }
      return envelope(wire(payment));
    }
    case 'payment':
      return envelope(wire(own(context, shop, route.id)));
    case 'operations':
      return envelope(toWireOperations(own(context, shop, route.id)));
    case 'capture': {
      const payment = own(context, shop, route.id);
      const body = rawBody.trim() === '' ? {} : parseOrThrow(captureSchema, parseJsonBody(request, rawBody));
      const amount = body.amount === undefined ? undefined : minor(body.amount, payment.currency, 'amount');
      return envelope(wire(context.book.capture(payment.id, amount)));
    }
    case 'void':
      return envelope(wire(context.book.void(own(context, shop, route.id).id)));
    default: {
      const unknown: never = route;
      throw new Error(`Unhandled pay.tech route ${JSON.stringify(unknown)}`);
    }
  }
}

function shopOf(request: Request, context: PaytechContext): PaytechShop | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match ? context.shops.byApiKey(match[1]) : undefined;
}

/** A payment of this shop; another shop's payment is as unknown as a missing one. */
function own(context: PaytechContext, shop: PaytechShop, id: string): PaytechPayment {
  const payment = PAYMENT_ID.test(id) ? context.book.get(id) : undefined;
  if (!payment || payment.shopId !== shop.shopId)
    throw new PaytechApiError(404, '1.01', `No payment ${id.slice(0, 40)}.`);
  return payment;
}

function minor(amount: number, currency: string, field: string): number {
  const value = toMinor(amount, currency);
  if (value === undefined) {
    throw new ValidationFailedError([{ path: field, message: `has more decimals than ${currency} has` }]);
  }
  return value;
}

function create(
  context: PaytechContext,
  shop: PaytechShop,
  body: CreatePaymentBody,
  knobs: NotificationKnobs,
  origin: string,
): PaytechPayment {
  const amount = body.amount === undefined ? undefined : minor(body.amount, body.currency, 'amount');
  const webhookUrl = body.webhookUrl ?? shop.webhookUrl;
  switch (body.paymentType) {
    case 'DEPOSIT':
      if (amount === undefined) throw new PaytechApiError(422, '1.08', 'A deposit needs an amount.');
      return context.book.createDeposit(shop, {
        referenceId: body.referenceId,
        description: body.description,
        amount,
        currency: body.currency,
        preAuth: body.preAuth ?? false,
        returnUrl: body.returnUrl,
        webhookUrl,
        origin,
        knobs,
      });
    case 'REFUND':
      if (!body.parentPaymentId) {
        throw new ValidationFailedError([{ path: 'parentPaymentId', message: 'is required for a REFUND' }]);
      }
      return context.book.createRefund(shop, {
        referenceId: body.referenceId,
        description: body.description,
        parentPaymentId: body.parentPaymentId,
        amount,
        currency: body.currency,
        webhookUrl,
        origin,
        knobs,
      });
    case 'WITHDRAWAL':
      if (amount === undefined) throw new PaytechApiError(422, '1.08', 'A withdrawal needs an amount.');
      return context.book.createWithdrawal(shop, {
        referenceId: body.referenceId,
        description: body.description,
        amount,
        currency: body.currency,
        webhookUrl,
        origin,
        knobs,
      });
    default: {
      const unknown: never = body.paymentType;
      throw new Error(`Unhandled payment type ${String(unknown)}`);
    }
  }
}

/** `GET /api/v1/payments`: most recent first, `offset` / `limit`, the time filters and `referenceId.eq`. */
function list(
  url: URL,
  context: PaytechContext,
  shop: PaytechShop,
  wire: (payment: PaytechPayment) => unknown,
): Response {
  const query = url.searchParams;
  const errors: { path: string; message: string }[] = [];
  const integer = (name: string, min: number, max: number, fallback: number): number => {
    const raw = query.get(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      errors.push({ path: name, message: `must be an integer from ${min} to ${max}` });
    }
    return value;
  };
  const time = (name: string): number | undefined => {
    const raw = query.get(name);
    if (raw === null) return undefined;
    if (!WIRE_TIME.test(raw) || Number.isNaN(Date.parse(`${raw}Z`))) {
      errors.push({ path: name, message: 'must be YYYY-MM-DDTHH:MM:SS (UTC)' });
      return undefined;
    }
    return Date.parse(`${raw}Z`);
  };
  const offset = integer('offset', 0, 1_000_000, 0);
  const limit = integer('limit', 1, 1000, 50);
  // Without `created.gte` only the last 24 hours are searched (packages/sandbox/README.md, "pay.tech").
  const createdGte = time('created.gte') ?? Date.now() - DAY_MS;
  const createdLt = time('created.lt');
  const updatedGte = time('updated.gte');
  const updatedLt = time('updated.lt');
  if (errors.length > 0) throw new ValidationFailedError(errors);
  const reference = query.get('referenceId.eq');
  // Times are kept in ms but compared at the wire's precision (seconds), as a client sees them.
  const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;
  const matching = context.book
    .list(
      (payment) =>
        payment.shopId === shop.shopId &&
        seconds(payment.created) >= createdGte &&
        (createdLt === undefined || seconds(payment.created) < createdLt) &&
        (updatedGte === undefined || seconds(payment.updated) >= updatedGte) &&
        (updatedLt === undefined || seconds(payment.updated) < updatedLt) &&
        (reference === null || payment.referenceId === reference),
    )
    .reverse()
    .sort((a, b) => b.created - a.created);
  const page = matching.slice(offset, offset + limit);
  return envelope(page.map(wire), { hasMore: offset + limit < matching.length });
}
