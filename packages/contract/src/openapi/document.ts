import type { z } from 'zod';
import { ERROR_CODE_INFO, type ErrorCode } from '../error-codes.js';
import { type ComponentMeta, componentRef, componentSchemas, contractComponents } from './components.js';
import { COMMON_ERRORS, OPERATIONS, type OperationBody, type OperationSpec } from './operations.js';

/** The OpenAPI version the document declares (JSON Schema 2020-12 is its schema dialect). */
export const OPENAPI_VERSION = '3.1.1';

export interface OpenApiOptions {
  /** The kit's base URL (`publicUrl`), e.g. `https://shop.example/checkout`; default `/checkout`. */
  serverUrl?: string;
  /** `info.version`; default the contract's. */
  version?: string;
}

/**
 * The HTTP contract's version (`info.version`): bumped with a release that changes a route or a schema,
 * independently of the packages' own versions (a release that changes no wire shape keeps it).
 */
export const CONTRACT_VERSION = '0.1.0';

type Json = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document of server-kit's whole HTTP contract: every route (element-facing, hosted
 * pages, merchant API, provider notifications, health, events), its parameters, bodies and answers,
 * with the schemas generated from this package's zod schemas (`z.toJSONSchema`), and the signed
 * merchant webhook. docs/openapi.json is this document with the default options (`npm run openapi -w
 * @pay-checkout/contract` writes it); server-kit serves it at `{publicUrl}/openapi.json`.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): Json {
  const registry = contractComponents();
  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of OPERATIONS) {
    paths[spec.path] ??= {};
    paths[spec.path][spec.method] = operationObject(registry, spec);
  }
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'pay-checkout server-kit',
      version: options.version ?? CONTRACT_VERSION,
      summary: 'The HTTP contract between <pay-checkout>, merchants and server-kit.',
      description:
        'Paths are relative to where server-kit is mounted (its `publicUrl`). Amounts are in minor units. ' +
        'Every error answers `{error: {code, message}}`; docs/error-codes.md lists the codes.',
    },
    servers: [{ url: options.serverUrl ?? '/checkout', description: "server-kit's base URL (`publicUrl`)" }],
    tags: [
      { name: 'Element', description: "What `<pay-checkout>` calls from the shopper's browser." },
      { name: 'Hosted pages', description: 'HTML pages the kit serves to the shopper.' },
      { name: 'Merchant API', description: "The merchant's back office: bearer `merchantKey`." },
      { name: 'Providers', description: 'What payment providers call.' },
      { name: 'Operations', description: 'Health and this document.' },
    ],
    paths,
    webhooks: {
      paymentEvent: {
        post: {
          operationId: 'paymentEvent',
          summary: 'A signed merchant webhook (config `webhooks.url`), Standard Webhooks style',
          description:
            'Delivered at least once; `webhook-id` is stable across redeliveries, so fulfil once per id. ' +
            'Verify `webhook-signature` over `webhook-id.webhook-timestamp.body` with the shared secret.',
          parameters: ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => ({
            name,
            in: 'header',
            required: true,
            schema: { type: 'string' },
          })),
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/PaymentEvent' } } },
          },
          responses: { '200': { description: 'Any 2xx acknowledges; anything else is redelivered.' } },
        },
      },
    },
    components: {
      schemas: componentSchemas(registry),
      securitySchemes: {
        merchantKey: {
          type: 'http',
          scheme: 'bearer',
          description: "The kit's `merchantKey` (without one, the merchant routes answer 404).",
        },
      },
    },
  };
}

function operationObject(registry: z.core.$ZodRegistry<ComponentMeta>, spec: OperationSpec): Json {
  const operation: Json = {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
  };
  if (spec.description) operation.description = spec.description;
  if (spec.parameters?.length) {
    operation.parameters = spec.parameters.map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      description: parameter.description,
      required: parameter.required,
      schema: parameter.schema ? componentRef(registry, parameter.schema) : { type: 'string' },
    }));
  }
  if (spec.requestBody) {
    const { schema, form, required, description } = spec.requestBody;
    const mediaType = schema ? (form ? 'application/x-www-form-urlencoded' : 'application/json') : '*/*';
    operation.requestBody = {
      required,
      ...(description ? { description } : {}),
      content: { [mediaType]: { schema: schema ? componentRef(registry, schema) : {} } },
    };
  }
  const responses: Record<string, Json> = {};
  for (const [status, answer] of Object.entries(spec.responses)) {
    responses[status] = { description: answer.description, ...bodyObject(registry, answer.body) };
  }
  for (const [status, codes] of errorsByStatus([...spec.errors, ...COMMON_ERRORS])) {
    // A page route answers its own 404 as a page: keep that answer, the JSON errors are the others.
    if (responses[status]) continue;
    responses[status] = {
      description: `Error: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    };
  }
  operation.responses = Object.fromEntries(
    Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)),
  );
  if (spec.merchantKey) operation.security = [{ merchantKey: [] }];
  return operation;
}

function bodyObject(registry: z.core.$ZodRegistry<ComponentMeta>, body: OperationBody | undefined): Json {
  if (!body) return {};
  switch (body.kind) {
    case 'json':
      return { content: { 'application/json': { schema: componentRef(registry, body.schema) } } };
    case 'html':
      return { content: { 'text/html': { schema: { type: 'string' } } } };
    case 'event-stream':
      return {
        content: {
          'text/event-stream': {
            schema: {
              type: 'string',
              description: "Each `status` event's `data` is a `SessionView` (JSON).",
            },
          },
        },
      };
    case 'javascript':
      return { content: { 'text/javascript': { schema: { type: 'string' } } } };
    case 'redirect':
      return { headers: { Location: { description: 'Where to go next.', schema: { type: 'string' } } } };
    case 'openapi':
      return { content: { 'application/json': { schema: { type: 'object' } } } };
    case 'prometheus':
      return {
        content: {
          'text/plain': {
            schema: { type: 'string', description: 'Prometheus text exposition format, version 0.0.4.' },
          },
        },
      };
    default: {
      const unknown: never = body;
      throw new Error(`openapi: unknown body ${JSON.stringify(unknown)}`);
    }
  }
}

/** Codes grouped under their HTTP status (ERROR_CODE_INFO), each group in the list's order. */
function errorsByStatus(codes: readonly ErrorCode[]): Map<string, ErrorCode[]> {
  const groups = new Map<string, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = String(ERROR_CODE_INFO[code].status);
    groups.set(status, [...(groups.get(status) ?? []), code]);
  }
  return groups;
}
