import type { z } from 'zod';
import { ValidationFailedError } from './errors.js';

/** Parses `value` or throws `ValidationFailedError` listing every field error with its dotted path. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationFailedError(
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(body)',
      message: issue.message,
    })),
  );
}
