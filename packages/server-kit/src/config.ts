import type { PaymentEvent } from '@pay-checkout/contract';
import { CountryCode } from '@pay-checkout/contract';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import type { ProviderAdapter } from './providers/provider.js';
import { CircuitBreakerConfig } from './routing/circuit-breaker.js';
import { RoutingConfig, type RoutingRule, validateRouting } from './routing/routing-config.js';
import { isSessionId } from './sessions/ids.js';
import type { CheckoutStore } from './store/store.js';
import { webhookKey } from './webhooks/signature.js';

/** What the merchant's `resolveOrder` returns. Amount and currency come only from here, never the browser. */
export interface ResolvedOrder {
  /** Decimal string in major units, e.g. `'12.50'`. */
  amount: string;
  currency: string;
  description: string;
  /** Where "Return to merchant" leads (must be on the `returnUrlHosts` allow-list). */
  returnUrl: string;
  /** BaaS top-up: credit this account instead of the merchant (providers with `capabilities.topUp`). */
  topUp?: { creditorIban: string; consumerId?: string };
}

export interface CheckoutConfig {
  /**
   * At least one, each with a unique `id` (default: its kind). Without `routing`, each method goes to
   * the providers that offer it, in this order (the next one only when the first is down).
   */
  providers: ProviderAdapter[];
  /**
   * Which providers a payment may go to, in try order: the first rule whose `method` (and `country`,
   * `currency` when given) match decides. Default: the providers in config order that offer the method.
   */
  routing?: RoutingRule[];
  /** Each provider instance's circuit: open after `failureThreshold` failures in a row (5), probe after `cooldownMs` (30 s). */
  circuitBreaker?: CircuitBreakerConfig;
  /** Default: the embedded PGlite store in `PAY_CHECKOUT_DATA` or `./.pay-checkout`. */
  store?: CheckoutStore;
  resolveOrder: (orderId: string) => Promise<ResolvedOrder | undefined>;
  /** Absolute URL where the kit is mounted, e.g. `http://localhost:3000/checkout`. */
  publicUrl: string;
  /** Origins allowed to embed the element: CORS, and the Origin check on POST. */
  allowedOrigins: string[];
  /** Hosts (`host[:port]`) allowed in a merchant return URL; default: hosts of allowedOrigins and publicUrl. */
  returnUrlHosts?: string[];
  logger?: Logger;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** After this long a non-final session becomes `expired` (default 1 h). */
  sessionTtlMs?: number;
  /** Base interval of the background poller (default 5 s; backoff is capped at 5 min). */
  pollIntervalMs?: number;
  /** `false` disables the background poller (tests, or serverless hosts that call `reconcileDue()` from a cron). */
  poll?: boolean;
  /** Directory of the built element (`pay-checkout.bundle.js`, `locales/`); default: the element package's `dist/`. */
  elementDir?: string;
  /** Languages offered by `GET options`; default: the element's locale chunks, else `['en']`. */
  languages?: string[];
  /** SSE heartbeat interval (default 15 s). */
  heartbeatMs?: number;
  /**
   * The longest any request waits for an answer, provider calls and their retries included (default
   * 15 s): past it the kit answers 504 `provider_timeout` (retry in a moment) and finishes the work in
   * the background, so the retry finds its result.
   */
  requestDeadlineMs?: number;
  /**
   * Caps on open live status streams (SSE): `perSession` (default 20: a few tabs of one shopper) and
   * `max` for the process (default 10 000). Past one: 429 `too_many_streams`; the return page polls instead.
   */
  liveStreams?: { max?: number; perSession?: number };
  /**
   * Serves `GET {base}/metrics` in the Prometheus text format (sessions by status, provider call
   * latency, notification lag, open streams, idempotency replays, rate-limit refusals). Default false:
   * the route answers 404. Keep it off the public internet (a reverse proxy rule, say).
   */
  metrics?: boolean;
  /**
   * Enables the merchant API (`{base}/merchant/…`: capture, void, refund, merchant view) for callers
   * sending `Authorization: Bearer <merchantKey>`; at least 16 characters. Unset: those routes answer 404.
   */
  merchantKey?: string;
  /**
   * The countries of the element's bank-country picker (ISO 3166-1 alpha-2). Default: those the PIS
   * providers declare (`capabilities.countries`), or the EEA (where PSD2 payment initiation exists) when a
   * PIS provider declares none.
   */
  bankCountries?: string[];
  /** The bank country when the shopper's own is not among `bankCountries`; unset: the shopper chooses. */
  defaultCountry?: string;
  /**
   * Where hosted pages send a shopper when no order says where to go back (an unknown or expired payment
   * link). Default: the first of `allowedOrigins`.
   */
  shopUrl?: string;
  /**
   * The hosted return page. `autoForward`: when the shopper arrives with the status already final, the
   * page forwards to the merchant after this many seconds (visible, announced, cancellable); `false`
   * (default) never forwards. Pending statuses never forward.
   */
  returnPage?: { autoForward?: number | false };
  /**
   * The fulfilment hook (docs/server-kit.md, "Fulfil orders"): called with every payment event of
   * every order (`payment.succeeded`, `payment.duplicate`, …), at least once per event id, in the
   * order they happened. Awaited before a provider notification is acknowledged: a throw answers the
   * provider non-2xx, so it redelivers, and the event is handed over again. Fulfil once per `event.id`.
   */
  onPaymentEvent?: (event: PaymentEvent) => Promise<void> | void;
  /** Signed merchant webhooks (Standard Webhooks) to your URL, delivered at least once with backoff. */
  webhooks?: WebhooksConfig;
  /**
   * Per-client budgets (token buckets by client address: the socket's under `toNodeHandler`, else the
   * first `X-Forwarded-For` hop) for `POST sessions` (default 30 a minute) and `POST notifications/:id`
   * (default 600 a minute); past one: 429 `rate_limited` with `Retry-After`. `hintIntervalMs` (default
   * 1 s): unsigned notification hints for one payment within it cost one provider re-fetch, plus one at
   * its end when more came. `false`
   * turns the per-client budgets off.
   */
  rateLimit?: RateLimitConfig | false;
  /** How long a request body may take to arrive once its headers have (default 10 s); past it: 408. */
  bodyTimeoutMs?: number;
}

