import type { KeyObject } from 'node:crypto';
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
  rsaPrivateKey,
} from '../http/adapter-options.js';
import type { Transport } from '../http/node-transport.js';

/** Hosts of Fintecture's Connect page (packages/sandbox/README.md, "Fintecture"). */
const CONNECT_HOSTS = ['connect-sandbox.fintecture.com', 'connect.fintecture.com'];

const Options = z.object({
  /** API root: `https://api-sandbox.fintecture.com`, or the sandbox's `http://127.0.0.1:3100/fintecture`. */
  baseUrl: HttpUrl,
  /** OAuth root (`https://oauth-sandbox.fintecture.com`); default: the API root, as on our sandbox. */
  oauthUrl: HttpUrl.optional(),
  appId: z.string().min(1, 'is required'),
  appSecret: z.string().min(1, 'is required'),
  /** PEM of the RSA private key whose public half is registered with the application. */
  privateKeyPem: z.string().min(1, 'is required'),
  /** The PSU type Connect opens with: `retail` (default) or `corporate`. */
  psuType: z.enum(['retail', 'corporate']).default('retail'),
  /** How far a webhook's `Date` may be from our clock (default 10 minutes: Fintecture retries with backoff). */
  webhookToleranceMs: z
    .number()
    .int()
    .positive()
    .default(10 * 60_000),
  ...ADAPTER_HTTP_OPTIONS,
});

export type FintectureOptions = z.input<typeof Options>;

/** The one logger method the adapter uses, in pino's argument order. */
export type FintectureLogger = AdapterLogger;

export interface ResolvedFintectureOptions {
  /** Always ends with `/`. */
  baseUrl: URL;
  /** The token endpoint, `{oauthUrl}/oauth/accesstoken`. */
  tokenUrl: URL;
  appId: string;
  appSecret: string;
  privateKey: KeyObject;
  psuType: 'retail' | 'corporate';
  timeoutMs: number;
  retries: number;
  retryBackoff: { baseMs: number; maxMs: number };
  webhookToleranceMs: number;
  sandbox: boolean;
  redirectHosts: string[];
  logger?: FintectureLogger;
  transport: Transport;
}

/** Validates the options up front; a message names the bad option, never its value (several are secrets). */
export function resolveFintectureOptions(input: unknown): ResolvedFintectureOptions {
  const options = parseAdapterOptions('fintecture', Options, input);
  const privateKey = rsaPrivateKey('fintecture', options.privateKeyPem, 'Fintecture signs with rsa-sha256');
  if (options.appId.includes(':')) throw new ConfigError('fintecture: option appId must not contain ":"');
  const baseUrl = apiRoot(options.baseUrl);
  const tokenUrl = new URL('oauth/accesstoken', apiRoot(options.oauthUrl ?? options.baseUrl));
  const hostname = baseUrl.hostname;
  return {
    baseUrl,
    tokenUrl,
    appId: options.appId,
    appSecret: options.appSecret,
    privateKey,
    psuType: options.psuType,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryBackoff: options.retryBackoff,
    webhookToleranceMs: options.webhookToleranceMs,
    sandbox: options.sandbox ?? (isLoopbackHost(hostname) || hostname.includes('sandbox')),
    redirectHosts: options.redirectHosts ?? [baseUrl.host, ...CONNECT_HOSTS],
    logger: options.logger,
    transport: adapterTransport(options.fetch),
  };
}
