import { z } from 'zod';
import { ConfigError } from '../../errors.js';
import { fetchTransport, nodeTransport, type Transport } from '../http/node-transport.js';

const Options = z.object({
  /**
   * The gateway's root, under which `transactionServices/REST/v1/…` lives: e.g.
   * `http://127.0.0.1:3100/cardgateway` (sandbox) or `https://secure.paymentz.example`.
   */
  baseUrl: z
    .string()
    .refine(
      (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
      'must be an http(s) URL',
    ),
  memberId: z.string().min(1, 'is required'),
  /** The merchant's secret key: `authentication.sKey` for a token and the salt of every checksum. */
  secureKey: z.string().min(1, 'is required'),
  terminalId: z.string().min(1, 'is required'),
  /** With `partnerId`, asks for tokens by login instead of by member id (deployments differ). */
  username: z.string().min(1).optional(),
  partnerId: z.string().min(1).optional(),
  /** `DB` (debit: authorize and capture at once, the default) or `PA` (authorize; capture or void later). */
  paymentType: z.enum(['DB', 'PA']).default('DB'),
  timeoutMs: z.number().int().positive().max(120_000).default(10_000),
  /** Retries of reads (inquiries) after the first attempt. Payments and operations are never retried. */
  retries: z.number().int().min(0).max(10).default(3),
  retryBackoff: z
    .object({ baseMs: z.number().int().min(0), maxMs: z.number().int().min(0) })
    .default({ baseMs: 200, maxMs: 5_000 }),
  sandbox: z.boolean().optional(),
  /** Hosts of the gateway's 3-D Secure (ACS) pages; default: the base URL's host. */
  redirectHosts: z.array(z.string().min(1)).optional(),
  logger: z
    .custom<CardGatewayLogger>(
      (value) =>
        typeof value === 'object' && value !== null && typeof Reflect.get(value, 'warn') === 'function',
      'must have a warn(details, message) method',
    )
    .optional(),
  /** For tests and special runtimes: a `fetch` to send calls through instead of keep-alive `node:http`. */
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'must be a fetch function')
    .optional(),
});

export type CardGatewayOptions = z.input<typeof Options>;

/** The one logger method the adapter uses, in pino's argument order. */
export interface CardGatewayLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface ResolvedCardGatewayOptions {
  /** Always ends with `/`. */
  baseUrl: URL;
  memberId: string;
  secureKey: string;
  terminalId: string;
  login?: { username: string; partnerId: string };
  paymentType: 'DB' | 'PA';
  timeoutMs: number;
  retries: number;
  retryBackoff: { baseMs: number; maxMs: number };
  sandbox: boolean;
  redirectHosts: string[];
  logger?: CardGatewayLogger;
  transport: Transport;
}

/**
 * Validates the options up front, so a wrong deployment fails at start-up with a message that names
 * the option (never its value: the secure key is a secret).
 */
export function resolveCardGatewayOptions(input: unknown): ResolvedCardGatewayOptions {
  const parsed = Options.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue.path.join('.') || 'options';
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    throw new ConfigError(`cardgateway: option ${name} ${missing ? 'is required' : issue.message}`);
  }
  const options = parsed.data;
  if ((options.username === undefined) !== (options.partnerId === undefined)) {
    throw new ConfigError('cardgateway: options username and partnerId go together (a token by login)');
  }
  const baseUrl = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  baseUrl.search = '';
  baseUrl.hash = '';
  const hostname = baseUrl.hostname;
  const local = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return {
    baseUrl,
    memberId: options.memberId,
    secureKey: options.secureKey,
    terminalId: options.terminalId,
    ...(options.username && options.partnerId
      ? { login: { username: options.username, partnerId: options.partnerId } }
      : {}),
    paymentType: options.paymentType,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryBackoff: options.retryBackoff,
    sandbox: options.sandbox ?? (local || /(^|\.)(test|preprod|sandbox)\./.test(hostname)),
    redirectHosts: options.redirectHosts ?? [baseUrl.host],
    logger: options.logger,
    transport: options.fetch ? fetchTransport(options.fetch) : nodeTransport(),
  };
}
