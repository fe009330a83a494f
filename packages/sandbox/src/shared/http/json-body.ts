import { BadRequestError, UnsupportedMediaTypeError } from './errors.js';

/** Parses a raw JSON body that was already read (and signed over) as text. */
export function parseJsonBody(request: Request, raw: string): unknown {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new UnsupportedMediaTypeError('application/json');
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new BadRequestError('invalid_json', 'The request body is not valid JSON.', { cause: error });
  }
}
