import type { z } from 'zod';
import { basicAuth } from '../http/auth.js';
import { createProviderClient, type ProviderHttp } from '../http/provider-client.js';
import { ProviderRequestError } from '../http/provider-request-error.js';
import type { ResolvedConnectPayOptions } from './options.js';
import { connectPaySigner } from './request-signature.js';
import { ErrorBody } from './schema.js';

/**
 * An error answer from the ConnectPay API, or a call that never got one: `providerCode` is
 * ConnectPay's own `error.code`, `requestId` the call's `X-Request-ID`.
 */
export class ConnectPayApiError extends ProviderRequestError {}

export interface ConnectPayCall {
  /** Path relative to the base URL, without a leading slash: `merchant/payments`. */
  path: string;
  query?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * ConnectPay API v2 over the provider HTTP client: Basic auth, `X-Signature` over the exact bytes
 * sent, a fresh `X-Request-ID` per attempt, the version in `Accept`, a deadline on every call. Reads
 * are retried (5xx, network, timeout; never 4xx); writes go out once, because a retried initiation
 * could open a second payment: after an unknown outcome the adapter reconciles by reference instead.
 */
export class ConnectPayClient {
  readonly #http: ProviderHttp;

  constructor(options: ResolvedConnectPayOptions) {
    this.#http = createProviderClient({
      provider: 'ConnectPay',
      baseUrl: options.baseUrl,
      auth: basicAuth(options.clientId, options.clientSecret),
      sign: connectPaySigner(options.privateKey),
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      retryBackoff: options.retryBackoff,
      transport: options.transport,
      logger: options.logger,
      requestIdHeader: 'x-request-id',
      errorBody: connectPayErrorBody,
      errorClass: ConnectPayApiError,
      defaultHeaders: { accept: 'application/json;version=2' },
    });
  }

  /** A read (GET), retried with capped exponential backoff and full jitter. */
  get<S extends z.ZodType>(call: ConnectPayCall, schema: S): Promise<z.infer<S>> {
    return this.#http.get(call, schema);
  }

  /** A write (POST), sent exactly once. */
  post<S extends z.ZodType>(call: ConnectPayCall, body: unknown, schema: S): Promise<z.infer<S>> {
    return this.#http.post({ path: call.path, query: call.query, signal: call.signal, body }, schema);
  }
}

/** ConnectPay's error body: `{error: {code, message}}`. */
function connectPayErrorBody(json: unknown): { code?: string; message?: string } | undefined {
  const parsed = ErrorBody.safeParse(json);
  return parsed.success ? parsed.data.error : undefined;
}
