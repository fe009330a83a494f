import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
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

/** Hosts of ConnectPay's payment widget (packages/sandbox/README.md, ConnectPay's wire): shoppers are redirected there. */
const WIDGET_HOSTS = ['pay-stage.connectpay.com', 'pay.connectpay.com'];

const Options = z.object({
  /** API root, e.g. `http://127.0.0.1:3100/connectpay` (sandbox) or `https://api2-stage.connectpay.com`. */
  baseUrl: HttpUrl,
  clientId: z.string().min(1, 'is required'),
  clientSecret: z.string().min(1, 'is required'),
  brandId: z.string().min(1, 'is required'),
  /** PEM of the RSA private key whose public half is registered with ConnectPay (signs `X-Signature`). */
  privateKeyPem: z.string().min(1, 'is required'),
  /** Defaults for BaaS top-up sessions; a session's own `topUp` fields win. */
  topUp: z.object({ creditorIban: z.string().min(1), consumerId: z.string().min(1) }).optional(),
  ...ADAPTER_HTTP_OPTIONS,
});

export type ConnectPayOptions = z.input<typeof Options>;

/** The one logger method the adapter uses, in pino's argument order. */
export type ConnectPayLogger = AdapterLogger;

export interface ResolvedConnectPayOptions {
  /** Always ends with `/`, so relative API paths resolve under it. */
  baseUrl: URL;
  clientId: string;
  clientSecret: string;
  brandId: string;
  privateKey: KeyObject;
  timeoutMs: number;
  retries: number;
  retryBackoff: { baseMs: number; maxMs: number };
  sandbox: boolean;
  redirectHosts: string[];
  topUp?: { creditorIban: string; consumerId: string };
  logger?: ConnectPayLogger;
  /** How API calls go out: the injected `fetch` when given, else keep-alive `node:http(s)`. */
  transport: Transport;
}

/**
 * Validates the adapter options up front, so a wrong deployment fails at start-up with a message that
 * names the option (never its value: several are secrets).
 */
export function resolveConnectPayOptions(input: unknown): ResolvedConnectPayOptions {
  const options = parseAdapterOptions('connectpay', Options, input);
  const privateKey = rsaPrivateKey('connectpay', options.privateKeyPem, 'ConnectPay signs with RSA-SHA256');
  const baseUrl = apiRoot(options.baseUrl);
  const hostname = baseUrl.hostname;
  return {
    baseUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    brandId: options.brandId,
    privateKey,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryBackoff: options.retryBackoff,
    sandbox: options.sandbox ?? (isLoopbackHost(hostname) || hostname.includes('stage')),
    redirectHosts: options.redirectHosts ?? [baseUrl.host, ...WIDGET_HOSTS],
    topUp: options.topUp,
    logger: options.logger,
    transport: adapterTransport(options.fetch),
  };
}
