import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { isTransientProviderError, ProviderTimeoutError } from '../../errors.js';
import { answeredOutcome, recordProviderCall } from '../../metrics/provider-call.js';
import { type AuthContext, type AuthHeaders, type AuthStrategy, noAuth } from './auth.js';
import { type HttpMethod, nodeTransport, responseHeader, type Transport } from './node-transport.js';
import {
  answeredMessage,
  type ProviderErrorBody,
  ProviderRequestError,
  type ProviderRequestErrorClass,
  readErrorBody,
} from './provider-request-error.js';
import { type BodyType, type SerializedBody, serializeBody } from './request-body.js';
import { type BackoffPolicy, retry } from './retry.js';
import { gateOf } from './send-gate.js';
import { withTimeout } from './timeout.js';

/** A request as a signer sees it: `body` is exactly the text sent ('' when there is none). */
export interface SignableRequest {
  method: HttpMethod;
  url: URL;
  body: string;
  /** Everything sent so far, with lowercase names, including `x-request-id` and the auth headers. */
  headers: Readonly<Record<string, string>>;
}

/** Adds signature headers (ConnectPay's `X-Signature`; Fintecture's `Digest`, `Date`, `Signature`). */
export type RequestSigner = (
  request: SignableRequest,
) => Record<string, string> | Promise<Record<string, string>>;

/** The one logger method the client uses, in pino's argument order. */
export interface ProviderLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface ProviderClientOptions {
  /** The provider's name in messages and logs: `ConnectPay`. */
  provider: string;
  /** API root; relative call paths resolve under it (a missing trailing `/` is added). */
  baseUrl: URL;
  auth: AuthStrategy;
  sign?: RequestSigner;
  /** Deadline of each attempt, answer body included. Default 10 s. */
  timeoutMs?: number;
  /**
   * Deadline of a whole retried call (reads and idempotent writes): attempts, backoff and token renewal
   * together. Default 15 s, so a slow provider costs the shopper seconds, not `retries × timeoutMs`.
   */
  deadlineMs?: number;
  /** Retries after the first attempt, for reads and idempotent writes. Default 3. */
  retries?: number;
  /** Full-jitter backoff of those retries. Default 200 ms doubling up to 5 s. */
  retryBackoff?: BackoffPolicy;
  /** Default: keep-alive `node:http(s)`; pass `fetchTransport(fetch)` to go through a `fetch`. */
  transport?: Transport;
  logger?: ProviderLogger;
  /** The answer header holding the provider's own request id; without one, ours is reported. */
  requestIdHeader?: string;
  /** Reads the provider's error body (`{error: {code, message}}` or its own shape). */
  errorBody?: (json: unknown) => ProviderErrorBody | undefined;
  /** The error class thrown (a subclass names the provider); default `ProviderRequestError`. */
  errorClass?: ProviderRequestErrorClass;
  /** Sent on every API call, e.g. ConnectPay's `Accept: application/json;version=2`. */
  defaultHeaders?: Readonly<Record<string, string>>;
}

export interface ProviderCall {
  method: HttpMethod;
  /** Relative to the base URL without a leading `/` (`merchant/payments`), or an absolute URL. */
  path: string | URL;
  /** Query parameters; `undefined` ones are left out. */
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Serialized once, as `bodyType` says (default JSON); the signer and the wire see the same text. */
  body?: unknown;
  bodyType?: BodyType;
  headers?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /**
   * The provider deduplicates this write (an idempotency key it honours), so a transient failure may
   * be retried like a read. Otherwise writes go out once: a retried initiation could pay twice.
   */
  idempotent?: boolean;
}

export type ProviderReadCall = Omit<ProviderCall, 'method' | 'body' | 'bodyType' | 'idempotent'>;
export type ProviderWriteCall = Omit<ProviderCall, 'method'>;

/** The calls an adapter makes; each answer is parsed with a zod schema. */
export interface ProviderHttp {
  request<S extends z.ZodType>(call: ProviderCall, schema: S): Promise<z.output<S>>;
  get<S extends z.ZodType>(call: ProviderReadCall, schema: S): Promise<z.output<S>>;
  post<S extends z.ZodType>(call: ProviderWriteCall, schema: S): Promise<z.output<S>>;
  put<S extends z.ZodType>(call: ProviderWriteCall, schema: S): Promise<z.output<S>>;
  patch<S extends z.ZodType>(call: ProviderWriteCall, schema: S): Promise<z.output<S>>;
  delete<S extends z.ZodType>(call: ProviderWriteCall, schema: S): Promise<z.output<S>>;
}

/** Token endpoints answer JSON whatever an API's own `Accept` says. */
const TOKEN_REQUEST_HEADERS: Readonly<Record<string, string>> = Object.freeze({ accept: 'application/json' });

