import { z } from 'zod';
import { ErrorCode } from '../error-codes.js';
import {
  AttemptOutcome,
  AttemptView,
  MerchantSessionView,
  OperationKind,
  OperationRequest,
  OperationResponse,
  OperationStatus,
  OperationView,
  SettlementAmounts,
} from '../merchant.js';
import { MerchantOrderView, PaymentEvent, PaymentEventData, PaymentEventType } from '../payment-events.js';
import { SessionStatus, StatusReason } from '../status.js';
import {
  BankOption,
  CountryCode,
  CreateSessionRequest,
  CreateSessionResponse,
  CurrencyCode,
  ErrorBody,
  LanguageTag,
  MethodOption,
  Money,
  OptionsResponse,
  OrderId,
  PaymentMethod,
  ProviderId,
  SessionView,
} from '../wire.js';
import { CardForm, HealthResponse, NotificationAck, ProviderHealth } from './route-schemas.js';

/** Metadata of a named component: its name under `#/components/schemas/` and a one-line description. */
export interface ComponentMeta {
  id: string;
  description?: string;
}

/**
 * Every contract schema that gets a name in the document. A schema registered here is written once
 * under `components/schemas` and referenced (`$ref`) wherever another schema or a route uses it, so
 * the document reads like the contract's own files. Order is the order of `components/schemas`.
 */
export function contractComponents(): z.core.$ZodRegistry<ComponentMeta> {
  const registry = z.registry<ComponentMeta>();
  const add = (schema: z.ZodType, id: string, description?: string) =>
    registry.add(schema, description ? { id, description } : { id });
  // Scalars
  add(OrderId, 'OrderId', "The merchant's order id: letters, digits and . _ : - (it travels in URLs).");
  add(ProviderId, 'ProviderId', 'A provider instance id as configured (`connectpay`, `connectpay-eu`).');
  add(CountryCode, 'CountryCode', 'ISO 3166-1 alpha-2, upper case.');
  add(CurrencyCode, 'CurrencyCode', 'ISO 4217, upper case.');
  add(LanguageTag, 'LanguageTag', 'A BCP 47 language tag such as `en` or `pt-BR`.');
  add(Money, 'Money', 'An amount in minor units (cents) with its currency.');
  add(PaymentMethod, 'PaymentMethod', 'A payment method the shopper can choose.');
  add(SessionStatus, 'SessionStatus', 'The unified session status; it only moves forward.');
  add(StatusReason, 'StatusReason', 'Why a session is where it is: a failure reason, or `manual_review`.');
  add(ErrorCode, 'ErrorCode', 'Every code the kit answers with; see docs/error-codes.md.');
  // Element-facing
  add(MethodOption, 'MethodOption');
  add(BankOption, 'BankOption', "A shopper's bank for pay-by-bank (PIS).");
  add(OptionsResponse, 'OptionsResponse', 'What the element shows before the shopper pays.');
  add(CreateSessionRequest, 'CreateSessionRequest', 'No amount: the kit resolves it from the order.');
  add(CreateSessionResponse, 'CreateSessionResponse');
  add(SessionView, 'SessionView', 'The unified status of one session; no personal data.');
  add(ErrorBody, 'ErrorBody', 'Every error answer: `{error: {code, message}}`.');
  // Merchant API
  add(OperationKind, 'OperationKind');
  add(OperationStatus, 'OperationStatus');
  add(OperationRequest, 'OperationRequest', 'Amount in minor units; absent: the whole remainder.');
  add(OperationView, 'OperationView', 'One capture, void or refund in the operations ledger.');
  add(AttemptOutcome, 'AttemptOutcome');
  add(AttemptView, 'AttemptView', 'One provider tried by `POST sessions` (routing with failover).');
  add(SettlementAmounts, 'SettlementAmounts', "Minor units of the session's currency.");
  add(MerchantSessionView, 'MerchantSessionView', 'The shopper view plus settlement, ledger and tries.');
  add(OperationResponse, 'OperationResponse');
  add(MerchantOrderView, 'MerchantOrderView', 'Every payment attempt of one order and the one that paid it.');
  // Merchant webhooks
  add(PaymentEventType, 'PaymentEventType');
  add(PaymentEventData, 'PaymentEventData');
  add(PaymentEvent, 'PaymentEvent', 'A signed merchant webhook body (and the argument of `onPaymentEvent`).');
  // Operations and the kit's own pages
  add(ProviderHealth, 'ProviderHealth');
  add(HealthResponse, 'HealthResponse');
  add(NotificationAck, 'NotificationAck');
  add(CardForm, 'CardForm', 'The kit-hosted card page form; card data is never stored or logged.');
  return registry;
}

/** `#/components/schemas/<id>` of a registered schema (unwrapping `.optional()`); throws for others. */
export function componentRef(
  registry: z.core.$ZodRegistry<ComponentMeta>,
  schema: z.ZodType,
): { $ref: string } {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const meta = registry.get(inner);
  if (!meta) throw new Error('openapi: a route uses a schema that is not registered in components.ts');
  return { $ref: `#/components/schemas/${meta.id}` };
}

/** The JSON Schemas of the registered components, referencing each other by `#/components/schemas/…`. */
export function componentSchemas(registry: z.core.$ZodRegistry<ComponentMeta>): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(registry, {
    // What a client may send and what the kit accepts; answers may gain fields in a later release.
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // The document's dialect is 2020-12 already, and a component's `$id` would change how
    // its `$ref`s resolve (relative to that id instead of the document).
    const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
    out[id] = rest;
  }
  return out;
}
