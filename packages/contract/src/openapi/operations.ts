import type { z } from 'zod';
import type { ErrorCode } from '../error-codes.js';
import { MerchantSessionView, OperationRequest, OperationResponse } from '../merchant.js';
import { MerchantOrderView } from '../payment-events.js';
import {
  CreateSessionRequest,
  CreateSessionResponse,
  IDEMPOTENCY_HEADER,
  OptionsQuery,
  OptionsResponse,
  OrderId,
  ProviderId,
  SessionView,
} from '../wire.js';
import { CardForm, HealthResponse, NotificationAck } from './route-schemas.js';

/** What a route answers with besides errors. */
export type OperationBody =
  | { kind: 'json'; schema: z.ZodType }
  | { kind: 'html' }
  | { kind: 'event-stream' }
  | { kind: 'javascript' }
  | { kind: 'redirect' }
  | { kind: 'openapi' }
  | { kind: 'prometheus' };

export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  description: string;
  required: boolean;
  /** A registered contract schema, or a plain string. */
  schema?: z.ZodType;
}

/** One route of server-kit, in the kit's own words (each route file's doc comment). */
export interface OperationSpec {
  method: 'get' | 'post';
  /** Relative to the kit's base URL, OpenAPI style: `/sessions/{id}`. */
  path: string;
  operationId: string;
  tag: 'Element' | 'Hosted pages' | 'Merchant API' | 'Providers' | 'Operations';
  summary: string;
  description?: string;
  parameters?: OperationParameter[];
  /**
   * A JSON body (`application/json`), the card form (`application/x-www-form-urlencoded`), or, without
   * a schema, bytes whose shape is the provider's (`*\/*`).
   */
  requestBody?: { schema?: z.ZodType; form?: boolean; required: boolean; description?: string };
  /** Successful answers by status. */
  responses: Record<number, { description: string; body?: OperationBody }>;
  /** Every code the route itself can answer with; grouped by their HTTP status from ERROR_CODE_INFO. */
  errors: ErrorCode[];
  /** The merchant API's bearer key. */
  merchantKey?: boolean;
}

const sessionId: OperationParameter = {
  name: 'id',
  in: 'path',
  description: 'The session id (`POST sessions` answers it).',
  required: true,
};
const lang: OperationParameter = {
  name: 'lang',
  in: 'query',
  description: "The page's language (BCP 47); else the session's, else the browser's.",
  required: false,
};
const idempotencyKey: OperationParameter = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  description: 'One key per intended request, 1–255 characters; a replay answers the first result.',
  required: true,
};

/** Codes any route may answer with, whatever it does (router, CORS, lifecycle, bugs). */
export const COMMON_ERRORS: readonly ErrorCode[] = ['not_ready', 'closed', 'internal_error'];

const MERCHANT_ERRORS: ErrorCode[] = ['merchant_api_disabled', 'unauthorized'];
const OPERATION_ERRORS: ErrorCode[] = [
  ...MERCHANT_ERRORS,
  'invalid_idempotency_key',
  'invalid_request',
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'session_not_found',
  'operation_unsupported',
  'operation_in_progress',
  'payment_not_final',
  'payment_failed',
  'already_captured',
  'already_voided',
  'not_capturable',
  'nothing_to_refund',
  'amount_exceeds_authorized',
  'amount_exceeds_refundable',
  'provider_timeout',
  'provider_error',
  'provider_unreachable',
  'provider_bad_response',
];

function merchantOperation(kind: 'capture' | 'void' | 'refund', summary: string): OperationSpec {
  return {
    method: 'post',
    path: `/merchant/sessions/{id}/${kind}`,
    operationId: `${kind}Payment`,
    tag: 'Merchant API',
    summary,
    description:
      kind === 'void'
        ? 'Takes no amount. `Idempotency-Key` required: a replay answers 200 with the first result.'
        : 'JSON `{amount?}` in minor units (absent: the whole remainder); an empty body is `{}`. ' +
          '`Idempotency-Key` required: a replay answers 200 with the first result.',
    parameters: [sessionId, idempotencyKey],
    requestBody: { schema: OperationRequest, required: false },
    responses: {
      201: {
        description: 'The operation and the merchant view.',
        body: { kind: 'json', schema: OperationResponse },
      },
      200: {
        description: 'An idempotent replay (`idempotent-replayed: true`).',
        body: { kind: 'json', schema: OperationResponse },
      },
    },
    errors: OPERATION_ERRORS,
    merchantKey: true,
  };
}

