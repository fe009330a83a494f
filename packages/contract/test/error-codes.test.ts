import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ERROR_CODE_INFO, ERROR_CODES, ErrorCode } from '../src/index.js';
import { DOC_PATH, renderErrorCodeTable, tableInDoc } from './error-codes-doc.js';

describe('error codes', () => {
  it('lists each code once, in snake_case', () => {
    assert.equal(new Set(ERROR_CODES).size, ERROR_CODES.length);
    for (const code of ERROR_CODES) assert.match(code, /^[a-z]+(_[a-z]+)*$/, code);
  });

  it('describes every listed code, and no other', () => {
    assert.deepEqual(Object.keys(ERROR_CODE_INFO).sort(), [...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const { status, when } = ERROR_CODE_INFO[code];
      assert.ok(Number.isInteger(status) && status >= 400 && status <= 599, `${code}: status ${status}`);
      assert.match(when, /^\S.*\.$/, `${code}: one sentence`);
    }
  });

  it("keeps the kit's idempotency code, the one merchants already match on", () => {
    assert.equal(ErrorCode.safeParse('idempotency_key_reused').success, true);
    assert.equal(ErrorCode.safeParse('idempotency_mismatch').success, false);
    assert.equal(ERROR_CODE_INFO.idempotency_key_reused.status, 422);
  });

  it('answers the merchant-operation and routing refusals with their own status', () => {
    const expected: Record<string, number> = {
      unauthorized: 401,
      operation_unsupported: 409,
      payment_not_final: 409,
      payment_failed: 409,
      already_captured: 409,
      already_voided: 409,
      not_capturable: 409,
      amount_exceeds_authorized: 422,
      amount_exceeds_refundable: 422,
      nothing_to_refund: 409,
      operation_in_progress: 409,
      provider_unavailable: 503,
      provider_not_allowed: 400,
      merchant_api_disabled: 404,
      continue_not_available: 404,
      return_not_resolved: 404,
      invalid_signature: 401,
    };
    const actual = Object.fromEntries(
      Object.keys(expected).map((code) => [code, ERROR_CODE_INFO[ErrorCode.parse(code)].status]),
    );
    assert.deepEqual(actual, expected);
  });

  it('offers a retry only where asking again can change the answer', () => {
    const retryable = ERROR_CODES.filter((code) => ERROR_CODE_INFO[code].retryable);
    assert.deepEqual(retryable, [
      'idempotency_in_progress',
      'too_many_streams',
      'rate_limited',
      'request_timeout',
      'provider_timeout',
      'provider_error',
      'provider_unreachable',
      'provider_bad_response',
      'provider_response_too_large',
      'provider_unavailable',
      'operation_in_progress',
      'closed',
      'store_conflict',
      'internal_error',
    ]);
  });

  describe('docs/error-codes.md', () => {
    const doc = readFileSync(DOC_PATH, 'utf8');

    it('holds the table generated from the list (rewrite it with test/error-codes-doc.ts)', () => {
      assert.equal(tableInDoc(doc), renderErrorCodeTable());
    });

    it('has a row for every code with its status', () => {
      for (const code of ERROR_CODES) {
        const row = new RegExp(`^\\| \`${code}\` +\\| +${ERROR_CODE_INFO[code].status} `, 'm');
        assert.match(doc, row, code);
      }
    });
  });
});
