import type { z } from 'zod';
import { createProviderClient, type ProviderHttp } from '../http/provider-client.js';
import { ProviderRequestError } from '../http/provider-request-error.js';
import { tokenFromEndpoint } from '../http/token-from-endpoint.js';
import type { ResolvedCardGatewayOptions } from './options.js';
import { ErrorAnswer, TokenAnswer } from './schema.js';

/** An error answer from the card gateway: `providerCode` is its `result.code`. */
export class CardGatewayApiError extends ProviderRequestError {}

/** The token lives an hour (docs.paymentz.in, transaction-AuthToken); the cache renews it a minute early. */
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export const API_ROOT = 'transactionServices/REST/v1';

/**
 * The gateway over the shared provider HTTP client: the `AuthToken` header from `authToken` (cached,
 * single-flight, renewed before it expires and once after a 401), form-encoded bodies, a deadline on
 * every call. Inquiries are reads, retried; payments and back-office calls go out once (the gateway
 * has no idempotency key: after an unknown outcome the adapter asks the inquiry instead).
 */
export function createCardGatewayClient(options: ResolvedCardGatewayOptions): CardGatewayClient {
  const http = createProviderClient({
    provider: 'Card gateway',
    baseUrl: options.baseUrl,
    auth: tokenFromEndpoint({
      fetchToken: async (tokenHttp) => {
        const identity = options.login
          ? {
              'authentication.partnerId': options.login.partnerId,
              'merchant.username': options.login.username,
            }
          : { 'authentication.memberId': options.memberId };
        const answer = await tokenHttp.post(
          {
            path: `${API_ROOT}/authToken`,
            body: { ...identity, 'authentication.sKey': options.secureKey },
            bodyType: 'form',
          },
          TokenAnswer,
        );
        return { token: answer.AuthToken, expiresInMs: TOKEN_LIFETIME_MS };
      },
      header: (token) => ['AuthToken', token],
    }),
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryBackoff: options.retryBackoff,
    transport: options.transport,
    logger: options.logger,
    errorBody: (json) => {
      const parsed = ErrorAnswer.safeParse(json);
      return parsed.success
        ? { code: parsed.data.result.code, message: parsed.data.result.description }
        : undefined;
    },
    errorClass: CardGatewayApiError,
    defaultHeaders: { accept: 'application/json' },
  });
  return new CardGatewayClient(http);
}

export class CardGatewayClient {
  constructor(private readonly http: ProviderHttp) {}

  /** A write (payment, capture, reverse, refund): sent exactly once. */
  write<S extends z.ZodType>(
    path: string,
    fields: Record<string, string | undefined>,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
    return this.http.post({ path: `${API_ROOT}/${path}`, body: fields, bodyType: 'form', signal }, schema);
  }

  /** An inquiry: a POST that changes nothing, so it is retried like a read. */
  read<S extends z.ZodType>(
    path: string,
    fields: Record<string, string | undefined>,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
    return this.http.post(
      { path: `${API_ROOT}/${path}`, body: fields, bodyType: 'form', signal, idempotent: true },
      schema,
    );
  }
}
