/**
 * The gateway's error answers: `{result: {code, description}, timestamp}` with an HTTP status, as
 * Paymentz answers a request it cannot handle. The codes the reference leaves open are the stage's
 * choices, listed in the stage's README.
 */
import { SandboxError, ValidationFailedError } from '../../shared/http/errors.js';

/** The stage's result codes for requests it refuses before any payment logic. */
export const GATEWAY_ERROR_CODES = {
  invalidRequest: '10002',
  checksumMismatch: '10003',
  unauthorized: '10004',
  notFound: '10005',
  duplicate: '10006',
  injected: '10500',
} as const;

/** A refusal with the gateway's own code; answered as `{result: {code, description}}`. */
export class GatewayError extends SandboxError {
  constructor(status: number, resultCode: string, description: string) {
    super(resultCode, status, description);
  }
}

/** Any error of the stage as the gateway's body; not a `SandboxError`: a 500 without internals. */
export function gatewayErrorResponse(error: unknown): Response {
  let status = 500;
  let code: string = GATEWAY_ERROR_CODES.injected;
  let description = 'The gateway failed unexpectedly.';
  if (error instanceof ValidationFailedError) {
    status = 400;
    code = GATEWAY_ERROR_CODES.invalidRequest;
    description = `Invalid request: ${error.fields.map((field) => `${field.path} ${field.message}`).join('; ')}`;
  } else if (error instanceof GatewayError) {
    status = error.status;
    code = error.code;
    description = error.message;
  } else if (error instanceof SandboxError) {
    status = error.status;
    code = error.status >= 500 ? GATEWAY_ERROR_CODES.injected : GATEWAY_ERROR_CODES.invalidRequest;
    description = error.message;
  }
  return new Response(JSON.stringify({ result: { code, description }, timestamp: gatewayTimestamp() }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** `2017-10-25 12:47:43`, the gateway's timestamp format (UTC here). */
export function gatewayTimestamp(at = new Date()): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}
