/**
 * Reading the widget's form posts: `application/x-www-form-urlencoded`, at most 16 KiB (a card form
 * is a few hundred bytes; anything bigger is not a shopper). Kept here rather than in `src/http/` so
 * the widget does not depend on the API side's helpers.
 */

export const WIDGET_FORM_LIMIT_BYTES = 16 * 1024;

/** Raised when a widget form cannot be read: wrong content type or not UTF-8. Answered 400. */
export class MalformedFormError extends Error {
  readonly code = 'malformed_form';
  readonly status = 400;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MalformedFormError';
  }
}

/** Raised when a widget form is larger than the limit. Answered 413. */
export class FormTooLargeError extends Error {
  readonly code = 'form_too_large';
  readonly status = 413;
  constructor(limitBytes: number) {
    super(`The form is larger than ${limitBytes} bytes.`);
    this.name = 'FormTooLargeError';
  }
}

export async function readWidgetForm(
  request: Request,
  limitBytes = WIDGET_FORM_LIMIT_BYTES,
): Promise<URLSearchParams> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new MalformedFormError('Widget forms are posted as application/x-www-form-urlencoded.');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limitBytes) throw new FormTooLargeError(limitBytes);
  const bytes = await readLimited(request, limitBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new MalformedFormError('The form is not valid UTF-8.', { cause: error });
  }
  return new URLSearchParams(text);
}

/** Reads the body chunk by chunk and stops as soon as it passes the limit (a lying Content-Length too). */
async function readLimited(request: Request, limitBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel();
      throw new FormTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
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
