import type { z } from 'zod';
import { oauth2ClientCredentials } from '../http/oauth2.js';
import { createProviderClient, type ProviderHttp } from '../http/provider-client.js';
import { ProviderRequestError } from '../http/provider-request-error.js';
import type { ResolvedFintectureOptions } from './options.js';
import { fintectureSigner } from './request-signature.js';
import { ErrorBody, ErrorListBody } from './schema.js';

/** An error answer from Fintecture, or a call that never got one (`requestId` = our `X-Request-ID`). */
export class FintectureApiError extends ProviderRequestError {}

export interface FintectureCall {
  /** Relative to the API root, without a leading slash: `pis/v2/connect`. */
  path: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Fintecture's API over the provider HTTP client: an OAuth2 client-credentials token (`scope=PIS`,
 * Basic app_id:app_secret, the SDK's `app_id` field) shared by every concurrent call and replaced once
 * on a 401, the request signature on every API call (the token call is not signed, as in the SDK), a
 * fresh UUID v4 `X-Request-ID` per attempt, a deadline on every call. Reads are retried; writes go out
 * once: a retried Connect call would open a second session.
 */
export class FintectureClient {
  readonly #http: ProviderHttp;

  constructor(options: ResolvedFintectureOptions) {
    this.#http = createProviderClient({
      provider: 'Fintecture',
      baseUrl: options.baseUrl,
      auth: oauth2ClientCredentials({
        tokenUrl: options.tokenUrl,
        clientId: options.appId,
        clientSecret: options.appSecret,
        scope: 'PIS',
        authStyle: 'basic',
        extraParams: { app_id: options.appId },
      }),
      sign: fintectureSigner(options.appId, options.privateKey),
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      retryBackoff: options.retryBackoff,
      transport: options.transport,
      logger: options.logger,
      errorBody: fintectureErrorBody,
      errorClass: FintectureApiError,
      defaultHeaders: { accept: 'application/json' },
    });
  }

  get<S extends z.ZodType>(call: FintectureCall, schema: S): Promise<z.infer<S>> {
    return this.#http.get(call, schema);
  }

  post<S extends z.ZodType>(call: FintectureCall, body: unknown, schema: S): Promise<z.infer<S>> {
    return this.#http.post({ ...call, body }, schema);
  }
}

function fintectureErrorBody(json: unknown): { code?: string; message?: string } | undefined {
  const single = ErrorBody.safeParse(json);
  if (single.success) return { code: single.data.error.code, message: single.data.error.message };
  const list = ErrorListBody.safeParse(json);
  if (!list.success) return undefined;
  const [first] = list.data.errors;
  return { code: first.code, message: first.message ?? first.title };
}