/**
 * Every route server-kit registers (packages/server-kit/src/checkout.ts, `buildRouter`). The kit's
 * test "every route is in the OpenAPI document" fails when a route is added there but not here.
 */
export const OPERATIONS: readonly OperationSpec[] = [
  {
    method: 'get',
    path: '/options',
    operationId: 'getOptions',
    tag: 'Element',
    summary: 'What the element shows before the shopper pays',
    description:
      "The order's amount (from `resolveOrder`), the methods whose route has a provider up, the banks of " +
      'the country and the served countries.',
    parameters: Object.keys(OptionsQuery.shape).map((name) => {
      const field = OptionsQuery.shape[name as keyof typeof OptionsQuery.shape];
      return {
        name,
        in: 'query' as const,
        description: {
          order: 'The merchant order id.',
          country: "The bank's country.",
          language: 'Labels language.',
        }[name] as string,
        required: !field.safeParse(undefined).success,
        schema: field,
      };
    }),
    responses: { 200: { description: 'The options.', body: { kind: 'json', schema: OptionsResponse } } },
    errors: [
      'invalid_request',
      'order_not_found',
      'invalid_order',
      'provider_timeout',
      'provider_error',
      'provider_unreachable',
      'provider_bad_response',
    ],
  },
  {
    method: 'post',
    path: '/sessions',
    operationId: 'createSession',
    tag: 'Element',
    summary: 'Opens a payment session at the routed provider',
    description:
      'The amount comes from the order, never from the body. At most one session per `Idempotency-Key`; ' +
      'a browser `Origin` outside `allowedOrigins` is refused before anything else. ' +
      '`order_already_paid` adds `returnUrl` to the error object.',
    parameters: [idempotencyKey],
    requestBody: { schema: CreateSessionRequest, required: true },
    responses: {
      201: {
        description: 'The session and where to send the shopper.',
        body: { kind: 'json', schema: CreateSessionResponse },
      },
      200: {
        description: 'An idempotent replay (`idempotent-replayed: true`).',
        body: { kind: 'json', schema: CreateSessionResponse },
      },
    },
    errors: [
      'origin_not_allowed',
      'invalid_idempotency_key',
      'idempotency_key_reused',
      'idempotency_in_progress',
      'invalid_request',
      'invalid_json',
      'payload_too_large',
      'unsupported_media_type',
      'request_timeout',
      'rate_limited',
      'bank_not_offered',
      'body_already_read',
      'order_not_found',
      'invalid_order',
      'order_already_paid',
      'method_not_available',
      'provider_not_allowed',
      'provider_timeout',
      'provider_error',
      'provider_unreachable',
      'provider_bad_response',
      'provider_response_too_large',
      'provider_unavailable',
      'provider_refused',
      'unsupported_status',
      'unsafe_redirect',
      'consumer_not_found',
      'creditor_account_not_found',
      'creditor_account_inactive',
      'creditor_account_not_owned',
      'store_conflict',
    ],
  },
  {
    method: 'get',
    path: '/sessions/{id}',
    operationId: 'getSession',
    tag: 'Element',
    summary: "A session's unified status",
    parameters: [sessionId],
    responses: { 200: { description: 'The session.', body: { kind: 'json', schema: SessionView } } },
    errors: ['session_not_found'],
  },
  {
    method: 'get',
    path: '/sessions/{id}/events',
    operationId: 'streamSessionEvents',
    tag: 'Element',
    summary: 'Live status stream (server-sent events)',
    description:
      '`retry:`, then the current state (with `Last-Event-ID`: every event since), then each change as ' +
      '`id: <n>`, `event: status`, `data: <SessionView JSON>`; `: ping` heartbeats; ends after a final status.',
    parameters: [
      sessionId,
      {
        name: 'Last-Event-ID',
        in: 'header',
        description: 'Resume after this event id (browsers send it on reconnect).',
        required: false,
      },
    ],
    responses: { 200: { description: 'The event stream.', body: { kind: 'event-stream' } } },
    errors: ['session_not_found', 'too_many_streams'],
  },
  {
    method: 'post',
    path: '/notifications/{provider}',
    operationId: 'receiveProviderNotification',
    tag: 'Providers',
    summary: 'A notification (webhook) from a payment provider',
    description:
      "The raw bytes are verified by the provider instance's adapter exactly as the provider signs them. " +
      'Answered 200 every time so providers stop retrying, except when `onPaymentEvent` throws (500).',
    parameters: [
      {
        name: 'provider',
        in: 'path',
        description: 'The provider instance id.',
        required: true,
        schema: ProviderId,
      },
    ],
    requestBody: { required: true, description: "The provider's own notification, as it signs it." },
    responses: { 200: { description: 'Received.', body: { kind: 'json', schema: NotificationAck } } },
    errors: [
      'provider_not_found',
      'invalid_signature',
      'invalid_request',
      'payload_too_large',
      'request_timeout',
      'rate_limited',
    ],
  },
  {
    method: 'get',
    path: '/return/{id}',
    operationId: 'returnPage',
    tag: 'Hosted pages',
    summary: 'Where the provider sends the shopper back',
    description:
      'A session id: the return page with the live status (never read from the query). A provider instance ' +
      "id with `returnStyle: state`: 303 to the resolved session's return page. An unknown id: a 404 page.",
    parameters: [
      { name: 'id', in: 'path', description: 'A session id, or a provider instance id.', required: true },
      lang,
    ],
    responses: {
      200: { description: 'The return page.', body: { kind: 'html' } },
      303: {
        description: "To the session's own return page (`state` return style).",
        body: { kind: 'redirect' },
      },
      404: { description: 'No such session: a page with the way back to the shop.', body: { kind: 'html' } },
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/continue/{id}',
    operationId: 'continuePage',
    tag: 'Hosted pages',
    summary: "Posts the provider's form (3-D Secure) from the kit's own page",
    parameters: [sessionId, lang],
    responses: {
      200: { description: 'The auto-posting page.', body: { kind: 'html' } },
      303: {
        description: 'The session no longer waits for the shopper: to the return page.',
        body: { kind: 'redirect' },
      },
    },
    errors: ['session_not_found', 'continue_not_available'],
  },
  {
    method: 'get',
    path: '/card/{id}',
    operationId: 'cardPage',
    tag: 'Hosted pages',
    summary: 'The kit-hosted card page (card gateways without a hosted page)',
    parameters: [sessionId, lang],
    responses: {
      200: { description: 'The card form.', body: { kind: 'html' } },
      303: {
        description: 'The session no longer waits for a card: to the return page.',
        body: { kind: 'redirect' },
      },
    },
    errors: ['session_not_found'],
  },
  {
    method: 'post',
    path: '/card/{id}',
    operationId: 'submitCard',
    tag: 'Hosted pages',
    summary: "The card page's form post",
    description:
      "Sent from the kit's own page only (same-origin check). The card goes to the gateway server to " +
      'server and is never stored, logged or echoed.',
    parameters: [sessionId],
    requestBody: { schema: CardForm, form: true, required: true },
    responses: {
      303: {
        description: 'To the 3-D Secure step (`continue/{id}`) or the return page.',
        body: { kind: 'redirect' },
      },
      422: { description: 'The card page again, with the fields in error.', body: { kind: 'html' } },
      503: {
        description: 'The gateway is down and nothing was created: the page again.',
        body: { kind: 'html' },
      },
    },
    errors: ['origin_not_allowed', 'unsupported_media_type', 'payload_too_large', 'session_not_found'],
  },
  {
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    tag: 'Operations',
    summary: "Each provider instance's circuit, for load balancers",
    responses: {
      200: {
        description: 'Some provider can take payments.',
        body: { kind: 'json', schema: HealthResponse },
      },
      503: {
        description: 'The store does not answer (`down`), or every circuit is open (`degraded`).',
        body: { kind: 'json', schema: HealthResponse },
      },
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    tag: 'Operations',
    summary: 'Prometheus text exposition (config `metrics: true`; otherwise 404 like any unknown path)',
    responses: {
      200: { description: 'The metrics, Prometheus text format 0.0.4.', body: { kind: 'prometheus' } },
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'Operations',
    summary: 'This document, with the server URL of this kit',
    responses: { 200: { description: 'The OpenAPI 3.1 document.', body: { kind: 'openapi' } } },
    errors: [],
  },
  {
    method: 'get',
    path: '/merchant/sessions/{id}',
    operationId: 'getMerchantSession',
    tag: 'Merchant API',
    summary: 'A session with settlement amounts, operations ledger and provider tries',
    parameters: [sessionId],
    responses: {
      200: { description: 'The merchant view.', body: { kind: 'json', schema: MerchantSessionView } },
    },
    errors: [...MERCHANT_ERRORS, 'session_not_found'],
    merchantKey: true,
  },
  {
    method: 'get',
    path: '/merchant/orders/{orderId}',
    operationId: 'getMerchantOrder',
    tag: 'Merchant API',
    summary: "An order's payment attempts and the one that paid it",
    parameters: [
      { name: 'orderId', in: 'path', description: 'The merchant order id.', required: true, schema: OrderId },
    ],
    responses: { 200: { description: 'The order view.', body: { kind: 'json', schema: MerchantOrderView } } },
    errors: [...MERCHANT_ERRORS],
    merchantKey: true,
  },
  merchantOperation('capture', 'Captures (part of) an authorized payment'),
  merchantOperation('void', 'Voids an authorized payment that was not captured'),
  merchantOperation('refund', 'Refunds (part of) a captured payment'),
  {
    method: 'get',
    path: '/pay/{order}',
    operationId: 'payPage',
    tag: 'Hosted pages',
    summary: "The hosted checkout page (the element on the kit's own page)",
    parameters: [
      { name: 'order', in: 'path', description: 'The merchant order id.', required: true, schema: OrderId },
      {
        name: 'provider',
        in: 'query',
        description: 'Pins a provider instance of the route.',
        required: false,
        schema: ProviderId,
      },
      {
        name: 'country',
        in: 'query',
        description: "The bank's country; else the browser's region.",
        required: false,
      },
      lang,
    ],
    responses: {
      200: { description: 'The pay page.', body: { kind: 'html' } },
      400: { description: 'A bad parameter: a page with the way back to the shop.', body: { kind: 'html' } },
      404: { description: 'No such order: a page with the way back to the shop.', body: { kind: 'html' } },
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/element.js',
    operationId: 'getElementBundle',
    tag: 'Element',
    summary: 'The script-tag build of `<pay-checkout>` (load it with its SRI hash)',
    responses: { 200: { description: 'The module script.', body: { kind: 'javascript' } } },
    errors: ['element_not_built'],
  },
  {
    method: 'get',
    path: '/element/{file}',
    operationId: 'getElementFile',
    tag: 'Element',
    summary: 'A file next to the element bundle (e.g. `locales/de.js`)',
    parameters: [
      {
        name: 'file',
        in: 'path',
        description: 'The file path below the bundle; may contain `/`.',
        required: true,
      },
    ],
    responses: { 200: { description: 'The file.', body: { kind: 'javascript' } } },
    errors: ['element_not_built', 'not_found'],
  },
  {
    method: 'get',
    path: '/locales/{file}',
    operationId: 'getElementLocale',
    tag: 'Element',
    summary: 'A locale chunk, where the bundle loads it from (relative to `element.js`)',
    parameters: [{ name: 'file', in: 'path', description: 'The chunk, e.g. `de.js`.', required: true }],
    responses: { 200: { description: 'The chunk.', body: { kind: 'javascript' } } },
    errors: ['element_not_built', 'not_found'],
  },
];
