/**
 * pay.tech's error answers. The reference documents the error codes (1.00–7.01) but not the body of an
 * error answer, so the shape is our choice (README): the envelope of every answer, `{timestamp, status}`,
 * with Spring's `error` (the HTTP reason) and `message`, plus pay.tech's `errorCode` and `errorMessage`
 * (the code's text) when a pay.tech rule refused the call, and `errors` for field problems.
 */
import { SandboxError, ValidationFailedError } from '../../shared/http/errors.js';
import { envelopeTime } from './amounts.js';
import { PAYTECH_ERROR_CODES, type PaytechErrorCode } from './model.js';

/** A call a pay.tech rule refuses: its HTTP status, its pay.tech code, and what exactly was wrong. */
export class PaytechApiError extends SandboxError {
  readonly errorCode: PaytechErrorCode;
  constructor(status: number, errorCode: PaytechErrorCode, message: string) {
    super(`paytech_${errorCode}`, status, message);
    this.errorCode = errorCode;
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function answer(status: number, body: Record<string, unknown>, now: number): Response {
  return new Response(
    JSON.stringify({ timestamp: envelopeTime(now), status, error: REASONS[status] ?? 'Error', ...body }),
    { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } },
  );
}

/** The one place a pay.tech API error becomes an answer; anything unexpected is a 500 without internals. */
export function paytechErrorResponse(error: unknown, now = Date.now()): Response {
  if (error instanceof PaytechApiError) {
    return answer(
      error.status,
      {
        errorCode: error.errorCode,
        errorMessage: PAYTECH_ERROR_CODES[error.errorCode],
        message: error.message,
      },
      now,
    );
  }
  if (error instanceof ValidationFailedError) {
    return answer(
      400,
      { message: error.message, errors: error.fields.map((f) => ({ field: f.path, message: f.message })) },
      now,
    );
  }
  if (error instanceof SandboxError) {
    // An injected failure looks like pay.tech's own outage: 1.03 Internal Server Error.
    const internal =
      error.status >= 500 ? { errorCode: '1.03', errorMessage: PAYTECH_ERROR_CODES['1.03'] } : {};
    return answer(error.status, { ...internal, message: error.message }, now);
  }
  return answer(
    500,
    {
      errorCode: '1.03',
      errorMessage: PAYTECH_ERROR_CODES['1.03'],
      message: 'The sandbox failed unexpectedly.',
    },
    now,
  );
}
