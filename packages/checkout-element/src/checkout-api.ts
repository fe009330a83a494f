import type {
  CreateSessionRequest,
  CreateSessionResponse,
  ErrorBody,
  OptionsResponse,
} from '@pay-checkout/contract';
import { NetworkError, ResponseError, TimeoutError } from './checkout-errors.js';

/** How long the element waits for server-kit, per request (ms). Tests shorten it. */
export const timeouts = { options: 10_000, session: 20_000 };

/** Joins the element's `endpoint` and a route, with or without a trailing slash on the endpoint. */
function routeUrl(endpoint: string, route: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${route}`;
}

async function request<T>(url: string, init: RequestInit, ms: number, signal?: AbortSignal): Promise<T> {
  const timer = AbortSignal.timeout(ms);
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'same-origin',
      signal: signal ? AbortSignal.any([signal, timer]) : timer,
    });
  } catch (error) {
    if (signal?.aborted) throw error; // superseded by a newer request: not a failure to show
    throw timer.aborted ? new TimeoutError(ms) : new NetworkError(error);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as Partial<ErrorBody> | undefined)?.error;
    const back = (error as { returnUrl?: unknown } | undefined)?.returnUrl;
    throw new ResponseError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? '',
      typeof back === 'string' && /^https?:\/\//i.test(back) ? back : undefined,
    );
  }
  return body as T;
}

/** `GET {endpoint}/options`: methods, banks, languages and the amount for one order. */
export function fetchOptions(
  endpoint: string,
  query: { order: string; country?: string; language?: string },
  signal?: AbortSignal,
): Promise<OptionsResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return request(routeUrl(endpoint, `options?${params}`), {}, timeouts.options, signal);
}

/** `POST {endpoint}/sessions` with the attempt's Idempotency-Key. The body never carries an amount. */
export function createSession(
  endpoint: string,
  body: CreateSessionRequest,
  idempotencyKey: string,
): Promise<CreateSessionResponse> {
  return request(
    routeUrl(endpoint, 'sessions'),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    },
    timeouts.session,
  );
}
