import type { ErrorCode } from '@pay-checkout/contract';
import { ProviderError } from '../../errors.js';

/** What a provider's error body says, as far as its adapter can read it. */
export interface ProviderErrorBody {
  code?: string;
  message?: string;
}

export interface ProviderRequestErrorOptions {
  /** The HTTP status the provider answered, when it answered. */
  providerStatus?: number;
  /** The provider's own error code from its error body (`payment_not_found`, …). */
  providerCode?: string;
  /** Our code for the route boundary; `provider_error` unless said otherwise. */
  code?: ErrorCode;
  /** The HTTP status we answer with; 502 unless said otherwise. */
  status?: number;
  /** The provider's id for the call: its answer's request-id header, else the `X-Request-ID` we sent. */
  requestId?: string;
  cause?: unknown;
}

/**
 * A provider call that failed: an error answer (`providerStatus`, `providerCode`), an unreachable
 * provider (`provider_unreachable`) or an answer we cannot read (`provider_bad_response`). Adapters
 * may subclass it (`ConnectPayApiError`) so their own callers can tell whose error it is.
 */
export class ProviderRequestError extends ProviderError {
  readonly providerCode?: string;
  constructor(message: string, options: ProviderRequestErrorOptions = {}) {
    super(message, options);
    this.providerCode = options.providerCode;
  }
}

/** The class a client throws; a subclass keeps the constructor's shape. */
export type ProviderRequestErrorClass = new (
  message: string,
  options: ProviderRequestErrorOptions,
) => ProviderRequestError;

/** Longest provider message quoted in ours: error messages end up in logs. */
const QUOTED_MESSAGE_MAX = 200;

/** `ConnectPay answered POST /merchant/payments with 503 (boom: down) (request 7f3…).` */
export function answeredMessage(
  provider: string,
  where: string,
  status: number,
  body: ProviderErrorBody | undefined,
  requestId: string,
): string {
  const detail = [body?.code, body?.message?.slice(0, QUOTED_MESSAGE_MAX)].filter(Boolean).join(': ');
  return `${provider} answered ${where} with ${status}${detail ? ` (${detail})` : ''} (request ${requestId}).`;
}

/**
 * Reads an error answer's body with the adapter's parser. A body that is not JSON (a proxy's HTML
 * page, say) or that the parser does not recognise gives nothing: the status alone must do.
 */
export function readErrorBody(
  text: string,
  parse: ((json: unknown) => ProviderErrorBody | undefined) | undefined,
): ProviderErrorBody | undefined {
  if (!parse || text === '') return undefined;
  try {
    return parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}
