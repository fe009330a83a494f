import { createPrivateKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../../errors.js';
import { fetchTransport, nodeTransport, type Transport } from './node-transport.js';

/**
 * The option fields every adapter factory shares (`connectpay(…)`, `paytech(…)`, `fintecture(…)`,
 * `cardGateway(…)`): how its provider client talks HTTP, where its warnings go, and which hosts its
 * shoppers may be sent to. Each adapter spreads them into its own zod object, so the messages for a bad
 * value are the same whichever provider is configured.
 */

/** An http(s) URL given as a string (`baseUrl`, `oauthUrl`). */
export const HttpUrl = z
  .string()
  .refine(
    (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
    'must be an http(s) URL',
  );

/** The one logger method adapters use, in pino's argument order (a pino logger fits). */
export interface AdapterLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export const ADAPTER_HTTP_OPTIONS = {
  /** Deadline of each provider call, answer included. */
  timeoutMs: z.number().int().positive().max(120_000).default(10_000),
  /** Retries of reads (GET) after the first attempt. Writes are never retried. */
  retries: z.number().int().min(0).max(10).default(3),
  /** Backoff of those retries (full jitter); small values let tests run fast. */
  retryBackoff: z
    .object({ baseMs: z.number().int().min(0), maxMs: z.number().int().min(0) })
    .default({ baseMs: 200, maxMs: 5_000 }),
  /** A sandbox adapter may send shoppers to http:// pages (the local sandbox); a live one only to https. */
  sandbox: z.boolean().optional(),
  /** Hosts the shopper may be redirected to; each adapter has its own default. */
  redirectHosts: z.array(z.string().min(1)).optional(),
  /** Where warnings go: unsupported statuses, retried reads. Default: none. */
  logger: z
    .custom<AdapterLogger>(
      (value) =>
        typeof value === 'object' && value !== null && typeof Reflect.get(value, 'warn') === 'function',
      'must have a warn(details, message) method',
    )
    .optional(),
  /**
   * For tests and special runtimes: a `fetch` to send API calls through instead of the default
   * keep-alive `node:http` transport (which costs far less CPU per call than the global `fetch`).
   */
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'must be a fetch function')
    .optional(),
};

/**
 * Parses a factory's options: the first problem becomes a `ConfigError` naming the option (never its
 * value: keys and secrets go through here), e.g. `paytech: option apiKey is required`.
 */
export function parseAdapterOptions<S extends z.ZodType>(
  kind: string,
  schema: S,
  input: unknown,
): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue.path.join('.') || 'options';
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  throw new ConfigError(`${kind}: option ${name} ${missing ? 'is required' : issue.message}`);
}

/** An API root as a URL ending in `/` (relative paths resolve under it), without query or fragment. */
export function apiRoot(value: string): URL {
  const url = new URL(value.endsWith('/') ? value : `${value}/`);
  url.search = '';
  url.hash = '';
  return url;
}

/** A provider on this machine (the sandbox): always a sandbox adapter. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** The RSA private key a provider's request signatures need, or a `ConfigError` saying what is wrong. */
export function rsaPrivateKey(kind: string, pem: string, signsWith: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new ConfigError(`${kind}: option privateKeyPem is not a readable PEM private key`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new ConfigError(`${kind}: option privateKeyPem must be an RSA key (${signsWith})`);
  }
  return key;
}

/** The keep-alive `node:http` transport, or the given `fetch` (tests, special runtimes). */
export function adapterTransport(fetchFunction: typeof fetch | undefined): Transport {
  return fetchFunction ? fetchTransport(fetchFunction) : nodeTransport();
}