/**
 * The one HTTP client of every provider adapter: auth strategy, signer hook, a fresh `X-Request-ID`
 * per attempt, a deadline on every attempt, and errors that carry the provider's request id. Reads
 * (GET) are retried on transient failures (timeout, unreachable, 5xx; never a 4xx) with capped
 * backoff; writes go out once unless the call says the provider deduplicates it. A 401 under a token
 * strategy replaces the token and sends the call once more: the provider refused it before acting.
 */
export function createProviderClient(options: ProviderClientOptions): ProviderHttp {
  const baseUrl = new URL(options.baseUrl);
  if (!baseUrl.pathname.endsWith('/')) baseUrl.pathname += '/';
  const settings: ClientSettings = {
    provider: options.provider,
    baseUrl,
    timeoutMs: options.timeoutMs ?? 10_000,
    deadlineMs: options.deadlineMs ?? 15_000,
    retries: options.retries ?? 3,
    retryBackoff: options.retryBackoff ?? { baseMs: 200, maxMs: 5_000 },
    transport: options.transport ?? nodeTransport(),
    logger: options.logger,
    requestIdHeader: options.requestIdHeader?.toLowerCase(),
    errorBody: options.errorBody,
    errorClass: options.errorClass ?? ProviderRequestError,
  };
  const tokenHttp = clientOver({ ...settings, auth: noAuth(), defaultHeaders: TOKEN_REQUEST_HEADERS });
  return clientOver(
    {
      ...settings,
      auth: options.auth,
      sign: options.sign,
      defaultHeaders: lowercased(options.defaultHeaders),
    },
    tokenHttp,
  );
}

interface ClientSettings {
  provider: string;
  baseUrl: URL;
  timeoutMs: number;
  deadlineMs: number;
  retries: number;
  retryBackoff: BackoffPolicy;
  transport: Transport;
  logger?: ProviderLogger;
  requestIdHeader?: string;
  errorBody?: (json: unknown) => ProviderErrorBody | undefined;
  errorClass: ProviderRequestErrorClass;
}

interface ClientConfig extends ClientSettings {
  auth: AuthStrategy;
  sign?: RequestSigner;
  defaultHeaders: Readonly<Record<string, string>>;
}

/** One call, prepared once and sent by every attempt. */
interface Prepared {
  method: HttpMethod;
  url: URL;
  /** The path as the adapter gave it, for log lines. */
  path: string;
  /** `GET /connectpay/merchant/payments`, for messages (the query may hold references: left out). */
  where: string;
  body: SerializedBody | undefined;
  /** The call's own headers, names lowercased; defaults, auth, request id and signature join per attempt. */
  headers: Readonly<Record<string, string>> | undefined;
  signal?: AbortSignal;
}

/** An answer with the id it goes by. */
interface Answer {
  status: number;
  text: string;
  requestId: string;
}