export interface RateLimitConfig {
  sessions?: { limit?: number; windowMs?: number };
  notifications?: { limit?: number; windowMs?: number };
  hintIntervalMs?: number;
  /**
   * Default true: requests from a loopback address are not budgeted. They come from a reverse proxy on
   * the same host (where every shopper shares that one address), the local demo or tests.
   */
  exemptLoopback?: boolean;
  /**
   * How many reverse proxies in front of the kit append to `X-Forwarded-For` (default 0: the socket's
   * address is the client). With 1 (say nginx on the same host), the address nginx appended is the
   * client's, and the loopback exemption applies to that address, not to nginx. Entries left of the
   * trusted hops are the client's own claims and are never used. Fetch-style runtimes without a socket
   * (Deno, Bun, Workers) count their platform's proxy as the socket.
   */
  trustedProxies?: number;
}

export interface WebhooksConfig {
  /** Where every payment event is POSTed (http(s)). */
  url: string;
  /** `whsec_<base64>`, at least 16 random bytes; `verifyWebhook(secret, headers, body)` checks it. */
  secret: string;
  /** How long one delivery may take (default 10 s). */
  timeoutMs?: number;
  /** First retry after about this long (default 5 s), doubling up to `retryCapMs` (default 1 h). */
  retryBaseMs?: number;
  retryCapMs?: number;
}

const positiveMs = z.number().int().positive().max(2_147_483_647);
const rateBudget = z
  .object({ limit: z.number().int().positive().optional(), windowMs: positiveMs.optional() })
  .strict();

function isFunction(value: unknown): boolean {
  return typeof value === 'function';
}

/**
 * A provider instance id: lower case, and never 22 base64url characters, which would read as a session
 * id in `return/:id` (where `state`-style providers' returns and session return pages share the path).
 */
const PROVIDER_ID = /^[a-z0-9-]{1,64}$/;

const providerSchema = z.custom<ProviderAdapter>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ProviderAdapter).id === 'string' &&
    PROVIDER_ID.test((value as ProviderAdapter).id) &&
    !isSessionId((value as ProviderAdapter).id) &&
    typeof (value as ProviderAdapter).kind === 'string' &&
    Array.isArray((value as ProviderAdapter).capabilities?.methods) &&
    typeof (value as ProviderAdapter).capabilities?.operations === 'object' &&
    Array.isArray((value as ProviderAdapter).redirectHosts) &&
    ['initiate', 'findByReference', 'status', 'banks', 'parseNotification'].every((m) =>
      isFunction((value as unknown as Record<string, unknown>)[m]),
    ),
  {
    message:
      'must be a provider adapter (e.g. connectpay({...})) with a lower-case id of letters, digits and - (not 22 characters long)',
  },
);

const storeSchema = z.custom<CheckoutStore>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    ['migrate', 'close', 'createSession', 'transition', 'subscribe'].every((m) =>
      isFunction((value as Record<string, unknown>)[m]),
    ),
  { message: 'must implement CheckoutStore (e.g. pgliteStore())' },
);

const originSchema = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  },
  { message: 'must be an origin like https://shop.example (scheme, host, optional port; no path)' },
);

