import { SandboxError } from '../../shared/http/errors.js';

/**
 * A request whose signature headers are missing or wrong. The code names what was wrong
 * (`missing_header`, `invalid_digest`, `stale_date`, `unknown_key_id`, …) and the message names the
 * header, so an integrator can fix the signer from the answer alone. Missing or malformed headers are
 * 400; a signature, key, date or replay that does not check out is 401.
 */
export class FintectureSignatureError extends SandboxError {
  constructor(
    code:
      | 'missing_header'
      | 'invalid_date'
      | 'invalid_request_id'
      | 'invalid_digest'
      | 'malformed_signature'
      | 'unsupported_algorithm'
      | 'stale_date'
      | 'unknown_key_id'
      | 'unsigned_header'
      | 'replayed_request'
      | 'invalid_signature',
    message: string,
  ) {
    const badRequest = [
      'missing_header',
      'invalid_date',
      'invalid_request_id',
      'invalid_digest',
      'malformed_signature',
      'unsupported_algorithm',
    ].includes(code);
    super(code, badRequest ? 400 : 401, message);
  }
}
