import { z } from 'zod';
import { SessionStatus, StatusReason } from './status.js';

/** Payment methods the shopper can choose. */
export const PAYMENT_METHODS = ['pis', 'card', 'googlepay', 'applepay'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE');
/** A BCP 47 language tag such as `en`, `pt-BR`, `zh-Hant-TW`. */
export const LanguageTag = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en or pt-BR');
/** ISO 4217, upper case. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
/** Merchant order ids travel in URLs: keep them to a safe alphabet. */
export const OrderId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'may contain only letters, digits and . _ : -');

/** A provider instance id as configured (`connectpay`, `connectpay-eu`, `paytech`). */
export const ProviderId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'must be a provider id: lower-case letters, digits and -');

/**
 * What the shopper does after `POST sessions`, as an adapter says it: follow a URL, post a form (3-D
 * Secure), or nothing because the payment is final already. The element only ever follows the
 * response's `redirectUrl`: the kit turns `form_post` into its own `continue/:sessionId` page and
 * `none` into the return page.
 */
export const NextAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('redirect'), url: z.string() }),
  z.object({ type: z.literal('form_post'), url: z.string(), fields: z.record(z.string(), z.string()) }),
  z.object({ type: z.literal('none') }),
]);
export type NextAction = z.infer<typeof NextAction>;

/** An amount in minor units (cents) with its currency. */
export const Money = z.object({
  value: z.number().int().nonnegative(),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** `GET options?order=…&country=…&language=…` */
export const OptionsQuery = z.object({
  order: OrderId,
  country: CountryCode.optional(),
  language: LanguageTag.optional(),
});
export type OptionsQuery = z.infer<typeof OptionsQuery>;

export const MethodOption = z.object({ id: PaymentMethod, label: z.string() });
export type MethodOption = z.infer<typeof MethodOption>;

/** A shopper's bank for PIS (ConnectPay calls it a "provider"; we never do). */
export const BankOption = z.object({
  id: z.string(),
  name: z.string(),
  country: CountryCode,
  logo: z.string().optional(),
  /** The bank's BIC, where the provider names it: a fallback provider is used only for the same bank. */
  bic: z.string().optional(),
  /** The provider instance whose bank list this entry comes from (the routed PIS provider). */
  provider: z.string().optional(),
});
export type BankOption = z.infer<typeof BankOption>;

export const OptionsResponse = z.object({
  /** `sandbox` when the kit talks to a local or stage provider: the element shows a test-mode badge. */
  mode: z.enum(['live', 'sandbox']),
  amount: Money,
  methods: z.array(MethodOption),
  banks: z.array(BankOption),
  languages: z.array(z.string()),
  /**
   * The countries whose banks the routed PIS providers serve, for the element's country picker
   * (absent from older kits: the element then shows no picker).
   */
  countries: z.array(CountryCode).optional(),
  /**
   * The country `banks` belong to: the asked-for country when it is among `countries`, else the
   * merchant's default country; absent when neither applies (the element then asks the shopper).
   */
  country: CountryCode.optional(),
});
export type OptionsResponse = z.infer<typeof OptionsResponse>;

/**
 * `POST sessions` body. There is deliberately no amount: the server resolves it from the order
 * (any `amount` a browser sends is stripped by this schema and never read).
 */
export const CreateSessionRequest = z.object({
  order: OrderId,
  method: PaymentMethod,
  bank: z.string().min(1).max(128).optional(),
  language: LanguageTag.optional(),
  country: CountryCode.optional(),
  /** Pins a provider instance of the method's route, where the merchant's routing allows it. */
  provider: ProviderId.optional(),
});
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

export const CreateSessionResponse = z.object({
  sessionId: z.string(),
  redirectUrl: z.string(),
  status: SessionStatus,
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

/** `GET sessions/:id`, also the data of each SSE `status` event. No personal data. */
export const SessionView = z.object({
  sessionId: z.string(),
  /** The merchant's order this session is one payment attempt of. */
  orderId: z.string(),
  status: SessionStatus,
  reason: StatusReason.optional(),
  amount: Money,
  method: PaymentMethod,
  provider: z.string(),
  updatedAt: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;

/** Every error the kit answers with. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Header carrying the idempotency key on `POST sessions` (1–255 characters). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_MAX = 255;

/** Name of the SSE event that carries a `SessionView`. */
export const STATUS_EVENT = 'status';
