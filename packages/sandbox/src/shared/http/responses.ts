import { SandboxError, ValidationFailedError } from './errors.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** A JSON answer. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

/**
 * The one place where errors become HTTP answers: `{error: {code, message, fields?}}`. Anything that is not
 * a `SandboxError` is a bug in the sandbox: answered 500 without internals, and logged by the caller.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof ValidationFailedError) {
    return jsonResponse(error.status, {
      error: { code: error.code, message: error.message, fields: error.fields },
    });
  }
  if (error instanceof SandboxError) {
    return jsonResponse(error.status, { error: { code: error.code, message: error.message } });
  }
  return jsonResponse(500, {
    error: { code: 'internal_error', message: 'The sandbox failed unexpectedly.' },
  });
}
