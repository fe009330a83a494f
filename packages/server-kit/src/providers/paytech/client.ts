import { bearerAuth } from '../http/auth.js';
import { createProviderClient, type ProviderHttp } from '../http/provider-client.js';
import { ProviderRequestError } from '../http/provider-request-error.js';
import type { ResolvedPaytechOptions } from './options.js';
import { ErrorAnswer } from './schema.js';

/**
 * An error answer from the pay.tech API, or a call that never got one: `providerCode` is pay.tech's
 * `errorCode` (`1.08`, …), `requestId` the call's request id.
 */
export class PaytechApiError extends ProviderRequestError {}

/**
 * The pay.tech Gateway API over the provider HTTP client: `Authorization: Bearer <Shop API Key>`, JSON,
 * a deadline on every call. Reads are retried (5xx, network, timeout; never a 4xx); writes go out
 * once, because a retried deposit could open a second payment: after an unknown outcome the kit
 * reconciles by `referenceId.eq` instead.
 */
export function createPaytechClient(options: ResolvedPaytechOptions): ProviderHttp {
  return createProviderClient({
    provider: 'pay.tech',
    baseUrl: options.baseUrl,
    auth: bearerAuth(options.apiKey),
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryBackoff: options.retryBackoff,
    transport: options.transport,
    logger: options.logger,
    errorBody: paytechErrorBody,
    errorClass: PaytechApiError,
    defaultHeaders: { accept: 'application/json' },
  });
}

/** pay.tech's error answer: its `errorCode` with the code's text, or only a `message`. */
function paytechErrorBody(json: unknown): { code?: string; message?: string } | undefined {
  const parsed = ErrorAnswer.safeParse(json);
  if (!parsed.success) return undefined;
  const { errorCode, errorMessage, message } = parsed.data;
  const words = [errorMessage, message].filter(Boolean).join(': ');
  return { ...(errorCode ? { code: errorCode } : {}), ...(words ? { message: words } : {}) };
}
