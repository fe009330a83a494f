import { ValidationError } from '../errors.js';

/**
 * Limits on what a request may carry into the kit, checked once where bytes become values, so no route
 * can store or forward what would fail later with a 500:
 * - PostgreSQL `text` cannot hold NUL (error 22021), and a lone UTF-16 surrogate cannot be encoded as
 *   UTF-8 for the store or a provider;
 * - JSON nested thousands of levels deep parses fine but overflows the stack of any recursive walk
 *   (the idempotency hash of `POST sessions` is one); no field of our contract nests more than a few.
 */
export const MAX_JSON_DEPTH = 32;

/** Names what makes `value` unstorable, or undefined when it is fine. */
export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate';
  return undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws 400 `invalid_request` naming the field when `value` cannot be stored or forwarded. */
export function assertStorableText(value: string, field: string, maxLength: number): void {
  const problem = value.length > maxLength ? `is longer than ${maxLength} characters` : textProblem(value);
  if (problem) throw new ValidationError(`${field} ${problem}.`);
}

/**
 * Walks a parsed JSON value without recursion: 400 `invalid_request` when it nests deeper than
 * `MAX_JSON_DEPTH` or when any key or string is unstorable (the message names its path).
 */
export function assertSafeJson(root: unknown): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '$', depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) throw new ValidationError(`The value at ${path} ${problem}.`);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new ValidationError(`The body nests deeper than ${MAX_JSON_DEPTH} levels (at ${path}).`);
    }
    for (const [key, child] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) throw new ValidationError(`A key in ${path} ${problem}.`);
      stack.push({
        value: child,
        path: Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`,
        depth: depth + 1,
      });
    }
  }
}
