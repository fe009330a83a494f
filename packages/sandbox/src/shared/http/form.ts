/**
 * Reading the hosted pages' form posts: `application/x-www-form-urlencoded`, at most 16 KiB (a card
 * form is a few hundred bytes; anything bigger is not a shopper). The bytes are read by the package's
 * one limited body reader; the errors are the pages' own, answered as pages by each stage.
 */
import { readBodyBytes } from './body.js';

export const PAGE_FORM_LIMIT_BYTES = 16 * 1024;

/** Raised when a page form cannot be read: wrong content type or not UTF-8. Answered 400. */
export class MalformedFormError extends Error {
  readonly code = 'malformed_form';
  readonly status = 400;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MalformedFormError';
  }
}

/** Raised when a page form is larger than the limit. Answered 413. */
export class FormTooLargeError extends Error {
  readonly code = 'form_too_large';
  readonly status = 413;
  constructor(limitBytes: number) {
    super(`The form is larger than ${limitBytes} bytes.`);
    this.name = 'FormTooLargeError';
  }
}

export async function readPageForm(
  request: Request,
  limitBytes = PAGE_FORM_LIMIT_BYTES,
): Promise<URLSearchParams> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new MalformedFormError('Page forms are posted as application/x-www-form-urlencoded.');
  }
  const bytes = await readBodyBytes(request, limitBytes, () => new FormTooLargeError(limitBytes));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new MalformedFormError('The form is not valid UTF-8.', { cause: error });
  }
  return new URLSearchParams(text);
}

/** The named fields, or undefined when one is missing (a malformed post, not a user error). */
export function requireFields<const Names extends readonly string[]>(
  form: URLSearchParams,
  names: Names,
): Record<Names[number], string> | undefined {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (value === null) return undefined;
    values[name] = value;
  }
  return values as Record<Names[number], string>;
}