function clientOver(config: ClientConfig, tokenHttp?: ProviderHttp): ProviderHttp {
  const { provider, transport, timeoutMs, errorClass, logger } = config;
  const self: ProviderHttp = {
    request: (call, schema) => run(call.method, call, schema),
    get: (call, schema) => run('GET', call, schema),
    post: (call, schema) => run('POST', call, schema),
    put: (call, schema) => run('PUT', call, schema),
    patch: (call, schema) => run('PATCH', call, schema),
    delete: (call, schema) => run('DELETE', call, schema),
  };
  const http = tokenHttp ?? self;

  function run<S extends z.ZodType>(
    method: HttpMethod,
    call: ProviderWriteCall,
    schema: S,
  ): Promise<z.output<S>> {
    const prepared = prepare(method, call);
    if ((method !== 'GET' && call.idempotent !== true) || config.retries === 0) return send(prepared, schema);
    return withTimeout((signal) => retried({ ...prepared, signal }, schema), {
      timeoutMs: config.deadlineMs,
      signal: call.signal,
      onTimeout: (cause) => new ProviderTimeoutError(provider, config.deadlineMs, { cause }),
    });
  }

  function retried<S extends z.ZodType>(prepared: Prepared, schema: S): Promise<z.output<S>> {
    const { method } = prepared;
    return retry(() => send(prepared, schema), {
      retries: config.retries,
      ...config.retryBackoff,
      isRetryable: isTransientProviderError,
      signal: prepared.signal,
      onRetry: (error, attempt, delayMs) =>
        logger?.warn(
          {
            provider,
            method,
            path: prepared.path,
            attempt,
            delayMs,
            requestId: (error as { requestId?: string } | undefined)?.requestId,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          },
          `${provider} ${method === 'GET' ? 'read' : 'idempotent write'} failed; retrying`,
        ),
    });
  }

  function prepare(method: HttpMethod, call: ProviderWriteCall): Prepared {
    const url = new URL(call.path, config.baseUrl);
    if (call.query) {
      for (const name in call.query) {
        const value = call.query[name];
        if (value !== undefined) url.searchParams.set(name, String(value));
      }
    }
    const body = call.body === undefined ? undefined : serializeBody(call.body, call.bodyType);
    let headers: Record<string, string> | undefined;
    if (call.headers) {
      headers = {};
      for (const name in call.headers) headers[name.toLowerCase()] = call.headers[name];
    }
    const path = String(call.path);
    return { method, url, path, where: `${method} ${url.pathname}`, body, headers, signal: call.signal };
  }

  /** One attempt: plus, under a token strategy, one more with a fresh token after a 401. */
  async function send<S extends z.ZodType>(prepared: Prepared, schema: S): Promise<z.output<S>> {
    const context: AuthContext = { http, signal: prepared.signal };
    // Static strategies answer synchronously: no need to wait a tick for them.
    const given = config.auth.headers(context);
    const credentials = given instanceof Promise ? await given : given;
    let answer = await exchange(prepared, credentials);
    if (answer.status === 401 && config.auth.invalidate) {
      logger?.warn(
        { provider, method: prepared.method, path: prepared.path, requestId: answer.requestId },
        `${provider} answered 401; retrying once with a fresh token`,
      );
      config.auth.invalidate(credentials);
      answer = await exchange(prepared, await config.auth.headers(context));
    }
    return parse(prepared, answer, schema);
  }

  async function exchange(prepared: Prepared, credentials: AuthHeaders): Promise<Answer> {
    const { method, url, body } = prepared;
    const requestId = randomUUID();
    // One object per attempt, in rising precedence: defaults, content type, the call's, auth, request id.
    const headers: Record<string, string> = { ...config.defaultHeaders };
    if (body) headers['content-type'] = body.contentType;
    if (prepared.headers) Object.assign(headers, prepared.headers);
    Object.assign(headers, credentials);
    headers['x-request-id'] = requestId;
    if (config.sign) {
      const signature = await config.sign({ method, url, body: body?.text ?? '', headers });
      for (const name in signature) headers[name.toLowerCase()] = signature[name];
    }
    // A call prepared ahead of time (send-gate.ts) leaves only when its gate opens; a closed gate
    // rejects here, before anything was sent.
    const gate = gateOf(prepared.signal);
    if (gate !== undefined) await gate;
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    const response = await withTimeout(
      async (signal) => {
        try {
          return await transport({ url, method, headers, body: body?.text, signal });
        } catch (error) {
          if (signal.aborted) throw error;
          throw new errorClass(
            `${provider} could not be reached (${prepared.where}, request ${requestId}).`,
            {
              code: 'provider_unreachable',
              requestId,
              cause: error,
            },
          );
        }
      },
      {
        timeoutMs,
        signal: prepared.signal,
        onTimeout: (cause) => new ProviderTimeoutError(provider, timeoutMs, { cause, requestId }),
      },
    ).catch((error: unknown) => {
      // GET metrics: every attempt counts, the failed ones too (a slow provider shows as timeouts).
      const outcome = error instanceof ProviderTimeoutError ? 'timeout' : 'unreachable';
      recordProviderCall(provider, method, url.pathname, outcome, elapsed());
      throw error;
    });
    recordProviderCall(provider, method, url.pathname, answeredOutcome(response.status), elapsed());
    const theirs = config.requestIdHeader && responseHeader(response.headers, config.requestIdHeader);
    return { status: response.status, text: response.text, requestId: theirs || requestId };
  }

  function parse<S extends z.ZodType>(prepared: Prepared, answer: Answer, schema: S): z.output<S> {
    const { status, text, requestId } = answer;
    const { where } = prepared;
    if (status < 200 || status > 299) {
      const body = readErrorBody(text, config.errorBody);
      throw new errorClass(answeredMessage(provider, where, status, body, requestId), {
        providerStatus: status,
        providerCode: body?.code,
        requestId,
      });
    }
    let json: unknown;
    try {
      // An empty 2xx (204 after a DELETE, say) is `undefined`: the schema decides whether that is fine.
      json = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      throw new errorClass(
        `${provider} answered ${where} with a body that is not JSON (request ${requestId}).`,
        {
          code: 'provider_bad_response',
          providerStatus: status,
          requestId,
          cause: error,
        },
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new errorClass(
        `${provider} answered ${where} with an unexpected body: ${issue.path.join('.') || '(root)'} ${issue.message} (request ${requestId}).`,
        { code: 'provider_bad_response', providerStatus: status, requestId, cause: parsed.error },
      );
    }
    return parsed.data;
  }

  return self;
}

function lowercased(headers: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name in headers) result[name.toLowerCase()] = headers[name];
  return Object.freeze(result);
}
