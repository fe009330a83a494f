import { z } from 'zod';
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

/** pay.tech's engine hosts (packages/sandbox/README.md, "pay.tech", "Base URLs"); its payment pages are on them too. */
const ENGINE_HOSTS = ['engine.pay.tech', 'engine-sandbox.pay.tech'];

const Options = z.object({
  /** API root without `/api/v1`: `https://engine-sandbox.pay.tech`, or the sandbox's `http://127.0.0.1:3100/paytech`. */
  baseUrl: HttpUrl,
  /** The Shop API Key (`Authorization: Bearer …`). */
  apiKey: z.string().min(1, 'is required'),
  /** The Shop Signing Key: webhooks are HMAC-SHA256 signed with it. */
  signingKey: z.string().min(1, 'is required'),
  /**
   * `automatic` (default): the card is charged at once (`COMPLETED`). `manual`: the deposit is a
   * pre-authorization (`preAuth: true`, `AUTHORIZED`), captured or voided later by the merchant.
   */
  capture: z.enum(['automatic', 'manual']).default('automatic'),
  ...ADAPTER_HTTP_OPTIONS,
});

export type PaytechOptions = z.input<typeof Options>;

/** The one logger method the adapter uses, in pino's argument order. */
export type PaytechLogger = AdapterLogger;

export interface ResolvedPaytechOptions {
  /** Always ends with `/`, so relative API paths resolve under it. */
  baseUrl: URL;
  apiKey: string;
  signingKey: string;
  capture: 'automatic' | 'manual';
  timeoutMs: number;
  retries: number;
  retryBackoff: { baseMs: number; maxMs: number };
  sandbox: boolean;
  redirectHosts: string[];
  logger?: PaytechLogger;
  transport: Transport;
}

/**
 * Validates the options up front, so a wrong deployment fails at start-up with a message that names
 * the option (never its value: the keys are secrets).
 */
export function resolvePaytechOptions(input: unknown): ResolvedPaytechOptions {
  const options = parseAdapterOptions('paytech', Options, input);
  const baseUrl = apiRoot(options.baseUrl);
  const hostname = baseUrl.hostname;
  return {
    baseUrl,
    apiKey: options.apiKey,
    signingKey: options.signingKey,
    capture: options.capture,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryBackoff: options.retryBackoff,
    sandbox: options.sandbox ?? (isLoopbackHost(hostname) || hostname.includes('sandbox')),
    redirectHosts: options.redirectHosts ?? [baseUrl.host, ...ENGINE_HOSTS],
    logger: options.logger,
    transport: adapterTransport(options.fetch),
  };
}
