/**
 * Every error the sandbox answers on purpose. Each carries the `code` and HTTP `status` of the answer
 * (`{error: {code, message}}`); translation to HTTP happens once, in `responses.ts#errorResponse`.
 */
export class SandboxError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
  }
}

/** One field that failed validation: `path` is dotted (`payment.instructedAmount.amount`). */
export interface FieldError {
  path: string;
  message: string;
}

/** The request body or query failed validation (zod); `fields` names every offending field. */
export class ValidationFailedError extends SandboxError {
  readonly fields: FieldError[];
  constructor(fields: FieldError[], message = 'The request is invalid.') {
    super('validation_failed', 400, message);
    this.fields = fields;
  }
}

/** A malformed request that is not a field problem: bad JSON, a missing required header. */
export class BadRequestError extends SandboxError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, 400, message, options);
  }
}

/** Missing or wrong credentials (`unauthorized`) or a missing / wrong request signature (`invalid_signature`). */
export class UnauthorizedError extends SandboxError {
  constructor(code: 'unauthorized' | 'invalid_signature', message: string) {
    super(code, 401, message);
  }
}

/** A payment, client or route that does not exist (or that belongs to another client). */
export class NotFoundError extends SandboxError {
  constructor(code: string, message: string) {
    super(code, 404, message);
  }
}

/** The `Accept` header asks for an API version the sandbox does not speak. */
export class NotAcceptableError extends SandboxError {
  constructor(message: string) {
    super('not_acceptable', 406, message);
  }
}

/** The method is not allowed on this path. */
export class MethodNotAllowedError extends SandboxError {
  constructor(method: string) {
    super('method_not_allowed', 405, `${method} is not allowed here.`);
  }
}

/** The requested change is not allowed in the payment's current state (e.g. approving a completed payment). */
export class ConflictError extends SandboxError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, 409, message, options);
  }
}

/** The body is larger than the sandbox accepts (64 KiB for the API). */
export class PayloadTooLargeError extends SandboxError {
  constructor(limitBytes: number) {
    super('payload_too_large', 413, `The request body is larger than ${limitBytes} bytes.`);
  }
}

/** The body is not of a media type this endpoint reads. */
export class UnsupportedMediaTypeError extends SandboxError {
  constructor(expected: string) {
    super('unsupported_media_type', 415, `The request body must be ${expected}.`);
  }
}

/** A well-formed request that the business rules refuse (e.g. a top-up into an inactive account). */
export class UnprocessableError extends SandboxError {
  constructor(code: string, message: string) {
    super(code, 422, message);
  }
}

/** A failure injected by a test knob (`errorRate`, `X-Sandbox-Fail-Next`); nothing else happened. */
export class InjectedError extends SandboxError {
  constructor(status = 500) {
    super('sandbox_injected_error', status, 'Injected by a sandbox knob; the request was not processed.');
  }
}