const configSchema = z
  .object({
    providers: z
      .array(providerSchema, { message: 'must be an array of provider adapters' })
      .min(1, 'must list at least one provider adapter')
      .refine(
        (list) => new Set(list.map((p) => p.id)).size === list.length,
        'provider ids must be unique (give a second account of one provider its own id)',
      ),
    routing: RoutingConfig.optional(),
    circuitBreaker: CircuitBreakerConfig.optional(),
    store: storeSchema.optional(),
    resolveOrder: z.custom<CheckoutConfig['resolveOrder']>(isFunction, {
      message:
        'must be a function (orderId) => Promise<{amount, currency, description, returnUrl} | undefined>',
    }),
    publicUrl: z.string({ message: 'must be the absolute URL where the kit is mounted' }).refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash;
      } catch {
        return false;
      }
    }, 'must be an absolute http(s) URL without query or fragment, e.g. https://shop.example/checkout'),
    allowedOrigins: z.array(originSchema, { message: 'must be an array of origins' }),
    returnUrlHosts: z
      .array(z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be host[:port], e.g. shop.example'))
      .optional(),
    logger: z
      .custom<Logger>((v) => typeof v === 'object' && v !== null && isFunction((v as Logger).info), {
        message: 'must be a pino logger',
      })
      .optional(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    sessionTtlMs: positiveMs.optional(),
    pollIntervalMs: positiveMs.optional(),
    poll: z.boolean().optional(),
    elementDir: z.string().min(1).optional(),
    languages: z.array(z.string().min(2).max(35)).min(1).optional(),
    heartbeatMs: positiveMs.optional(),
    requestDeadlineMs: positiveMs.optional(),
    liveStreams: z
      .object({
        max: z.number().int().positive().optional(),
        perSession: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    metrics: z.boolean().optional(),
    merchantKey: z.string().min(16, 'must be at least 16 characters (a random secret)').optional(),
    bankCountries: z.array(CountryCode).min(1).optional(),
    defaultCountry: CountryCode.optional(),
    shopUrl: z.string().url('must be an absolute URL such as https://shop.example/').optional(),
    returnPage: z
      .object({
        autoForward: z
          .union([z.literal(false), z.number().int().min(1, 'must be at least 1 second').max(60)])
          .optional(),
      })
      .strict()
      .optional(),
    onPaymentEvent: z
      .custom<CheckoutConfig['onPaymentEvent']>(isFunction, { message: 'must be a function (event) => …' })
      .optional(),
    webhooks: z
      .object({
        url: z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' }),
        secret: z
          .string()
          .refine(isWebhookSecret, 'must be "whsec_" followed by at least 16 bytes in base64'),
        timeoutMs: positiveMs.optional(),
        retryBaseMs: positiveMs.optional(),
        retryCapMs: positiveMs.optional(),
      })
      .strict()
      .optional(),
    rateLimit: z
      .union([
        z.literal(false),
        z
          .object({
            sessions: rateBudget.optional(),
            notifications: rateBudget.optional(),
            hintIntervalMs: positiveMs.optional(),
            exemptLoopback: z.boolean().optional(),
            trustedProxies: z.number().int().min(0).max(16).optional(),
          })
          .strict(),
      ])
      .optional(),
    bodyTimeoutMs: positiveMs.optional(),
  })
  // Unknown keys are refused, so a typo (`allowedOrigin`, `returnUrlHost`) fails at boot by name.
  .strict();

/** The configuration after validation, with defaults filled in and derived values computed once. */
export interface ResolvedConfig {
  providers: ProviderAdapter[];
  routing?: RoutingRule[];
  circuitBreaker?: CircuitBreakerConfig;
  store?: CheckoutStore;
  resolveOrder: CheckoutConfig['resolveOrder'];
  /** `publicUrl` without a trailing slash. */
  publicUrl: string;
  /** Path part of `publicUrl` without a trailing slash (`''` when mounted at the root). */
  basePath: string;
  allowedOrigins: string[];
  returnUrlHosts: string[];
  /** True when plain-http merchant return URLs are acceptable (the kit itself runs on http: local dev). */
  allowHttpReturnUrls: boolean;
  logger?: Logger;
  logLevel: NonNullable<CheckoutConfig['logLevel']>;
  sessionTtlMs: number;
  pollIntervalMs: number;
  poll: boolean;
  elementDir?: string;
  languages?: string[];
  heartbeatMs: number;
  requestDeadlineMs: number;
  liveStreams: { max: number; perSession: number };
  /** Optional for hand-made test configs; parseConfig always sets it. */
  metrics?: boolean;
  merchantKey?: string;
  /** Explicit `bankCountries`, if any (the default depends on the providers: see routes/bank-countries.ts). */
  bankCountries?: string[];
  defaultCountry?: string;
  /** Where dead-end hosted pages lead back to (parseConfig always sets it; optional for hand-made test configs). */
  shopUrl?: string;
  /** Seconds before the return page forwards a final status to the merchant; `false` or unset: never. */
  autoForward?: number | false;
  onPaymentEvent?: CheckoutConfig['onPaymentEvent'];
  webhooks?: Required<WebhooksConfig>;
  /**
   * Per-client budgets (`false`: off) and the hint re-fetch interval, defaults filled in (parseConfig
   * always sets both; optional for hand-made test configs, which then run without budgets).
   */
  rateLimit?: {
    sessions: { limit: number; windowMs: number } | false;
    notifications: { limit: number; windowMs: number } | false;
    hintIntervalMs: number;
    exemptLoopback: boolean;
    trustedProxies: number;
  };
  bodyTimeoutMs?: number;
}

function isWebhookSecret(value: string): boolean {
  try {
    webhookKey(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates `createCheckout`'s config at start-up. A wrong value throws `ConfigError` whose message
 * names the field (`config.publicUrl: must be an absolute http(s) URL …`), so a typo fails loudly at
 * boot instead of at the first payment.
 */
export function parseConfig(input: unknown): ResolvedConfig {
  const result = configSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
      return `config${path}: ${issue.message}`;
    });
    throw new ConfigError(`createCheckout: ${lines.join('; ')}`);
  }
  const config = result.data;
  // Routing rules are checked against the providers here, at boot, before anything is opened.
  validateRouting(config.routing, config.providers);
  const publicUrl = config.publicUrl.replace(/\/+$/, '');
  const url = new URL(publicUrl);
  const defaultHosts = [url.host, ...config.allowedOrigins.map((origin) => new URL(origin).host)];
  return {
    providers: config.providers,
    routing: config.routing,
    circuitBreaker: config.circuitBreaker,
    store: config.store,
    resolveOrder: config.resolveOrder,
    publicUrl,
    basePath: url.pathname.replace(/\/+$/, ''),
    allowedOrigins: config.allowedOrigins,
    returnUrlHosts: [...new Set((config.returnUrlHosts ?? defaultHosts).map((h) => h.toLowerCase()))],
    allowHttpReturnUrls: url.protocol === 'http:',
    logger: config.logger,
    logLevel: config.logLevel ?? 'info',
    sessionTtlMs: config.sessionTtlMs ?? 60 * 60 * 1000,
    pollIntervalMs: config.pollIntervalMs ?? 5000,
    poll: config.poll ?? true,
    elementDir: config.elementDir,
    languages: config.languages,
    heartbeatMs: config.heartbeatMs ?? 15_000,
    requestDeadlineMs: config.requestDeadlineMs ?? 15_000,
    liveStreams: { max: config.liveStreams?.max ?? 10_000, perSession: config.liveStreams?.perSession ?? 20 },
    metrics: config.metrics ?? false,
    merchantKey: config.merchantKey,
    bankCountries: config.bankCountries,
    defaultCountry: config.defaultCountry,
    shopUrl: config.shopUrl ?? `${config.allowedOrigins[0] ?? url.origin}/`,
    autoForward: config.returnPage?.autoForward ?? false,
    onPaymentEvent: config.onPaymentEvent,
    webhooks: config.webhooks && {
      url: config.webhooks.url,
      secret: config.webhooks.secret,
      timeoutMs: config.webhooks.timeoutMs ?? 10_000,
      retryBaseMs: config.webhooks.retryBaseMs ?? 5000,
      retryCapMs: config.webhooks.retryCapMs ?? 60 * 60_000,
    },
    rateLimit: resolveRateLimit(config.rateLimit),
    bodyTimeoutMs: config.bodyTimeoutMs ?? 10_000,
  };
}

/** `rateLimit` with its defaults: a shopper opens a few sessions a minute, a provider sends bursts. */
function resolveRateLimit(input: RateLimitConfig | false | undefined): ResolvedConfig['rateLimit'] {
  const hintIntervalMs = (input || undefined)?.hintIntervalMs ?? 1000;
  const trustedProxies = (input || undefined)?.trustedProxies ?? 0;
  if (input === false) {
    return { sessions: false, notifications: false, hintIntervalMs, exemptLoopback: true, trustedProxies };
  }
  return {
    sessions: { limit: input?.sessions?.limit ?? 30, windowMs: input?.sessions?.windowMs ?? 60_000 },
    notifications: {
      limit: input?.notifications?.limit ?? 600,
      windowMs: input?.notifications?.windowMs ?? 60_000,
    },
    hintIntervalMs,
    exemptLoopback: input?.exemptLoopback ?? true,
    trustedProxies,
  };
}
