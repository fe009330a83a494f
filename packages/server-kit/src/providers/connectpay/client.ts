import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '@pay-checkout/contract';
import type { z } from 'zod';
import { isTransientProviderError, ProviderError, ProviderTimeoutError } from '../../errors.js';
import { retry } from '../http/retry.js';
import { withTimeout } from '../http/timeout.js';
import type { ResolvedConnectPayOptions } from './options.js';
import { signConnectPayRequestAsync } from './request-signature.js';
import { ErrorBody } from './schema.js';

/** An error answer from the ConnectPay API; `providerCode` is ConnectPay's own `error.code`. */
export class ConnectPayApiError extends ProviderError {
  readonly providerCode?: string;
  constructor(
    message: string,
    options: {
      providerStatus?: number;
      providerCode?: string;
      code?: ErrorCode;
      cause?: unknown;
      status?: number;
    },
  ) {
    super(message, options);
    this.providerCode = options.providerCode;
  }
}

export interface ConnectPayCall {
  /** Path relative to the base URL, without a leading slash: `merchant/payments`. */
  path: string;
  query?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * The one place that speaks HTTP to ConnectPay API v2: Basic auth, `X-Signature` over the exact bytes
 * sent, a fresh `X-Request-ID`, the version in `Accept`, a deadline on every call. Reads are retried
 * (5xx, network, timeout; never 4xx); writes go out once, because a retried initiation could open a
 * second payment: after an unknown outcome the adapter reconciles by reference instead.
 */
export class ConnectPayClient {
  readonly #options: ResolvedConnectPayOptions;
  readonly #authorization: string;

  constructor(options: ResolvedConnectPayOptions) {
    this.#options = options;
    this.#authorization = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
  }

  /** A read (GET), retried with capped exponential backoff and full jitter. */
  get<S extends z.ZodType>(call: ConnectPayCall, schema: S): Promise<z.infer<S>> {
    const { retries, retryBackoff } = this.#options;
    return retry(() => this.#send('GET', call, undefined, schema), {
      retries,
      ...retryBackoff,
      isRetryable: isTransientProviderError,
      signal: call.signal,
      onRetry: (error, attempt, delayMs) =>
        this.#options.logger?.warn(
          { provider: 'connectpay', path: call.path, attempt, delayMs, error: describe(error) },
          'ConnectPay read failed; retrying',
        ),
    });
  }

  /** A write (POST), sent exactly once. */
  post<S extends z.ZodType>(call: ConnectPayCall, body: unknown, schema: S): Promise<z.infer<S>> {
    return this.#send('POST', call, body, schema);
  }

  async #send<S extends z.ZodType>(
    method: 'GET' | 'POST',
    call: ConnectPayCall,
    body: unknown,
    schema: S,
  ): Promise<z.infer<S>> {
    const url = new URL(call.path, this.#options.baseUrl);
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
    // Serialized once: the signature must cover exactly the bytes that go on the wire.
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
      authorization: this.#authorization,
      'x-signature': await signConnectPayRequestAsync(method, url, text, this.#options.privateKey),
      'x-request-id': randomUUID(),
      accept: 'application/json;version=2',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const where = `${method} ${url.pathname}`;
    const { timeoutMs } = this.#options;

    const { status, payload } = await withTimeout(
      async (signal) => {
        try {
          const response = await this.#options.transport({
            url,
            method,
            headers,
            body: body === undefined ? undefined : text,
            signal,
          });
          return { status: response.status, payload: response.text };
        } catch (error) {
          if (signal.aborted) throw error;
          throw new ConnectPayApiError(`ConnectPay could not be reached (${where}).`, {
            code: 'provider_unreachable',
            cause: error,
          });
        }
      },
      {
        timeoutMs,
        signal: call.signal,
        onTimeout: (cause) => new ProviderTimeoutError('ConnectPay', timeoutMs, { cause }),
      },
    );

    if (status < 200 || status > 299) throw errorFromAnswer(where, status, payload);
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch (error) {
      throw new ConnectPayApiError(`ConnectPay answered ${where} with a body that is not JSON.`, {
        code: 'provider_bad_response',
        providerStatus: status,
        cause: error,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConnectPayApiError(
        `ConnectPay answered ${where} with an unexpected body: ${issue.path.join('.') || '(root)'} ${issue.message}`,
        { code: 'provider_bad_response', providerStatus: status, cause: parsed.error },
      );
    }
    return parsed.data;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function errorFromAnswer(where: string, status: number, payload: string): ConnectPayApiError {
  let providerCode: string | undefined;
  let providerMessage: string | undefined;
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(payload));
    if (parsed.success) {
      providerCode = parsed.data.error.code;
      providerMessage = parsed.data.error.message;
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone must do.
  }
  const detail = [providerCode, providerMessage?.slice(0, 200)].filter(Boolean).join(': ');
  return new ConnectPayApiError(
    `ConnectPay answered ${where} with ${status}${detail ? ` (${detail})` : ''}.`,
    {
      providerStatus: status,
      providerCode,
    },
  );
}
