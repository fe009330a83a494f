import { z } from 'zod';

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
