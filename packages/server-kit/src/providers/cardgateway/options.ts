import { z } from 'zod';
import { ConfigError } from '../../errors.js';
import {
  ADAPTER_HTTP_OPTIONS,
  type AdapterLogger,
  adapterTransport,
  apiRoot,
  HttpUrl,
  isLoopbackHost,
  parseAdapterOptions,
} from '../http/adapter-options.js';
import type { Transport } from '../http/node-transport.js';

const Options = z.object({
  /**
   * The gateway's root, under which `transactionServices/REST/v1/…` lives: e.g.
   * `http://127.0.0.1:3100/cardgateway` (sandbox) or `https://secure.paymentz.example`.
   */
  baseUrl: HttpUrl,
  memberId: z.string().min(1, 'is required'),
  /** The merchant's secret key: `authentication.sKey` for a token and the salt of every checksum. */
  secureKey: z.string().min(1, 'is required'),
  terminalId: z.string().min(1, 'is required'),
  /** With `partnerId`, asks for tokens by login instead of by member id (deployments differ). */
  username: z.string().min(1).optional(),
  partnerId: z.string().min(1).optional(),
  /** `DB` (debit: authorize and capture at once, the default) or `PA` (authorize; capture or void later). */
  paymentType: z.enum(['DB', 'PA']).default('DB'),
  ...ADAPTER_HTTP_OPTIONS,
});

export type CardGatewayOptions = z.input<typeof Options>;

/** The one logger method the adapter uses, in pino's argument order. */
export type CardGatewayLogger = AdapterLogger;

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
  const options = parseAdapterOptions('cardgateway', Options, input);
  if ((options.username === undefined) !== (options.partnerId === undefined)) {
    throw new ConfigError('cardgateway: options username and partnerId go together (a token by login)');
  }
  const baseUrl = apiRoot(options.baseUrl);
  const hostname = baseUrl.hostname;
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
    sandbox: options.sandbox ?? (isLoopbackHost(hostname) || /(^|\.)(test|preprod|sandbox)\./.test(hostname)),
    redirectHosts: options.redirectHosts ?? [baseUrl.host],
    logger: options.logger,
    transport: adapterTransport(options.fetch),
  };
}
