import { readBodyText } from './body.js';
import { UnsupportedMediaTypeError } from './errors.js';

/** Hosted pages post small forms; 16 KiB is generous for a card form. */
export const FORM_BODY_LIMIT_BYTES = 16 * 1024;

/** Reads an `application/x-www-form-urlencoded` body (the only encoding the hosted pages post). */
export async function readForm(
  request: Request,
  limitBytes = FORM_BODY_LIMIT_BYTES,
): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded');
  }
  return new URLSearchParams(await readBodyText(request, limitBytes));
}
